namespace MemAlign.Evaluation;

/// <summary>The level of measurement Krippendorff's alpha compares values at, which sets its difference function.</summary>
internal enum KrippendorffMetric
{
    /// <summary>Unordered categories: two values differ (1) or not (0).</summary>
    Nominal,

    /// <summary>Ordered categories: the squared difference counts the values rated between the two (Krippendorff's rank metric).</summary>
    Ordinal,

    /// <summary>Numbers on an interval scale: the squared difference of the two numbers.</summary>
    Interval,
}

/// <summary>Cohen's kappa between two raters on the items both rated.</summary>
/// <param name="FirstRater">One rater (the earlier in <see cref="RatingTable.Raters"/>).</param>
/// <param name="SecondRater">The other rater.</param>
/// <param name="SharedItems">Items both raters rated.</param>
/// <param name="Kappa">Cohen's kappa on those items; <see langword="null"/> with fewer than two shared items, or when chance agreement is 1 (both used one and the same category only).</param>
public sealed record RaterPairKappa(string FirstRater, string SecondRater, int SharedItems, double? Kappa);

/// <summary>Cohen's kappa for every pair of raters, and their mean.</summary>
internal sealed record PairwiseCohensKappa
{
    /// <summary>The mean of the defined pairwise kappas (unweighted: each pair counts once); <see langword="null"/> when no pair has one.</summary>
    public double? Mean { get; init; }

    /// <summary>Pairs of raters: r(r-1)/2 for r raters.</summary>
    public required int Pairs { get; init; }

    /// <summary>Pairs whose kappa is defined, which <see cref="Mean"/> averages.</summary>
    public required int PairsUsed { get; init; }

    /// <summary>Every pair, in rater order (first by the first rater, then by the second).</summary>
    public required IReadOnlyList<RaterPairKappa> ByPair { get; init; }
}

/// <summary>
/// Inter-rater (human-human) agreement statistics on a <see cref="RatingTable"/>: pure functions of the table.
/// A statistic undefined on the data is <see langword="null"/>, never NaN. Items rated by fewer than two raters carry
/// no information about agreement: every statistic leaves them out of the agreement it measures (Fleiss' kappa alone,
/// following Gwet's generalisation, still counts a single rating towards the chance-agreement category shares).
/// </summary>
internal static class InterRaterStatistics
{
    /// <summary>
    /// Cohen's (1960) kappa for every pair of raters, each on the items both rated, and the unweighted mean over the
    /// pairs with a defined kappa (Light's 1971 kappa when no rating is missing). A pair with fewer than two shared
    /// items, or whose kappa is undefined (chance agreement 1), is left out of the mean. Each distinct value is a
    /// category (no weighting, also for numbers). Per pair, kappa equals <see cref="CategoricalAgreement"/>'s.
    /// </summary>
    /// <param name="table">The ratings.</param>
    public static PairwiseCohensKappa MeanPairwiseCohensKappa(RatingTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        var pairs = new List<RaterPairKappa>();
        var scratch = new KappaScratch(table.Categories.Count);
        for (var a = 0; a < table.Raters.Count; a++)
        {
            for (var b = a + 1; b < table.Raters.Count; b++)
            {
                var (shared, kappa) = PairKappa(table.Rows, a, b, scratch);
                pairs.Add(new RaterPairKappa(table.Raters[a], table.Raters[b], shared, kappa));
            }
        }

        var defined = pairs.Where(p => p.Kappa.HasValue).Select(p => p.Kappa!.Value).ToList();
        return new PairwiseCohensKappa
        {
            Mean = defined.Count == 0 ? null : defined.Average(),
            Pairs = pairs.Count,
            PairsUsed = defined.Count,
            ByPair = pairs,
        };
    }

    /// <summary>
    /// Fleiss' (1971) kappa for categorical (or pass/fail) ratings by any number of raters, where the raters of one
    /// item need not be those of another.
    /// </summary>
    /// <remarks>
    /// With n_i ratings of item i, n_ij of them in category j: P_i = Σ_j n_ij(n_ij - 1) / (n_i(n_i - 1)) is the share of
    /// agreeing pairs among item i's ratings; P̄ is the mean of P_i over the items with at least two ratings;
    /// p_j = mean over the rated items of n_ij / n_i; P_e = Σ_j p_j²; kappa = (P̄ - P_e) / (1 - P_e).
    /// When every item has the same number of ratings this is exactly Fleiss (1971). When the numbers differ (missing
    /// ratings) it is Fleiss' generalised kappa as Gwet defines it (<i>Handbook of Inter-Rater Reliability</i>, 4th ed.,
    /// 2014) and the irrCAC package computes it (fleiss.kappa.raw): each item's agreement uses its own n_i, and each rated
    /// item weighs equally in p_j. So an item with a single rating is excluded from the agreement P̄ but, as in irrCAC,
    /// still counts towards the category shares p_j; items nobody rated are ignored.
    /// <see langword="null"/> when no item has two ratings, or when P_e is 1 (every rating in one category: 0/0).
    /// </remarks>
    /// <param name="table">The ratings; each distinct value is a category.</param>
    public static double? FleissKappa(RatingTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        return Fleiss(table.Rows, table.Categories.Count);
    }

