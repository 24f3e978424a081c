namespace MemAlign.Models;

/// <summary>
/// The local judge's estimate for numeric judges: the neighbours' weighted mean (each neighbour weighs its
/// similarity times its <see cref="EpisodicExample.Weight"/>: a trace counts once per agreeing label), pulled toward
/// the mean of the whole memory by how dissimilar the neighbours are,
/// estimate = memory mean + s * (weighted mean - memory mean), with s the neighbours' weighted mean
/// similarity (0 to 1). Identical neighbours (s = 1) give their weighted mean unchanged; unrelated ones
/// give the memory's mean. The result is rounded onto the scale for integer judges and clamped to it.
/// Confidence is s * (1 - the neighbours' weighted standard deviation / half the scale's range):
/// high when the neighbours are similar and agree.
/// </summary>
internal static class LocalNumericVote
{
    public static Estimate Decide(IReadOnlyList<RetrievedExample> neighbours, double memoryMean, FeedbackValueType valueType)
    {
        // Similarities can be zero or negative; every retrieved example keeps a small say in the mean. A trace
        // weighs once per agreeing label it stands for.
        var weights = neighbours.Select(n => (Math.Max(n.Similarity, 0f) + 1e-3) * n.Example.Weight).ToList();
        var total = weights.Sum();
        var mean = neighbours.Select((n, i) => weights[i] * n.Example.Value.AsNumber()).Sum() / total;
        var similarity = Math.Clamp(neighbours.Select((n, i) => weights[i] * Math.Max(n.Similarity, 0f)).Sum() / total, 0, 1);
        var shrunk = memoryMean + (similarity * (mean - memoryMean));
        var onScale = valueType.Kind == FeedbackTypeKind.Integer ? Math.Round(shrunk, MidpointRounding.AwayFromZero) : shrunk;
        var (minimum, maximum) = (valueType.Minimum!.Value, valueType.Maximum!.Value);
        var spread = Math.Sqrt(neighbours.Select((n, i) => weights[i] * Math.Pow(n.Example.Value.AsNumber() - mean, 2)).Sum() / total);
        var halfRange = (maximum - minimum) / 2;
        var confidence = similarity * (halfRange > 0 ? Math.Clamp(1 - (spread / halfRange), 0, 1) : 1);
        return new Estimate(Math.Clamp(onScale, minimum, maximum), mean, similarity, confidence);
    }

    /// <summary>The value given, the neighbours' weighted mean, their weighted mean similarity, and the confidence.</summary>
    internal sealed record Estimate(double Value, double NeighbourMean, double Similarity, double Confidence);
}
