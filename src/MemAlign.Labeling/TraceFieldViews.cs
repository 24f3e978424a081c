using System.Text.Json;

namespace MemAlign.Labeling;

/// <summary>How a trace's inputs, outputs and expectations are shown: text as safe Markdown, anything else as pretty JSON, long ones folded.</summary>
internal static class TraceFieldViews
{
    // Longer than this (characters or lines) starts folded, with its beginning as the summary.
    private const int LongCharacters = 1_200;
    private const int LongLines = 24;
    private const int SummaryCharacters = 160;

    // What one field shows at most; the rest is cut, saying how much (a page must open whatever a trace holds).
    internal const int MaxShownCharacters = 100_000;

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static IReadOnlyList<FieldView> Of(Trace trace) =>
        new (string Name, JsonElement? Value)[] { ("Inputs", trace.Inputs), ("Outputs", trace.Outputs), ("Expectations", trace.Expectations) }
            .Where(f => f.Value is { ValueKind: not JsonValueKind.Null and not JsonValueKind.Undefined })
            .Select(f => Field(f.Name, f.Value!.Value))
            .ToList();

    /// <summary>The first words of a trace's inputs, for lists of traces (retrieved examples).</summary>
    public static string Summary(Trace trace) => trace.Inputs is { } inputs ? Shorten(PlainText(inputs)) : trace.Id;

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
