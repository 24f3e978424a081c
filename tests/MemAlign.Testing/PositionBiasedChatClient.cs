using System.Text;
using System.Text.Json;
using Microsoft.Extensions.AI;

namespace MemAlign.Testing;

/// <summary>
/// A deterministic stand-in for an LLM judge of pairs with the position bias real judges show: it prefers the
/// candidate shown first unless its prompt tells it which quality matters. Its guidance is the text of the distilled
/// guidelines in the system message and the rationales of the example judgements in the user message; every word of
/// four letters or more in them (a few generic words aside) is a cue. It counts the distinct cues each candidate's text
/// holds: more cues wins; equal, non-zero counts are a tie; no cue in either (or no guidance) goes to the first
/// position. So an unaligned pairwise judge on it is never position-consistent, and alignment on rationales that name
/// what makes a candidate better measurably makes it so. Thread-safe; counts its calls.
/// </summary>
public sealed class PositionBiasedChatClient : IChatClient
{
    private const string TraceHeader = "Trace to judge:";

    private static readonly HashSet<string> Generic = new(StringComparer.Ordinal)
    {
        "experts", "judged", "when", "with", "that", "this", "than", "then", "better", "worse", "reply", "replies", "answer", "answers",
        "candidate", "candidates", "gives", "give", "only", "both", "neither", "because", "more", "less", "from", "their", "they",
        "them", "have", "does", "just", "same", "equally", "equal", "other", "first", "second", "also", "each", "what", "which",
    };

    private int _calls;

    public PositionBiasedChatClient(string modelId = "position-biased-model")
    {
        ModelId = modelId;
    }

    public string ModelId { get; }

    public int CallCount => Volatile.Read(ref _calls);

    /// <summary>The reply JSON for a judge's system and user messages (also what a loopback server can answer with).</summary>
    public static string Reply(string system, string user)
    {
        var cues = Cues(Guidance(system, user));
        var (a, b) = Candidates(user);
        if (cues.Count == 0 || a is null || b is null)
        {
            return Json("No guidance on what matters; the first candidate reads well.", "A");
        }

        var (scoreA, scoreB) = (Score(a, cues), Score(b, cues));
        var (result, why) = scoreA == scoreB
            ? scoreA == 0 ? ("A", "Neither candidate shows what the guidance asks for; the first reads well.") : ("Tie", $"Both show {scoreA} of the qualities asked for.")
            : scoreA > scoreB ? ("A", $"The first shows {scoreA} of the qualities asked for, the second {scoreB}.") : ("B", $"The second shows {scoreB} of the qualities asked for, the first {scoreA}.");
        return Json(why, result);
    }

    public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        Interlocked.Increment(ref _calls);
        var list = messages.ToList();
        var system = list.FirstOrDefault(m => m.Role == ChatRole.System)?.Text ?? "";
        var user = list.LastOrDefault(m => m.Role == ChatRole.User)?.Text ?? "";
        var response = ScriptedChatClient.Response(Reply(system, user));
        response.ModelId = ModelId;
        return Task.FromResult(response);
    }

    public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("Judges do not stream.");

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceType == typeof(ChatClientMetadata) ? new ChatClientMetadata("position-biased", null, ModelId) : null;

    public void Dispose()
    {
    }

    private static string Json(string rationale, string result) => JsonSerializer.Serialize(new { rationale, result });

    // The guidelines (system message, "  - \"...\"" lines after "Distilled Guidelines") and the examples' rationales (user message).
    private static List<string> Guidance(string system, string user)
    {
        var texts = new List<string>();
        var guidelines = system.IndexOf("Distilled Guidelines (", StringComparison.Ordinal);
        if (guidelines >= 0)
        {
            texts.AddRange(Quoted(system[guidelines..], "  - "));
        }

        var trace = user.IndexOf(TraceHeader, StringComparison.Ordinal);
        texts.AddRange(Quoted(trace < 0 ? user : user[..trace], "  rationale: "));
        return texts;
    }

    private static IEnumerable<string> Quoted(string text, string prefix) => text.Split('\n')
        .Where(l => l.StartsWith(prefix, StringComparison.Ordinal) && l.Length > prefix.Length && l[prefix.Length] == '"')
        .Select(l => JsonSerializer.Deserialize<string>(l[prefix.Length..].Trim()) ?? "");

    private static HashSet<string> Cues(IEnumerable<string> guidance) =>
        guidance.SelectMany(Words).Where(w => w.Length >= 4 && !Generic.Contains(w)).ToHashSet(StringComparer.Ordinal);

    private static int Score(string candidate, HashSet<string> cues) => Words(candidate).Distinct(StringComparer.Ordinal).Count(cues.Contains);

    private static IEnumerable<string> Words(string text)
    {
        var word = new StringBuilder();
        foreach (var c in text.Append(' '))
        {
            if (char.IsLetter(c))
            {
                word.Append(char.ToLowerInvariant(c));
            }
            else if (word.Length > 0)
            {
                yield return word.ToString();
                word.Clear();
            }
        }
    }

    // The trace's outputs {"a": ..., "b": ...}, given after "Trace to judge:" as "outputs: " and indented JSON.
    private static (string? A, string? B) Candidates(string user)
    {
        var trace = user.IndexOf(TraceHeader, StringComparison.Ordinal);
        var outputs = trace < 0 ? -1 : user.IndexOf("\noutputs: ", trace, StringComparison.Ordinal);
        if (outputs < 0)
        {
            return (null, null);
        }

        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(user[(outputs + "\noutputs: ".Length)..]), new JsonReaderOptions { AllowMultipleValues = true });
        using var document = JsonDocument.ParseValue(ref reader);
        var root = document.RootElement;
        return root.ValueKind == JsonValueKind.Object && root.TryGetProperty("a", out var a) && root.TryGetProperty("b", out var b)
            ? (Text(a), Text(b))
            : (null, null);
    }

    private static string Text(JsonElement value) => value.ValueKind == JsonValueKind.String ? value.GetString()! : value.GetRawText();
}
