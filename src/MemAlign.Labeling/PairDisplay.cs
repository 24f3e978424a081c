using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace MemAlign.Labeling;

/// <summary>
/// How a pairwise trace (<see cref="PairwiseTrace"/>) is shown for a preference schema: its two candidates side by side,
/// named A and B as the reviewer sees them, in an order drawn per reviewer and item (a hash of both, so the same reviewer
/// always sees an item the same way, and reviewers differ). The reviewer's A and B are mapped back to the stored order
/// before the label is written, and the stored order to theirs when a label or verdict is shown. Free text cannot be
/// mapped: a comment written in the swapped order is stored with a mark saying so, and text in the stored order is shown
/// to a reviewer who sees the pair swapped with a note saying that.
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

    /// <summary>
    /// What begins the stored comment of a reviewer who saw the candidates swapped. An assessment has no field for the order
    /// it was given in, and the comment is the one part whose meaning depends on it (the value is mapped back), so the mark
    /// travels with the text into every store, export and alignment prompt.
    /// </summary>
    public const string SwappedCommentMark = "[shown order b,a: in this comment A is candidate b and B is candidate a] ";

    /// <summary>Beside a comment in the stored order, for a reviewer who sees the pair swapped.</summary>
    public const string StoredOrderCommentNote = "A and B in this comment name the candidates as they are stored: its A is the reply shown here as B, and its B the one shown as A.";

    /// <summary>Before the judge's reasoning (always in the stored order), for a reviewer who sees the pair swapped.</summary>
    public const string StoredOrderVerdictNote = "(The judge's reasoning names the replies as they are stored: its A is the reply shown here as B, and its B the one shown as A.) ";

    /// <summary>
    /// A reviewer's comment as stored: marked when they saw the candidates swapped, unless it is <paramref name="before"/> (their
    /// stored comment) in the stored order, unmarked, which was shown to them as it is (with a note) and came back unchanged.
    /// </summary>
    public static string? Stored(string? comment, bool swapped, string? before) =>
        comment is null || !swapped || (string.Equals(comment, before?.Trim(), StringComparison.Ordinal) && !before!.StartsWith(SwappedCommentMark, StringComparison.Ordinal))
            ? comment
            : SwappedCommentMark + comment;

    /// <summary>
    /// A stored comment as shown to a reviewer: in their order without its mark, or with a note when its A and B are the
    /// stored order's and the reviewer sees the pair swapped. A marked comment shown unswapped keeps its mark, which says it all.
    /// </summary>
    public static (string? Comment, string? Note) Shown(string? stored, bool swapped)
    {
        var marked = stored?.StartsWith(SwappedCommentMark, StringComparison.Ordinal) == true;
        return stored is null ? (null, null)
            : swapped && marked ? (stored[SwappedCommentMark.Length..], null)
            : swapped ? (stored, StoredOrderCommentNote)
            : (stored, null);
    }
}
