namespace MemAlign.Models;

/// <summary>
/// The local judge's decision for pass/fail and categorical judges: the probability of each label is the
/// neighbours' similarity-weighted vote shrunk toward the label's share of the whole memory,
/// P(c) = (sum of w_i over neighbours labelled c + a * prior(c)) / (sum of w_i + a), with w_i the cosine
/// similarity (below zero counts as zero) times the neighbour's <see cref="EpisodicExample.Weight"/>, and a
/// the prior's weight. A neighbour is one trace and votes by its weight, the number of agreeing labels it
/// stands for: three experts who agreed on a trace count as three labels (as when each label was an
/// example of its own), while taking one of the k retrieval slots. The verdict is the most probable label;
/// equal probabilities go to the more frequent label. Few or dissimilar neighbours leave the prior in
/// charge, so on imbalanced data the judge answers the majority unless the neighbours clearly say otherwise.
/// </summary>
internal static class LocalClassVote
{
    public static Decision Decide(IReadOnlyList<RetrievedExample> neighbours, IReadOnlyList<ClassCount> classes, int total, double priorWeight)
    {
        var weight = neighbours.Sum(Vote);
        var probabilities = new List<(FeedbackValue Value, double Probability, double Prior)>(classes.Count);
        foreach (var @class in classes)
        {
            var prior = total == 0 ? 0 : @class.Count / (double)total;
            var votes = neighbours.Where(n => n.Example.Value.Equals(@class.Value)).Sum(Vote);
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

    /// <summary>A neighbour's say: its similarity (at least zero) for each agreeing label it stands for.</summary>
    internal static double Vote(RetrievedExample neighbour) => Math.Max(neighbour.Similarity, 0f) * (double)neighbour.Example.Weight;

    /// <summary>The chosen label, every label's probability and prior, and the neighbours' total weight.</summary>
    internal sealed record Decision(FeedbackValue Value, IReadOnlyList<(FeedbackValue Value, double Probability, double Prior)> Probabilities, double NeighbourWeight)
    {
        public double Confidence => Probabilities.First(p => p.Value.Equals(Value)).Probability;
    }
}
