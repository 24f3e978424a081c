namespace MemAlign.Evaluation;

/// <summary>
/// A running count of <see cref="PositionConsistency"/>: results are counted as they come and not kept, so a run over many
/// results (an experiment's folds) holds two numbers, and a run without pairwise results holds nothing more.
/// </summary>
internal sealed class PositionTally
{
    private int _pairs;
    private int _consistent;

    /// <summary>Counts the pairwise results among <paramref name="results"/> that have a verdict.</summary>
    public void Add(IEnumerable<EvaluationRecord> results)
    {
        foreach (var result in results)
        {
            if (result.IsOk && result.Pairwise is { } orders)
            {
                _pairs++;
                _consistent += orders.IsConsistent ? 1 : 0;
            }
        }
    }

    /// <summary>The consistency counted so far, or <see langword="null"/> when no result was pairwise.</summary>
    public PositionConsistency? Result => _pairs == 0 ? null : new PositionConsistency(_pairs, _consistent);
}
