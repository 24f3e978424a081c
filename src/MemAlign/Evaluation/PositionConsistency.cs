namespace MemAlign.Evaluation;

/// <summary>
/// How often a pairwise judge gives the same answer whatever order the candidates come in: of the pairs it judged in both
/// orders, the share whose two answers agree, with its exact (Clopper-Pearson) 95% interval. LLM judges favour a position
/// (the first candidate, usually), which shows here before it shows anywhere else.
/// </summary>
/// <param name="Pairs">Pairwise results judged in both orders.</param>
/// <param name="Consistent">Of those, the ones whose two orders agree.</param>
public sealed record PositionConsistency(int Pairs, int Consistent)
{
    /// <summary>The share of pairs whose two orders agree; <see langword="null"/> without pairs.</summary>
    public double? Rate => Pairs == 0 ? null : (double)Consistent / Pairs;

    /// <summary>The share of position-inconsistent verdicts (one minus <see cref="Rate"/>); <see langword="null"/> without pairs.</summary>
    public double? InconsistentShare => Pairs == 0 ? null : (double)(Pairs - Consistent) / Pairs;

    /// <summary>The exact (Clopper-Pearson) 95% interval of <see cref="Rate"/>; <see langword="null"/> without pairs.</summary>
    public ConfidenceInterval? Interval => ClopperPearson.Interval(Consistent, Pairs);

    /// <summary>The consistency of the pairwise results among <paramref name="results"/>, or <see langword="null"/> when none is pairwise.</summary>
    public static PositionConsistency? Compute(IEnumerable<EvaluationRecord> results)
    {
        ArgumentNullException.ThrowIfNull(results);
        var tally = new PositionTally();
        tally.Add(results);
        return tally.Result;
    }
}
