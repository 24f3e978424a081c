namespace MemAlign.Evaluation;

/// <summary>
/// Orders training traces so that every prefix is a stratified sample: each label appears in proportion to its
/// share of the whole (the label furthest below its share next, the more common one first), so a small sample
/// holds labels as the data does and its most common label is the data's. Taking the first n gives nested
/// samples: the sample of n is part of the sample of every larger n, so a learning curve measures what more
/// examples add, not a new draw.
/// </summary>
internal static class NestedStratifiedOrder
{
    public static List<Trace> Order(IReadOnlyList<Trace> traces, Func<Trace, string> stratum, int seed)
    {
        var random = new Random(seed);
        var groups = traces
            .GroupBy(stratum, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g =>
            {
                var members = g.OrderBy(t => t.Id, StringComparer.Ordinal).ToArray();
                random.Shuffle(members);
                return new Queue<Trace>(members);
            })
            .ToList();
        var shares = groups.Select(g => (double)g.Count / traces.Count).ToArray();
        var taken = new int[groups.Count];
        var order = new List<Trace>(traces.Count);

        // No label is forced in early: one of each first made a 2-example sample of an 80/20 set half and half,
        // and a local judge on it fell far below always answering the majority.
        while (order.Count < traces.Count)
        {
            // The label furthest below its share of the next prefix goes next; ties to the larger label, then the first.
            var length = order.Count + 1;
            var next = Enumerable.Range(0, groups.Count)
                .Where(i => groups[i].Count > 0)
                .OrderByDescending(i => (shares[i] * length) - taken[i])
                .ThenByDescending(i => shares[i])
                .ThenBy(i => i)
                .First();
            order.Add(groups[next].Dequeue());
            taken[next]++;
        }

        return order;
    }
}

/// <summary>The stratum of a labelled trace: its label, or for numbers with more than ten distinct values, its quintile.</summary>
internal static class Strata
{
    public static Func<Trace, string> Of(IReadOnlyDictionary<string, FeedbackValue> labels)
    {
        var values = labels.Values.Distinct().ToList();
        if (values.Count <= 10 || values.Any(v => v.Kind != FeedbackValueKind.Number))
        {
            return t => labels[t.Id].ToString();
        }

        var sorted = labels.Values.Select(v => v.AsNumber()).Order().ToArray();
        var cuts = Enumerable.Range(1, 4).Select(q => sorted[Math.Min(sorted.Length - 1, q * sorted.Length / 5)]).ToArray();
        return t => "q" + cuts.Count(c => labels[t.Id].AsNumber() >= c).ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
}
