using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace MemAlign.Labeling;

/// <summary>
/// How a pairwise trace (<see cref="PairwiseTrace"/>) is shown for a preference schema: its two candidates side by side,
/// named A and B as the reviewer sees them, in an order drawn per reviewer and item (a hash of both, so the same reviewer
/// always sees an item the same way, and reviewers differ). The reviewer's A and B are mapped back to the stored order
/// before the label is written, and the stored order to theirs when a label or verdict is shown.
/// </summary>
internal static class PairDisplay
{
    /// <summary>Whether <paramref name="trace"/> is shown as a pair under <paramref name="schema"/>.</summary>
    public static bool Applies(LabelSchema schema, Trace trace) =>
        schema.ValueType.IsPreference && PairwiseTrace.IsPairwise(trace)
        && trace.Outputs is { ValueKind: JsonValueKind.Object } outputs
        && outputs.TryGetProperty(PairwiseTrace.CandidateA, out _) && outputs.TryGetProperty(PairwiseTrace.CandidateB, out _);

    /// <summary>Whether <paramref name="reviewer"/> sees candidate B first (on the left, named A) on <paramref name="traceId"/>.</summary>
    public static bool Swapped(string reviewer, string traceId) =>
        (SHA256.HashData(Encoding.UTF8.GetBytes(reviewer + "\n" + traceId))[0] & 1) == 1;

    /// <summary>A value in the other naming: A and B exchanged, a tie (or anything else) as it is. Its own inverse.</summary>
    public static FeedbackValue Exchange(FeedbackValue value) =>
        value.Kind != FeedbackValueKind.Text ? value
        : value.AsText() == nameof(Preference.A) ? FeedbackValue.FromText(nameof(Preference.B))
        : value.AsText() == nameof(Preference.B) ? FeedbackValue.FromText(nameof(Preference.A))
        : value;
}
