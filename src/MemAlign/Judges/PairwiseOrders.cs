namespace MemAlign;

/// <summary>
/// A pairwise judge's two answers on one pair of candidates: with them in the trace's order (A, then B) and swapped
/// (B shown first), the swapped answer mapped back to the canonical names, so both read A, B or Tie for the same candidates.
/// </summary>
/// <param name="AsGiven">The answer with candidate A shown first.</param>
/// <param name="Swapped">The answer with candidate B shown first, mapped back (the model's "A" is candidate B).</param>
public sealed record PairwiseOrders(Preference AsGiven, Preference Swapped)
{
    /// <summary>Whether both orders gave the same answer: the verdict does not depend on which candidate came first.</summary>
    public bool IsConsistent => AsGiven == Swapped;

    /// <summary>The two answers as they are stored and printed: <c>A|B</c> (as given, then swapped and mapped back).</summary>
    public override string ToString() => $"{AsGiven}|{Swapped}";

    /// <summary>Reads <see cref="ToString"/>'s form back; <see langword="null"/> when the text is not of that form.</summary>
    public static PairwiseOrders? Parse(string? text)
    {
        var parts = text?.Split('|');
        return parts is [var first, var second]
            && Enum.TryParse<Preference>(first, ignoreCase: false, out var asGiven) && asGiven is not Preference.Inconsistent
            && Enum.TryParse<Preference>(second, ignoreCase: false, out var swapped) && swapped is not Preference.Inconsistent
            ? new PairwiseOrders(asGiven, swapped)
            : null;
    }
}
