using System.Text.Json;

namespace MemAlign;

/// <summary>
/// Pairwise traces: an ordinary trace whose <c>outputs</c> are the two candidates, <c>{"a": ..., "b": ...}</c> (any
/// JSON each, in canonical order), tagged <c>memalign.kind: pairwise</c>. A pairwise judge (value type
/// <see cref="FeedbackValueType.Preference"/>) asks about such a trace in both orders; human preferences are
/// assessments of the trace with the value A, B or Tie.
/// </summary>
public static class PairwiseTrace
{
    /// <summary>The tag that marks a trace's kind.</summary>
    public const string KindTag = "memalign.kind";

    /// <summary>The value of <see cref="KindTag"/> for a pairwise trace.</summary>
    public const string Kind = "pairwise";

    /// <summary>The member of <c>outputs</c> that holds candidate A.</summary>
    public const string CandidateA = "a";

    /// <summary>The member of <c>outputs</c> that holds candidate B.</summary>
    public const string CandidateB = "b";

    /// <summary>
    /// Creates a pairwise trace: <paramref name="inputs"/>, the two candidates as <c>outputs</c> <c>{"a": ..., "b": ...}</c>,
    /// and the tag. Strings become JSON strings, other objects are serialized with <see cref="JsonSerializer"/>.
    /// </summary>
    /// <exception cref="ArgumentNullException">A candidate is null.</exception>
    public static Trace Create(string id, object? inputs, object candidateA, object candidateB, object? expectations = null)
    {
        ArgumentNullException.ThrowIfNull(candidateA);
        ArgumentNullException.ThrowIfNull(candidateB);
        return Trace.Create(id, inputs, new Dictionary<string, object> { [CandidateA] = candidateA, [CandidateB] = candidateB }, expectations).WithTag(KindTag, Kind);
    }

    /// <summary>Whether <paramref name="trace"/> is tagged as a pairwise trace (<c>memalign.kind: pairwise</c>).</summary>
    public static bool IsPairwise(Trace trace)
    {
        ArgumentNullException.ThrowIfNull(trace);
        return trace.Tags.TryGetValue(KindTag, out var kind) && string.Equals(kind, Kind, StringComparison.Ordinal);
    }

    /// <summary>
    /// Why a pairwise trace cannot be judged (its outputs are not an object holding exactly the candidates <c>a</c> and
    /// <c>b</c>), or <see langword="null"/> when it can.
    /// </summary>
    internal static string? Problem(Trace trace)
    {
        if (trace.Outputs is not { ValueKind: JsonValueKind.Object } outputs)
        {
            return $"its outputs must be an object with the two candidates, {{\"a\": ..., \"b\": ...}}, but they are {Describe(trace.Outputs)}";
        }

        var names = outputs.EnumerateObject().Select(p => p.Name).ToList();
        return names.Count == 2 && names.Contains(CandidateA, StringComparer.Ordinal) && names.Contains(CandidateB, StringComparer.Ordinal)
            ? null
            : $"its outputs must hold exactly the candidates \"a\" and \"b\", but they hold {(names.Count == 0 ? "nothing" : string.Join(", ", names.Select(n => JsonSerializer.Serialize(n))))}";
    }

    /// <summary>The same trace (same id) with its candidates swapped: outputs <c>{"a": B, "b": A}</c>.</summary>
    internal static Trace Swap(Trace trace)
    {
        var outputs = trace.Outputs!.Value;
        var swapped = new Dictionary<string, JsonElement>
        {
            [CandidateA] = outputs.GetProperty(CandidateB),
            [CandidateB] = outputs.GetProperty(CandidateA),
        };
        return new Trace(trace.Id)
        {
            Inputs = trace.Inputs,
            Outputs = JsonSerializer.SerializeToElement(swapped),
            Expectations = trace.Expectations,
            Tags = trace.Tags,
            Metadata = trace.Metadata,
            Assessments = trace.Assessments,
            CreatedAt = trace.CreatedAt,
        };
    }

    /// <summary>An answer given with the candidates swapped, in the canonical names: A is B, B is A, a tie stays a tie.</summary>
    internal static Preference MapBack(Preference swapped) => swapped switch
    {
        Preference.A => Preference.B,
        Preference.B => Preference.A,
        _ => swapped,
    };

    private static string Describe(JsonElement? value) => value is not { } element ? "missing" : element.ValueKind switch
    {
        JsonValueKind.String => "a string",
        JsonValueKind.Array => "an array",
        JsonValueKind.Number => "a number",
        JsonValueKind.Null => "null",
        _ => "a " + element.ValueKind.ToString().ToLowerInvariant(),
    };
}
