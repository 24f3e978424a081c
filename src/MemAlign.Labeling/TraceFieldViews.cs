using System.Text.Json;

namespace MemAlign.Labeling;

/// <summary>
/// How a trace's inputs, outputs and expectations are shown: text as safe Markdown, a conversation (inputs that are a
/// message list) as its turns, anything else as pretty JSON, long ones folded.
/// </summary>
internal static class TraceFieldViews
{
    // Longer than this (characters or lines) starts folded, with its beginning as the summary.
    private const int LongCharacters = 1_200;
    private const int LongLines = 24;
    private const int SummaryCharacters = 160;

    // What one field shows at most; the rest is cut, saying how much (a page must open whatever a trace holds).
    internal const int MaxShownCharacters = 100_000;

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static IReadOnlyList<FieldView> Of(Trace trace, bool pair = false) =>
        new (string Name, JsonElement? Value)[] { ("Inputs", trace.Inputs), ("Outputs", pair ? null : trace.Outputs), ("Expectations", trace.Expectations) }
            .Where(f => f.Value is { ValueKind: not JsonValueKind.Null and not JsonValueKind.Undefined })
            .Select(f => f.Name == "Inputs" && Turns(f.Value!.Value) is { } turns ? Conversation(turns) : Field(f.Name, f.Value!.Value))
            .ToList();

    /// <summary>A pairwise trace's candidates as the reviewer sees them: the stored A and B, or B and A when <paramref name="swapped"/>.</summary>
    public static PairView Pair(Trace trace, bool swapped)
    {
        var outputs = trace.Outputs!.Value;
        var (left, right) = (outputs.GetProperty(PairwiseTrace.CandidateA), outputs.GetProperty(PairwiseTrace.CandidateB));
        return swapped ? new PairView(Field("A", right), Field("B", left)) : new PairView(Field("A", left), Field("B", right));
    }

    /// <summary>The first words of a trace's inputs (of its first user turn, for a conversation), for lists of traces (retrieved examples).</summary>
    public static string Summary(Trace trace) => trace.Inputs is not { } inputs ? trace.Id
        : Turns(inputs) is { } turns ? Shorten(turns.FirstOrDefault(t => t.Role == "user").Text ?? turns[0].Text)
        : Shorten(PlainText(inputs));

    /// <summary>The turns of a message list (objects with a string <c>role</c>), or <see langword="null"/> when the value is not one.</summary>
    private static List<(string Role, string Text)>? Turns(JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.Array || value.GetArrayLength() == 0)
        {
            return null;
        }

        var turns = new List<(string Role, string Text)>();
        foreach (var message in value.EnumerateArray())
        {
            if (message.ValueKind != JsonValueKind.Object || !message.TryGetProperty("role", out var role) || role.ValueKind != JsonValueKind.String)
            {
                return null;
            }

            var content = message.TryGetProperty("content", out var c) ? PlainText(c) : PlainText(message);
            turns.Add((role.GetString()!, content));
        }

        return turns;
    }

    // One block per turn: the role HTML-encoded, the text as safe Markdown (raw HTML disabled), so a conversation reads
    // as a transcript and nothing in it can become markup.
    private static FieldView Conversation(List<(string Role, string Text)> turns)
    {
        var html = new System.Text.StringBuilder("<ol class=\"conversation\">");
        var characters = 0;
        foreach (var (role, text) in turns)
        {
            var shown = characters >= MaxShownCharacters ? "…" : Capped(text);
            characters += text.Length;
            html.Append("<li class=\"turn\"><span class=\"role\">").Append(System.Net.WebUtility.HtmlEncode(role)).Append("</span>")
                .Append(SafeMarkdown.ToHtml(shown)).Append("</li>");
        }

        html.Append("</ol>");
        var summary = string.Join(" · ", turns.Take(2).Select(t => $"{t.Role}: {t.Text}"));
        var isLong = characters > LongCharacters || turns.Count > LongLines / 2;
        return new FieldView($"Conversation ({turns.Count} turns)", html.ToString(), null, isLong, Shorten(summary));
    }

    private static FieldView Field(string name, JsonElement value)
    {
        var text = Capped(PlainText(value));
        var isLong = text.Length > LongCharacters || text.Count(c => c == '\n') > LongLines;
        return value.ValueKind == JsonValueKind.String
            ? new FieldView(name, SafeMarkdown.ToHtml(text), null, isLong, Shorten(text))
            : new FieldView(name, null, text, isLong, Shorten(text));
    }

    // Escaping is the page's job (it sets textContent); here JSON keeps its characters as written.
    private static string PlainText(JsonElement value) =>
        value.ValueKind == JsonValueKind.String ? value.GetString()! : JsonSerializer.Serialize(value, Indented);

    private static string Capped(string text) =>
        text.Length <= MaxShownCharacters ? text
            : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{text[..MaxShownCharacters]}\n\n… ({text.Length - MaxShownCharacters:N0} more characters not shown)");

    private static string Shorten(string text)
    {
        var line = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return line.Length <= SummaryCharacters ? line : line[..SummaryCharacters] + "…";
    }
}
