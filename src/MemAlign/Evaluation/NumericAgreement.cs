namespace MemAlign.Evaluation;

/// <summary>
/// Agreement of a numeric (Likert) judge with human ratings: mean absolute error, exact and within-one
/// agreement, quadratic weighted kappa, Spearman's rank correlation and Lin's concordance correlation.
/// Human "not applicable" labels are left out and counted. Undefined statistics are <see langword="null"/>.
/// </summary>
public sealed record NumericAgreement
{
    /// <summary>Rows compared (both values present, the human label applicable).</summary>
    public required int Count { get; init; }

    /// <summary>Rows left out because the human said "not applicable".</summary>
    public required int NotApplicable { get; init; }

    /// <summary>Mean absolute error.</summary>
    public double? MeanAbsoluteError { get; init; }

    /// <summary>Share of rows with the same value.</summary>
    public double? ExactAgreement { get; init; }

    /// <summary>Share of rows within one point.</summary>
    public double? WithinOneAgreement { get; init; }

    /// <summary>Quadratic weighted kappa over the integer scale.</summary>
    public double? QuadraticWeightedKappa { get; init; }

    /// <summary>Spearman's rank correlation (ties get average ranks).</summary>
    public double? Spearman { get; init; }

    /// <summary>Lin's concordance correlation coefficient.</summary>
    public double? LinsConcordance { get; init; }

    /// <summary>Computes the statistics.</summary>
    /// <param name="pairs">(human, judge) ratings.</param>
    /// <param name="minimum">The scale's lowest value (for the kappa's weights).</param>
    /// <param name="maximum">The scale's highest value.</param>
    /// <param name="notApplicable">The human value meaning "not applicable" (such as 0 on a 1-3 scale), if any.</param>
    public static NumericAgreement Compute(IReadOnlyList<(double Human, double Judge)> pairs, double minimum, double maximum, double? notApplicable = null)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        var rows = pairs.Where(p => notApplicable is not { } na || p.Human != na).ToList();
        var n = rows.Count;
        if (n == 0)
        {
            return new NumericAgreement { Count = 0, NotApplicable = pairs.Count };
        }

        var humans = rows.Select(r => r.Human).ToArray();
        var judges = rows.Select(r => r.Judge).ToArray();
        return new NumericAgreement
        {
            Count = n,
            NotApplicable = pairs.Count - n,
            MeanAbsoluteError = rows.Average(r => Math.Abs(r.Human - r.Judge)),
            ExactAgreement = rows.Count(r => r.Human == r.Judge) / (double)n,
            WithinOneAgreement = rows.Count(r => Math.Abs(r.Human - r.Judge) <= 1) / (double)n,
            QuadraticWeightedKappa = QuadraticKappa(rows, minimum, maximum),
            Spearman = Pearson(Ranks(humans), Ranks(judges)),
            LinsConcordance = Lin(humans, judges),
        };
    }

    private static double? QuadraticKappa(List<(double Human, double Judge)> rows, double minimum, double maximum)
    {
        var low = (int)Math.Floor(Math.Min(minimum, rows.Min(r => Math.Min(r.Human, r.Judge))));
        var high = (int)Math.Ceiling(Math.Max(maximum, rows.Max(r => Math.Max(r.Human, r.Judge))));
        var k = high - low + 1;
        if (k < 2)
        {
            return null;
        }

        var observed = new double[k, k];
        var humanCounts = new double[k];
        var judgeCounts = new double[k];
        foreach (var (human, judge) in rows)
        {
            var h = (int)Math.Round(human) - low;
            var j = (int)Math.Round(judge) - low;
            observed[h, j]++;
            humanCounts[h]++;
            judgeCounts[j]++;
        }

        double weightedObserved = 0, weightedExpected = 0;
        for (var i = 0; i < k; i++)
        {
            for (var j = 0; j < k; j++)
            {
                var weight = (double)(i - j) * (i - j) / ((k - 1) * (k - 1));
                weightedObserved += weight * observed[i, j];
                weightedExpected += weight * humanCounts[i] * judgeCounts[j] / rows.Count;
            }
        }

        return weightedExpected == 0 ? null : 1 - (weightedObserved / weightedExpected);
    }

    private static double[] Ranks(double[] values)
    {
        var order = Enumerable.Range(0, values.Length).OrderBy(i => values[i]).ToArray();
        var ranks = new double[values.Length];
        for (var start = 0; start < order.Length;)
        {
            var end = start;
            while (end + 1 < order.Length && values[order[end + 1]] == values[order[start]])
            {
                end++;
            }

            var average = ((start + end) / 2.0) + 1;
            for (var i = start; i <= end; i++)
            {
                ranks[order[i]] = average;
            }

            start = end + 1;
        }

        return ranks;
    }

    private static double? Pearson(double[] x, double[] y)
    {
        var mx = x.Average();
        var my = y.Average();
        double sxy = 0, sxx = 0, syy = 0;
        for (var i = 0; i < x.Length; i++)
        {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
            syy += (y[i] - my) * (y[i] - my);
        }

        return sxx == 0 || syy == 0 ? null : sxy / Math.Sqrt(sxx * syy);
    }

    private static double? Lin(double[] x, double[] y)
    {
        var n = x.Length;
        var mx = x.Average();
        var my = y.Average();
        var vx = x.Sum(v => (v - mx) * (v - mx)) / n;
        var vy = y.Sum(v => (v - my) * (v - my)) / n;
        var cov = x.Zip(y, (a, b) => (a - mx) * (b - my)).Sum() / n;
        var denominator = vx + vy + ((mx - my) * (mx - my));
        return denominator == 0 ? null : 2 * cov / denominator;
    }
}