    /// <summary>
    /// Krippendorff's alpha, from the coincidence-matrix definition in Krippendorff (2011), "Computing Krippendorff's
    /// Alpha-Reliability": alpha = 1 - (n - 1) Σ o_ck δ²_ck / Σ n_c n_k δ²_ck over the pairable values.
    /// </summary>
    /// <remarks>
    /// Each item (unit) with m ≥ 2 ratings adds 1/(m - 1) to o_ck for every ordered pair of its ratings (c, k) by
    /// different raters; items with fewer than two ratings are unpairable and ignored, so missing ratings are allowed.
    /// n_c is the number of pairable values c, n their total. δ² is 1 between different values for
    /// <see cref="KrippendorffMetric.Nominal"/>, (c - k)² for <see cref="KrippendorffMetric.Interval"/>, and
    /// (Σ_{g from c to k} n_g - (n_c + n_k)/2)² for <see cref="KrippendorffMetric.Ordinal"/>.
    /// <see langword="null"/> when there are no pairable values, or when all pairable values are the same: then both
    /// observed and expected disagreement are 0 and alpha is 0/0. (Perfect agreement across two or more values gives 1.)
    /// </remarks>
    /// <param name="table">The ratings.</param>
    /// <param name="metric">The level of measurement.</param>
    /// <exception cref="ArgumentException"><paramref name="metric"/> is ordinal and the table has no category order, or interval and the table is not numeric.</exception>
    public static double? KrippendorffAlpha(RatingTable table, KrippendorffMetric metric = KrippendorffMetric.Nominal)
    {
        ArgumentNullException.ThrowIfNull(table);
        CheckMetric(table, metric);
        return Alpha(table.Rows, table.Categories.Count, table.Values, metric);
    }

    internal static bool Applies(RatingTable table, KrippendorffMetric metric) => metric switch
    {
        KrippendorffMetric.Nominal => true,
        KrippendorffMetric.Ordinal => table.IsOrdered,
        KrippendorffMetric.Interval => table.IsNumeric,
        _ => false,
    };

    internal static void CheckMetric(RatingTable table, KrippendorffMetric metric)
    {
        if (!Enum.IsDefined(metric))
        {
            throw new ArgumentOutOfRangeException(nameof(metric), metric, "Unknown metric.");
        }

        if (!Applies(table, metric))
        {
            throw new ArgumentException(metric == KrippendorffMetric.Ordinal
                ? "Ordinal alpha needs ordered categories: build the table from numbers, or give the categories' order."
                : "Interval alpha needs numeric ratings: build the table from numbers.", nameof(metric));
        }
    }

    /// <summary>The mean of the defined pairwise kappas over <paramref name="rows"/> (items, possibly repeated).</summary>
    internal static (double? Mean, int PairsUsed) MeanKappa(IReadOnlyList<int[]> rows, int categories, int raters)
    {
        var scratch = new KappaScratch(categories);
        double sum = 0;
        var used = 0;
        for (var a = 0; a < raters; a++)
        {
            for (var b = a + 1; b < raters; b++)
            {
                if (PairKappa(rows, a, b, scratch).Kappa is { } kappa)
                {
                    sum += kappa;
                    used++;
                }
            }
        }

        return (used == 0 ? null : sum / used, used);
    }

    internal static double? Fleiss(IReadOnlyList<int[]> rows, int categories)
    {
        var counts = new int[categories];
        var shares = new double[categories];
        double agreement = 0;
        int agreementItems = 0, ratedItems = 0;
        foreach (var row in rows)
        {
            var m = Tally(row, counts);
            if (m == 0)
            {
                continue;
            }

            ratedItems++;
            long agreeingPairs = 0;
            for (var c = 0; c < categories; c++)
            {
                agreeingPairs += (long)counts[c] * (counts[c] - 1);
                shares[c] += (double)counts[c] / m;
            }

            if (m >= 2)
            {
                agreement += (double)agreeingPairs / ((long)m * (m - 1));
                agreementItems++;
            }
        }

        if (agreementItems == 0)
        {
            return null;
        }

        var chance = shares.Sum(s => (s / ratedItems) * (s / ratedItems));
        return chance >= 1 ? null : ((agreement / agreementItems) - chance) / (1 - chance);
    }

