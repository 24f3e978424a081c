namespace MemAlign.Models;

/// <summary>
/// The local judge's estimate for numeric judges: the neighbours' weighted mean (each neighbour weighs its
/// similarity times its <see cref="EpisodicExample.Weight"/>: a trace counts once per agreeing label), pulled toward
/// the mean of the whole memory by how dissimilar the neighbours are,
/// estimate = memory mean + s * (weighted mean - memory mean), with s the neighbours' weighted mean
/// similarity (0 to 1). Identical neighbours (s = 1) give their weighted mean unchanged; unrelated ones
/// give the memory's mean. The result is rounded onto the scale for integer judges and clamped to it.
/// Confidence is s * (1 - the neighbours' weighted standard deviation / half the scale's range):
/// high when the neighbours are similar and agree. For a judge with a "not applicable" value, the neighbours first vote
/// by weight on applicability: a majority of "not applicable" gives that value; otherwise the applicable ones are averaged.
/// </summary>
internal static class LocalNumericVote
{
    /// <param name="neighbours">The retrieved examples.</param>
    /// <param name="classes">Every label in memory with its count, for the memory's mean over applicable labels.</param>
    /// <param name="valueType">The judge's value type; with a "not applicable" value, the neighbours vote on applicability first.</param>
    public static Estimate Decide(IReadOnlyList<RetrievedExample> neighbours, IReadOnlyList<ClassCount> classes, FeedbackValueType valueType)
    {
        // Similarities can be zero or negative; every retrieved example keeps a small say in the mean. A trace
        // weighs once per agreeing label it stands for.
        var weights = neighbours.Select(n => (Math.Max(n.Similarity, 0f) + 1e-3) * n.Example.Weight).ToList();
        var total = weights.Sum();
        var similarity = Math.Clamp(neighbours.Select((n, i) => weights[i] * Math.Max(n.Similarity, 0f)).Sum() / total, 0, 1);

        // "Not applicable" is not a point on the scale: the neighbours first vote on whether the question applies
        // (by weight), and only the applicable ones are averaged, so a 0 meaning "does not apply" never drags a 1-3 rating down.
        var notApplicableWeight = neighbours.Select((n, i) => valueType.IsNotApplicable(n.Example.Value) ? weights[i] : 0).Sum();
        if (notApplicableWeight * 2 > total)
        {
            var share = notApplicableWeight / total;
            return new Estimate(valueType.NotApplicable!.Value, valueType.NotApplicable!.Value, double.NaN, similarity, similarity * share, share);
        }

        var applicable = neighbours.Select((n, i) => (Value: n.Example.Value.AsNumber(), Weight: weights[i], Similarity: n.Similarity))
            .Where((_, i) => !valueType.IsNotApplicable(neighbours[i].Example.Value)).ToList();
        var applicableTotal = applicable.Sum(a => a.Weight);
        var mean = applicable.Sum(a => a.Weight * a.Value) / applicableTotal;
        var ratings = classes.Where(c => !valueType.IsNotApplicable(c.Value)).ToList();
        var memoryMean = ratings.Count > 0 ? ratings.Sum(c => c.Value.AsNumber() * c.Count) / ratings.Sum(c => c.Count) : mean;
        var shrunk = memoryMean + (similarity * (mean - memoryMean));
        var onScale = valueType.Kind == FeedbackTypeKind.Integer ? Math.Round(shrunk, MidpointRounding.AwayFromZero) : shrunk;
        var (minimum, maximum) = (valueType.Minimum!.Value, valueType.Maximum!.Value);
        var spread = Math.Sqrt(applicable.Sum(a => a.Weight * Math.Pow(a.Value - mean, 2)) / applicableTotal);
        var halfRange = (maximum - minimum) / 2;
        var confidence = similarity * (halfRange > 0 ? Math.Clamp(1 - (spread / halfRange), 0, 1) : 1) * (1 - (notApplicableWeight / total));
        return new Estimate(Math.Clamp(onScale, minimum, maximum), mean, memoryMean, similarity, confidence, notApplicableWeight / total);
    }

    /// <summary>
    /// The value given, the neighbours' weighted mean (over applicable neighbours), the memory's mean (over applicable labels),
    /// their weighted mean similarity, the confidence,
    /// and the share of the neighbours' weight that said "not applicable" (0 for judges without such a value).
    /// </summary>
    internal sealed record Estimate(double Value, double NeighbourMean, double MemoryMean, double Similarity, double Confidence, double NotApplicableShare);
}
