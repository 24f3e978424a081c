namespace MemAlign.Models;

/// <summary>
/// The local judge's decision for pass/fail and categorical judges: the probability of each label is the
/// neighbours' similarity-weighted vote shrunk toward the label's share of the whole memory,
/// P(c) = (sum of w_i over neighbours labelled c + a * prior(c)) / (sum of w_i + a), with w_i the cosine
/// similarity (below zero counts as zero) and a the prior's weight. The verdict is the most probable label;
/// equal probabilities go to the more frequent label. Few or dissimilar neighbours leave the prior in
/// charge, so on imbalanced data the judge answers the majority unless the neighbours clearly say otherwise.
/// </summary>
internal static class LocalClassVote
{
    public static Decision Decide(IReadOnlyList<RetrievedExample> neighbours, IReadOnlyList<ClassCount> classes, int total, double priorWeight)
    {
        var weight = neighbours.Sum(n => Weight(n.Similarity));
        var probabilities = new List<(FeedbackValue Value, double Probability, double Prior)>(classes.Count);
        foreach (var @class in classes)
        {
            var prior = total == 0 ? 0 : @class.Count / (double)total;
            var votes = neighbours.Where(n => n.Example.Value.Equals(@class.Value)).Sum(n => Weight(n.Similarity));
            probabilities.Add((@class.Value, (votes + priorWeight * prior) / (weight + priorWeight), prior));
        }

        // Classes come most frequent first, so the first maximum is the tie-break the summary promises.
        var best = 0;
        for (var i = 1; i < probabilities.Count; i++)
        {
            if (probabilities[i].Probability > probabilities[best].Probability)
            {
                best = i;
            }
        }

        return new Decision(probabilities[best].Value, probabilities, weight);
    }

    private static double Weight(float similarity) => Math.Max(similarity, 0f);

    /// <summary>The chosen label, every label's probability and prior, and the neighbours' total weight.</summary>
    internal sealed record Decision(FeedbackValue Value, IReadOnlyList<(FeedbackValue Value, double Probability, double Prior)> Probabilities, double NeighbourWeight)
    {
        public double Confidence => Probabilities.First(p => p.Value.Equals(Value)).Probability;
    }
}