    internal static double? Alpha(IReadOnlyList<int[]> rows, int categories, IReadOnlyList<double>? values, KrippendorffMetric metric)
    {
        var counts = new int[categories];
        var coincidences = new double[categories, categories];
        var pairable = new long[categories];
        foreach (var row in rows)
        {
            var m = Tally(row, counts);
            if (m < 2)
            {
                continue;
            }

            for (var c = 0; c < categories; c++)
            {
                if (counts[c] == 0)
                {
                    continue;
                }

                pairable[c] += counts[c];
                for (var k = 0; k < categories; k++)
                {
                    // Ordered pairs of ratings (c, k) by different raters: n_c(n_c - 1) within a value, n_c n_k across.
                    var orderedPairs = (double)counts[c] * (c == k ? counts[c] - 1 : counts[k]);
                    coincidences[c, k] += orderedPairs / (m - 1);
                }
            }
        }

        var n = pairable.Sum();
        if (n == 0)
        {
            return null;
        }

        double observed = 0, expected = 0;
        for (var c = 0; c < categories; c++)
        {
            for (var k = 0; k < categories; k++)
            {
                if (c == k)
                {
                    continue;
                }

                var delta = SquaredDifference(c, k, pairable, values, metric);
                observed += coincidences[c, k] * delta;
                expected += (double)pairable[c] * pairable[k] * delta;
            }
        }

        return expected == 0 ? null : 1 - ((n - 1) * observed / expected);
    }

    private static double SquaredDifference(int c, int k, long[] pairable, IReadOnlyList<double>? values, KrippendorffMetric metric)
    {
        switch (metric)
        {
            case KrippendorffMetric.Nominal:
                return 1;
            case KrippendorffMetric.Interval:
                var difference = values![c] - values[k];
                return difference * difference;
            default:
                var (low, high) = c < k ? (c, k) : (k, c);
                double between = 0;
                for (var g = low; g <= high; g++)
                {
                    between += pairable[g];
                }

                between -= (pairable[c] + pairable[k]) / 2.0;
                return between * between;
        }
    }

    /// <summary>Counts <paramref name="row"/>'s ratings by category into <paramref name="counts"/>; returns how many there are.</summary>
    private static int Tally(int[] row, int[] counts)
    {
        Array.Clear(counts);
        var m = 0;
        foreach (var category in row)
        {
            if (category >= 0)
            {
                counts[category]++;
                m++;
            }
        }

        return m;
    }

    private static (int Shared, double? Kappa) PairKappa(IReadOnlyList<int[]> rows, int a, int b, KappaScratch scratch)
    {
        Array.Clear(scratch.First);
        Array.Clear(scratch.Second);
        int n = 0, agree = 0;
        foreach (var row in rows)
        {
            var (x, y) = (row[a], row[b]);
            if (x < 0 || y < 0)
            {
                continue;
            }

            n++;
            agree += x == y ? 1 : 0;
            scratch.First[x]++;
            scratch.Second[y]++;
        }

        if (n < 2)
        {
            return (n, null);
        }

        // As CategoricalAgreement computes it, so a pair's kappa matches it to the last bit.
        double chance = 0;
        for (var c = 0; c < scratch.First.Length; c++)
        {
            chance += (double)scratch.Second[c] / n * scratch.First[c] / n;
        }

        var accuracy = (double)agree / n;
        return (n, chance >= 1 ? null : (accuracy - chance) / (1 - chance));
    }

    private sealed class KappaScratch(int categories)
    {
        public int[] First { get; } = new int[categories];

        public int[] Second { get; } = new int[categories];
    }
}

/// <summary>
/// Agreement among human raters (inter-rater reliability) on one table of ratings: mean pairwise Cohen's kappa,
/// Fleiss' kappa and Krippendorff's alpha, each with a percentile bootstrap confidence interval over items (traces).
/// Undefined statistics are <see langword="null"/>; see <see cref="InterRaterStatistics"/> for the definitions.
/// </summary>
/// <remarks>
/// The bootstrap resamples the rated items (those with at least one rating; a resample may draw some with a single
/// rating, which then count only towards Fleiss' category shares) with replacement, through
/// <see cref="PairedBootstrap.Interval{T}"/>: same seed, same number of resamples and same percentile rule as the
/// judge-versus-human intervals. Every statistic is bootstrapped with the same seed over the same items, so all of them
/// see the same resamples. A resample keeps each drawn item's ratings together, so pairs of raters stay paired. The
/// items are in <see cref="RatingTable.Items"/> order, so the intervals do not depend on the order of the input triples.
/// </remarks>
public sealed record InterRaterAgreement
{
    /// <summary>Items in the table.</summary>
    public required int Items { get; init; }

    /// <summary>Items with at least two ratings: those whose agreement every statistic measures.</summary>
    public required int ItemsUsed { get; init; }

    /// <summary>Raters in the table.</summary>
    public required int Raters { get; init; }

