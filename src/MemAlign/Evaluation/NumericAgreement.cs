namespace MemAlign.Evaluation;

/// <summary>
/// Agreement of a numeric (Likert) judge with human ratings: mean absolute error, exact and within-one
/// agreement, quadratic weighted kappa, Spearman's rank correlation and Lin's concordance correlation, over the
/// rows both sides found applicable. With a "not applicable" value, whether the judge and the human agree that the
/// question applies is reported apart (<see cref="Applicability"/>), and rows where either said "not applicable" are
/// left out of the scale's figures and counted. Undefined statistics are <see langword="null"/>.
/// </summary>
public sealed record NumericAgreement
{
    /// <summary>The label <see cref="Applicability"/> gives a row rated on the scale.</summary>
    public const string ApplicableLabel = "applicable";

    /// <summary>The label <see cref="Applicability"/> gives a row answered "not applicable".</summary>
    public const string NotApplicableLabel = "not applicable";

    /// <summary>Rows compared on the scale (both values present, both applicable).</summary>
    public required int Count { get; init; }

    /// <summary>Rows left out of the scale's figures because the human or the judge said "not applicable".</summary>
    public required int NotApplicable { get; init; }

    /// <summary>
    /// Agreement on whether the question applies (labels <see cref="ApplicableLabel"/> and <see cref="NotApplicableLabel"/>)
    /// over every row, when a "not applicable" value is known; <see langword="null"/> otherwise.
    /// </summary>
    public CategoricalAgreement? Applicability { get; init; }

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
    /// <param name="notApplicable">The value meaning "not applicable" (such as 0 on a 1-3 scale), if any: rows where either side gave it are left out of the scale's figures.</param>
    public static NumericAgreement Compute(IReadOnlyList<(double Human, double Judge)> pairs, double minimum, double maximum, double? notApplicable = null)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        var rows = pairs.Where(p => notApplicable is not { } na || (p.Human != na && p.Judge != na)).ToList();
        var applicability = notApplicable is { } value && pairs.Count > 0
            ? CategoricalAgreement.Compute(pairs.Select(p => (ApplicabilityOf(p.Human, value), ApplicabilityOf(p.Judge, value))).ToList(), [ApplicableLabel, NotApplicableLabel])
            : null;
        var n = rows.Count;
        if (n == 0)
        {
            return new NumericAgreement { Count = 0, NotApplicable = pairs.Count, Applicability = applicability };
        }

        var humans = rows.Select(r => r.Human).ToArray();
        var judges = rows.Select(r => r.Judge).ToArray();
        return new NumericAgreement
        {
            Count = n,
            NotApplicable = pairs.Count - n,
            Applicability = applicability,
            MeanAbsoluteError = rows.Average(r => Math.Abs(r.Human - r.Judge)),
            ExactAgreement = rows.Count(r => r.Human == r.Judge) / (double)n,
            WithinOneAgreement = rows.Count(r => Math.Abs(r.Human - r.Judge) <= 1) / (double)n,
            QuadraticWeightedKappa = QuadraticKappa(rows, minimum, maximum),
            Spearman = Pearson(Ranks(humans), Ranks(judges)),
            LinsConcordance = Lin(humans, judges),
        };
    }

    /// <summary>A value's applicability label: <see cref="NotApplicableLabel"/> for the "not applicable" value, else <see cref="ApplicableLabel"/>.</summary>
    public static string ApplicabilityOf(double value, double notApplicable) => value == notApplicable ? NotApplicableLabel : ApplicableLabel;

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