    /// <summary>Ratings in the table.</summary>
    public required int Ratings { get; init; }

    /// <summary>Pairs of raters: r(r-1)/2.</summary>
    public required int RaterPairs { get; init; }

    /// <summary>Pairs of raters with a defined Cohen's kappa (at least two shared items), which the mean averages.</summary>
    public required int RaterPairsUsed { get; init; }

    /// <summary>Cohen's kappa for every pair of raters.</summary>
    public required IReadOnlyList<RaterPairKappa> Pairs { get; init; }

    /// <summary>The mean of the pairwise Cohen's kappas (<see cref="InterRaterStatistics.MeanPairwiseCohensKappa"/>).</summary>
    public double? MeanCohensKappa { get; init; }

    /// <summary>Bootstrap interval of <see cref="MeanCohensKappa"/>.</summary>
    public ConfidenceInterval? MeanCohensKappaInterval { get; init; }

    /// <summary>Fleiss' kappa (<see cref="InterRaterStatistics.FleissKappa"/>).</summary>
    public double? FleissKappa { get; init; }

    /// <summary>Bootstrap interval of <see cref="FleissKappa"/>.</summary>
    public ConfidenceInterval? FleissKappaInterval { get; init; }

    /// <summary>Krippendorff's alpha with the nominal metric.</summary>
    public double? AlphaNominal { get; init; }

    /// <summary>Bootstrap interval of <see cref="AlphaNominal"/>.</summary>
    public ConfidenceInterval? AlphaNominalInterval { get; init; }

    /// <summary>Krippendorff's alpha with the ordinal metric; <see langword="null"/> also when the table's categories have no order.</summary>
    public double? AlphaOrdinal { get; init; }

    /// <summary>Bootstrap interval of <see cref="AlphaOrdinal"/>.</summary>
    public ConfidenceInterval? AlphaOrdinalInterval { get; init; }

    /// <summary>Krippendorff's alpha with the interval metric; <see langword="null"/> also when the table is not numeric.</summary>
    public double? AlphaInterval { get; init; }

    /// <summary>Bootstrap interval of <see cref="AlphaInterval"/>.</summary>
    public ConfidenceInterval? AlphaIntervalInterval { get; init; }

    /// <summary>Computes every statistic that applies to the table, with bootstrap intervals.</summary>
    /// <param name="table">The ratings.</param>
    /// <param name="resamples">Bootstrap resamples (at least 100).</param>
    /// <param name="seed">The bootstrap's seed.</param>
    /// <param name="level">The confidence level, such as 0.95.</param>
    internal static InterRaterAgreement Compute(RatingTable table, int resamples = PairedBootstrap.DefaultResamples, int seed = PairedBootstrap.DefaultSeed, double level = 0.95)
    {
        ArgumentNullException.ThrowIfNull(table);
        var rated = table.Rows.Where(row => row.Any(c => c >= 0)).ToList();
        var k = table.Categories.Count;
        var r = table.Raters.Count;
        var pairwise = InterRaterStatistics.MeanPairwiseCohensKappa(table);

        ConfidenceInterval? Interval(Func<IReadOnlyList<int[]>, double?> statistic) =>
            PairedBootstrap.Interval(rated, statistic, resamples, seed, level);

        (double?, ConfidenceInterval?) Alpha(KrippendorffMetric metric) => InterRaterStatistics.Applies(table, metric)
            ? (InterRaterStatistics.KrippendorffAlpha(table, metric), Interval(rows => InterRaterStatistics.Alpha(rows, k, table.Values, metric)))
            : (null, null);

        var (nominal, nominalInterval) = Alpha(KrippendorffMetric.Nominal);
        var (ordinal, ordinalInterval) = Alpha(KrippendorffMetric.Ordinal);
        var (interval, intervalInterval) = Alpha(KrippendorffMetric.Interval);
        return new InterRaterAgreement
        {
            Items = table.Items.Count,
            ItemsUsed = rated.Count(row => row.Count(c => c >= 0) >= 2),
            Raters = r,
            Ratings = table.Count,
            RaterPairs = pairwise.Pairs,
            RaterPairsUsed = pairwise.PairsUsed,
            Pairs = pairwise.ByPair,
            MeanCohensKappa = pairwise.Mean,
            MeanCohensKappaInterval = Interval(rows => InterRaterStatistics.MeanKappa(rows, k, r).Mean),
            FleissKappa = InterRaterStatistics.FleissKappa(table),
            FleissKappaInterval = Interval(rows => InterRaterStatistics.Fleiss(rows, k)),
            AlphaNominal = nominal,
            AlphaNominalInterval = nominalInterval,
            AlphaOrdinal = ordinal,
            AlphaOrdinalInterval = ordinalInterval,
            AlphaInterval = interval,
            AlphaIntervalInterval = intervalInterval,
        };
    }
}
