using MemAlign.Evaluation;

namespace MemAlign.Tests.Evaluation;

/// <summary>
/// Inter-rater statistics checked against published worked examples (Fleiss 1971; Wikipedia's Fleiss' kappa example;
/// Krippendorff 2011), figures computed independently with scikit-learn 1.2.1 and statsmodels 0.13.5 (Debian's
/// python3-sklearn and python3-statsmodels; the snippets are in the comments), irrCAC's documented output, and
/// arithmetic done by hand in the comments.
/// </summary>
public class InterRaterAgreementTests
{
    // Fleiss (1971), Table 1: 30 patients, each diagnosed by 6 psychiatrists (not the same six for every patient) into
    // 1 depression, 2 personality disorder, 3 schizophrenia, 4 neurosis, 5 other. As R's irr package ships it
    // ("diagnoses") and statsmodels' tests copy it (statsmodels/stats/tests/test_inter_rater.py).
    private static readonly int[][] Diagnoses =
    [
        [4, 4, 4, 4, 4, 4], [2, 2, 2, 5, 5, 5], [2, 3, 3, 3, 3, 5], [5, 5, 5, 5, 5, 5], [2, 2, 2, 4, 4, 4],
        [1, 1, 3, 3, 3, 3], [3, 3, 3, 3, 5, 5], [1, 1, 3, 3, 3, 4], [1, 1, 4, 4, 4, 4], [5, 5, 5, 5, 5, 5],
        [1, 4, 4, 4, 4, 4], [1, 2, 4, 4, 4, 4], [2, 2, 2, 3, 3, 3], [1, 4, 4, 4, 4, 4], [2, 2, 4, 4, 4, 5],
        [3, 3, 3, 3, 3, 5], [1, 1, 1, 4, 5, 5], [1, 1, 1, 1, 1, 2], [2, 2, 4, 4, 4, 4], [1, 3, 3, 5, 5, 5],
        [5, 5, 5, 5, 5, 5], [2, 4, 4, 4, 4, 4], [2, 2, 4, 5, 5, 5], [1, 1, 4, 4, 4, 4], [1, 4, 4, 4, 4, 5],
        [2, 2, 2, 2, 2, 4], [1, 1, 1, 1, 5, 5], [2, 2, 4, 4, 4, 4], [1, 3, 3, 3, 3, 3], [5, 5, 5, 5, 5, 5],
    ];

    private static readonly string[] DiagnosisNames = ["depression", "personality disorder", "schizophrenia", "neurosis", "other"];

    // Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", example C: 4 observers x 12 units, values 1-5,
    // "." missing. Observers are columns here; unit 12 has a single value (unpairable).
    private static readonly double?[][] KrippendorffUnits =
    [
        // A     B     C     D
        [1, 1, null, 1],
        [2, 2, 3, 2],
        [3, 3, 3, 3],
        [3, 3, 3, 3],
        [2, 2, 2, 2],
        [1, 2, 3, 4],
        [4, 4, 4, 4],
        [1, 1, 2, 1],
        [2, 2, 2, 2],
        [null, 5, 5, 5],
        [null, null, 1, 1],
        [null, 3, null, null],
    ];

    [Fact]
    public void Fleiss_kappa_reproduces_Fleiss_1971_psychiatric_diagnoses()
    {
        var table = RatingTable.FromCategories(FromMatrix(Diagnoses.Select(row => row.Select(d => (string?)DiagnosisNames[d - 1]).ToArray()).ToArray()));

        var fleiss = InterRaterStatistics.FleissKappa(table)!.Value;
        var pairwise = InterRaterStatistics.MeanPairwiseCohensKappa(table);

        Assert.Equal(0.430, fleiss, 3); // Fleiss (1971): kappa = .430
        // R irr::kappam.fleiss(diagnoses) = 0.4302445 (as recorded in statsmodels' tests); statsmodels 0.13.5:
        //   from statsmodels.stats.inter_rater import fleiss_kappa, aggregate_raters
        //   fleiss_kappa(aggregate_raters(diagnoses)[0])  ->  0.43024452006014074
        Assert.Equal(0.43024452006014074, fleiss, 12);
        // Mean over the 15 pairs of columns, scikit-learn 1.2.1:
        //   np.mean([cohen_kappa_score(d[:, a], d[:, b]) for a, b in itertools.combinations(range(6), 2)])  ->  0.45941214443459544
        Assert.Equal((15, 15), (pairwise.Pairs, pairwise.PairsUsed));
        Assert.Equal(0.45941214443459544, pairwise.Mean!.Value, 12);
        Assert.All(pairwise.ByPair, p => Assert.Equal(30, p.SharedItems));
    }

    [Fact]
    public void Fleiss_kappa_reproduces_the_Wikipedia_example_of_14_raters_and_10_subjects()
    {
        // Wikipedia, "Fleiss' kappa", worked example: per subject, how many of the 14 raters chose each of 5 categories.
        int[][] counts =
        [
            [0, 0, 0, 0, 14], [0, 2, 6, 4, 2], [0, 0, 3, 5, 6], [0, 3, 9, 2, 0], [2, 2, 8, 1, 1],
            [7, 7, 0, 0, 0], [3, 2, 6, 3, 0], [2, 5, 3, 2, 2], [6, 5, 2, 1, 0], [0, 2, 2, 3, 7],
        ];
        // Which rater gave which rating is not given (nor needed by Fleiss' kappa): hand them out in turn.
        var ratings = counts.SelectMany((row, subject) => row
            .SelectMany((count, category) => Enumerable.Repeat($"category {category + 1}", count))
            .Select((value, rater) => ($"subject {subject + 1:00}", $"rater {rater + 1:00}", (string?)value)));
        var table = RatingTable.FromCategories(ratings);

        var fleiss = InterRaterStatistics.FleissKappa(table)!.Value;

        Assert.Equal((10, 14, 140), (table.Items.Count, table.Raters.Count, table.Count));
        Assert.Equal(0.210, fleiss, 3); // Wikipedia: P̄ = 0.378, P̄e = 0.213, kappa = 0.210
        // statsmodels 0.13.5: fleiss_kappa(table1) on the same counts  ->  0.20993070442195522
        Assert.Equal(0.20993070442195522, fleiss, 12);
    }

    [Fact]
    public void Krippendorff_alpha_reproduces_the_worked_example_of_Krippendorff_2011()
    {
        var table = RatingTable.FromNumbers(FromMatrix(KrippendorffUnits));

        var nominal = InterRaterStatistics.KrippendorffAlpha(table, KrippendorffMetric.Nominal)!.Value;
        var ordinal = InterRaterStatistics.KrippendorffAlpha(table, KrippendorffMetric.Ordinal)!.Value;
        var interval = InterRaterStatistics.KrippendorffAlpha(table, KrippendorffMetric.Interval)!.Value;

        // Published: alpha_nominal = 0.743, alpha_ordinal = 0.815, alpha_interval = 0.849.
        Assert.Equal(0.743, nominal, 3);
        Assert.Equal(0.815, ordinal, 3);
        Assert.Equal(0.849, interval, 3);
        // The paper's coincidence matrix: n_c = 9, 13, 10, 5, 3 pairable values (n = 40), diagonal 7 + 10 + 8 + 4 + 3 = 32,
        // so 8 off it; alpha_nominal = 1 - (n - 1) * 8 / (n² - Σ n_c²) = 1 - 39 * 8 / (1600 - 384) = 904 / 1216.
        Assert.Equal(904.0 / 1216, nominal, 12);
        // irrCAC's krippen.alpha.raw on the same data (its cac.raw4raters) documents 0.74342.
        Assert.Equal(0.74342, nominal, 5);
        Assert.Equal(new double[] { 1, 2, 3, 4, 5 }, table.Values);
        Assert.Equal((12, 41), (table.Items.Count, table.Count));
        Assert.Equal(3, table.RatingsOf(0)); // unit 1: A, B, D
    }

    [Fact]
    public void Ordered_text_categories_give_the_ordinal_alpha_of_their_ranks()
    {
        // Ordinal alpha depends on the values' order only: the Krippendorff example as words in rank order gives 0.815,
        // and in reverse order the same (the metric is symmetric in the order's direction).
        string[] words = ["one", "two", "three", "four", "five"];
        var ratings = FromMatrix(KrippendorffUnits.Select(row => row.Select(v => v is { } x ? words[(int)x - 1] : null).ToArray()).ToArray()).ToList();
        var ordered = RatingTable.FromCategories(ratings, words);
        var reversed = RatingTable.FromCategories(ratings, words.Reverse().ToArray());
        var unordered = RatingTable.FromCategories(ratings);

        Assert.Equal(0.815, InterRaterStatistics.KrippendorffAlpha(ordered, KrippendorffMetric.Ordinal)!.Value, 3);
        Assert.Equal(InterRaterStatistics.KrippendorffAlpha(ordered, KrippendorffMetric.Ordinal)!.Value,
            InterRaterStatistics.KrippendorffAlpha(reversed, KrippendorffMetric.Ordinal)!.Value, 12);
        Assert.Equal(904.0 / 1216, InterRaterStatistics.KrippendorffAlpha(unordered)!.Value, 12);
        Assert.Equal(words, ordered.Categories);
        Assert.True(ordered.IsOrdered);
        Assert.False(unordered.IsOrdered);
    }

    [Fact]
    public void Fleiss_kappa_with_missing_ratings_reproduces_irrCAC_on_the_Krippendorff_data()
    {
        // irrCAC's README: fleiss.kappa.raw(cac.raw4raters) gives pa 0.8181818, pe 0.2387153, kappa 0.76117. Its
        // cac.raw4raters is this 12 x 4 table (there the lone rating of unit 12 is observer C's rather than B's; a single
        // rating's rater does not matter). Unit 12's single rating is left out of the agreement but counts in the
        // category shares, as in irrCAC; leaving it out of both would give 0.76248 instead.
        var table = RatingTable.FromNumbers(FromMatrix(KrippendorffUnits));

        Assert.Equal(0.76117, InterRaterStatistics.FleissKappa(table)!.Value, 5);
        Assert.Equal((0.8181818 - 0.2387153) / (1 - 0.2387153), InterRaterStatistics.FleissKappa(table)!.Value, 6);
    }

    [Fact]
    public void Varying_numbers_of_raters_per_item_match_hand_computed_values()
    {
        // item  r1 r2 r3 r4   n_i  P_i (agreeing pairs / all pairs)  shares (A, B)
        // i1    A  A  A  .    3    6/6 = 1                           1, 0
        // i2    A  B  .  .    2    0                                 1/2, 1/2
        // i3    B  B  B  B    4    12/12 = 1                         0, 1
        // i4    A  B  B  .    3    2/6 = 1/3                         1/3, 2/3
        // i5    .  .  .  A    1    (excluded from P̄)                 1, 0         (13 ratings in all)
        // Fleiss: P̄ = (1 + 0 + 1 + 1/3) / 4 = 7/12; p_A = (1 + 1/2 + 0 + 1/3 + 1) / 5 = 17/30, p_B = 13/30;
        //   P_e = (289 + 169) / 900 = 458/900; kappa = (525 - 458) / (900 - 458) = 67/442.
        //   Without i5: p_A = 11/24, p_B = 13/24, P_e = 290/576, kappa = (336 - 290) / (576 - 290) = 23/143.
        // Alpha (nominal), pairable values only (i5 is not): n_A = 3 + 1 + 1 = 5, n_B = 1 + 4 + 2 = 7, n = 12;
        //   o_AB = 1·1/1 (i2) + 1·2/2 (i4) = 2 = o_BA; alpha = 1 - (n - 1)(o_AB + o_BA) / (2 n_A n_B) = 1 - 11·4/70 = 13/35.
        // Cohen per pair, on shared items: r1-r2 on i1..i4: p_o = 2/4, chance = (3/4)(1/4) + (1/4)(3/4) = 3/8, kappa = 0.2;
        //   r1-r3 on i1, i3, i4: p_o = 2/3, chance = (2/3)(1/3) + (1/3)(2/3) = 4/9, kappa = 0.4;
        //   r2-r3 on i1, i3, i4: all agree, chance = 5/9 < 1, kappa = 1; pairs with r4 share only i3: skipped.
        //   Mean = (0.2 + 0.4 + 1) / 3.
        string?[][] rows =
        [
            ["A", "A", "A", null],
            ["A", "B", null, null],
            ["B", "B", "B", "B"],
            ["A", "B", "B", null],
            [null, null, null, "A"],
        ];
        var table = RatingTable.FromCategories(FromMatrix(rows));
        var withoutSingle = RatingTable.FromCategories(FromMatrix(rows[..4]));

        var result = InterRaterAgreement.Compute(table, resamples: 200, seed: 3);

        Assert.Equal(67.0 / 442, InterRaterStatistics.FleissKappa(table)!.Value, 12);
        Assert.Equal(23.0 / 143, InterRaterStatistics.FleissKappa(withoutSingle)!.Value, 12);
        Assert.Equal(13.0 / 35, InterRaterStatistics.KrippendorffAlpha(table)!.Value, 12);
        Assert.Equal(13.0 / 35, InterRaterStatistics.KrippendorffAlpha(withoutSingle)!.Value, 12);
        Assert.Equal(1.6 / 3, result.MeanCohensKappa!.Value, 12);
        Assert.Equal([0.2, 0.4, null, 1.0, null, null], result.Pairs.Select(p => p.Kappa is { } k ? Math.Round(k, 12) : (double?)null));
        Assert.Equal([4, 3, 1, 3, 1, 1], result.Pairs.Select(p => p.SharedItems));
        Assert.Equal((5, 4, 4, 13, 6, 3), (result.Items, result.ItemsUsed, result.Raters, result.Ratings, result.RaterPairs, result.RaterPairsUsed));
        Assert.Equal(67.0 / 442, result.FleissKappa!.Value, 12);
        Assert.Null(result.AlphaOrdinal); // unordered text categories
        Assert.Null(result.AlphaInterval);
    }

    [Fact]
    public void Mean_pairwise_Cohens_kappa_matches_scikit_learn_with_missing_ratings()
    {
        // Three reviewers grade twelve traces pass / partial / fail; null = not graded. Each pair shares ten traces.
        //   from sklearn.metrics import cohen_kappa_score   # scikit-learn 1.2.1 (Debian python3-sklearn)
        //   R = {'ana':   ['pass','pass','fail','partial','pass','fail','pass','partial','fail','pass',None,'pass'],
        //        'ben':   ['pass','partial','fail','partial','pass','fail','fail','partial','fail','pass','pass',None],
        //        'chloe': ['pass','pass','fail','fail',None,'fail','pass','pass','partial','pass','pass','pass']}
        //   for a, b in itertools.combinations(sorted(R), 2):
        //       idx = [i for i in range(12) if R[a][i] is not None and R[b][i] is not None]
        //       print(a, b, len(idx), cohen_kappa_score([R[a][i] for i in idx], [R[b][i] for i in idx]))
        //   ana ben 10 0.7014925373134329 / ana chloe 10 0.4915254237288136 / ben chloe 10 0.25373134328358216
        //   mean 0.48224976810860953
        string?[] ana = ["pass", "pass", "fail", "partial", "pass", "fail", "pass", "partial", "fail", "pass", null, "pass"];
        string?[] ben = ["pass", "partial", "fail", "partial", "pass", "fail", "fail", "partial", "fail", "pass", "pass", null];
        string?[] chloe = ["pass", "pass", "fail", "fail", null, "fail", "pass", "pass", "partial", "pass", "pass", "pass"];
        var ratings = new[] { ("ana", ana), ("ben", ben), ("chloe", chloe) }
            .SelectMany(r => r.Item2.Select((value, i) => ($"trace-{i + 1:00}", r.Item1, value)));
        var table = RatingTable.FromCategories(ratings);

        var pairwise = InterRaterStatistics.MeanPairwiseCohensKappa(table);

        Assert.Equal([("ana", "ben", 10), ("ana", "chloe", 10), ("ben", "chloe", 10)], pairwise.ByPair.Select(p => (p.FirstRater, p.SecondRater, p.SharedItems)));
        Assert.Equal(0.7014925373134329, pairwise.ByPair[0].Kappa!.Value, 12);
        Assert.Equal(0.4915254237288136, pairwise.ByPair[1].Kappa!.Value, 12);
        Assert.Equal(0.25373134328358216, pairwise.ByPair[2].Kappa!.Value, 12);
        Assert.Equal(0.48224976810860953, pairwise.Mean!.Value, 12);
        Assert.Equal((3, 3), (pairwise.Pairs, pairwise.PairsUsed));

        // The same as the judge-versus-human kappa on the traces both graded.
        var shared = ana.Zip(ben).Where(p => p.First is not null && p.Second is not null).Select(p => (p.First!, p.Second!)).ToList();
        Assert.Equal(CategoricalAgreement.Compute(shared).CohensKappa, pairwise.ByPair[0].Kappa);
    }

    [Fact]
    public void Pass_fail_ratings_by_two_raters_match_scikit_learn_statsmodels_and_hand_computed_alpha()
    {
        // ana = [1,1,0,1,0,1,1,0,1,1]; ben = [1,0,0,1,0,1,1,1,1,0]   (1 = pass)
        // cohen_kappa_score(ana, ben) -> 0.34782608695652173  (= (0.7 - 0.54) / 0.46)
        // fleiss_kappa(aggregate_raters(np.array([ana, ben]).T)[0]) -> 0.3406593406593405  (Scott's pi: (0.7 - 0.545) / 0.455)
        // Alpha by hand: 3 disagreeing items each add o_pf = o_fp = 1; n_pass = 13, n_fail = 7, n = 20:
        //   alpha = 1 - 19 * 6 / (2 * 13 * 7) = 34/91.
        bool[] ana = [true, true, false, true, false, true, true, false, true, true];
        bool[] ben = [true, false, false, true, false, true, true, true, true, false];
        var table = RatingTable.FromBooleans(ana.Select((v, i) => ($"t{i}", "ana", (bool?)v)).Concat(ben.Select((v, i) => ($"t{i}", "ben", (bool?)v))));

        var result = InterRaterAgreement.Compute(table, resamples: 1_000);

        Assert.Equal(["true", "false"], table.Categories);
        Assert.Equal(0.34782608695652173, result.MeanCohensKappa!.Value, 12);
        Assert.Equal(0.3406593406593405, result.FleissKappa!.Value, 12);
        Assert.Equal(34.0 / 91, result.AlphaNominal!.Value, 12);
        Assert.Equal((1, 1), (result.RaterPairs, result.RaterPairsUsed));
    }

    [Fact]
    public void Perfect_agreement_gives_one_when_two_or_more_categories_are_used()
    {
        var table = RatingTable.FromNumbers(FromMatrix<double?>([[1, 1, 1], [3, 3, 3], [2, 2, null], [3, 3, 3]]));

        var result = InterRaterAgreement.Compute(table, resamples: 500);

        Assert.Equal(1.0, result.MeanCohensKappa!.Value, 12);
        Assert.Equal(1.0, result.FleissKappa!.Value, 12);
        Assert.Equal(1.0, result.AlphaNominal!.Value, 12);
        Assert.Equal(1.0, result.AlphaOrdinal!.Value, 12);
        Assert.Equal(1.0, result.AlphaInterval!.Value, 12);
        // Every resample agrees perfectly or has one category only (undefined, dropped): the interval is [1, 1].
        Assert.Equal((1.0, 1.0), (result.FleissKappaInterval!.Lower, result.FleissKappaInterval.Upper));
    }

    [Fact]
    public void Agreement_on_a_single_category_is_undefined_not_perfect()
    {
        // Everyone says "true" about everything: chance agreement is 1 and there is no variation, so kappa and alpha are
        // 0/0. They are reported undefined (null), not 1: the data cannot show that raters tell categories apart.
        var table = RatingTable.FromBooleans([("a", "x", true), ("a", "y", true), ("b", "x", true), ("b", "y", true), ("b", "z", true)]);

        var result = InterRaterAgreement.Compute(table, resamples: 200);

        Assert.Equal((2, 2, 3), (result.Items, result.ItemsUsed, result.Raters));
        Assert.Null(result.MeanCohensKappa);
        Assert.Equal(0, result.RaterPairsUsed);
        Assert.Null(result.FleissKappa);
        Assert.Null(result.AlphaNominal);
        Assert.Null(result.MeanCohensKappaInterval);
        Assert.Null(result.FleissKappaInterval);
        Assert.Null(result.AlphaNominalInterval);
    }

    [Fact]
    public void One_rater_or_no_items_gives_undefined_statistics()
    {
        var oneRater = InterRaterAgreement.Compute(RatingTable.FromNumbers([("a", "x", 1), ("b", "x", 2), ("c", "x", 3)]), resamples: 200);
        var empty = InterRaterAgreement.Compute(RatingTable.FromCategories([]), resamples: 200);
        var onlyMissing = InterRaterAgreement.Compute(RatingTable.FromNumbers([("a", "x", null), ("a", "y", null)]), resamples: 200);

        foreach (var result in new[] { oneRater, empty, onlyMissing })
        {
            Assert.Null(result.MeanCohensKappa);
            Assert.Null(result.FleissKappa);
            Assert.Null(result.AlphaNominal);
            Assert.Null(result.AlphaOrdinal);
            Assert.Null(result.AlphaInterval);
            Assert.Null(result.FleissKappaInterval);
            Assert.Null(result.AlphaIntervalInterval);
            Assert.Equal(0, result.ItemsUsed);
        }

        Assert.Equal((3, 1, 3, 0), (oneRater.Items, oneRater.Raters, oneRater.Ratings, oneRater.RaterPairs));
        Assert.Equal((0, 0, 0, 0), (empty.Items, empty.Raters, empty.Ratings, empty.RaterPairs));
        Assert.Equal((1, 2, 0, 1, 0), (onlyMissing.Items, onlyMissing.Raters, onlyMissing.Ratings, onlyMissing.RaterPairs, onlyMissing.RaterPairsUsed));
    }

    [Fact]
    public void Bootstrap_intervals_contain_the_estimate_are_seeded_and_ignore_input_order()
    {
        var ratings = FromMatrix(Diagnoses.Select(row => row.Select(d => (double?)d).ToArray()).ToArray()).ToList();
        var table = RatingTable.FromNumbers(ratings);
        var shuffled = RatingTable.FromNumbers(ratings.OrderByDescending(r => r.RaterId, StringComparer.Ordinal).ThenByDescending(r => r.ItemId, StringComparer.Ordinal));

        var result = InterRaterAgreement.Compute(table, resamples: 2_000, seed: 7);
        var again = InterRaterAgreement.Compute(shuffled, resamples: 2_000, seed: 7);
        var otherSeed = InterRaterAgreement.Compute(table, resamples: 2_000, seed: 8);
        var narrower = InterRaterAgreement.Compute(table, resamples: 2_000, seed: 7, level: 0.5);

        ConfidenceInterval?[] Intervals(InterRaterAgreement r) =>
            [r.MeanCohensKappaInterval, r.FleissKappaInterval, r.AlphaNominalInterval, r.AlphaOrdinalInterval, r.AlphaIntervalInterval];
        double?[] estimates = [result.MeanCohensKappa, result.FleissKappa, result.AlphaNominal, result.AlphaOrdinal, result.AlphaInterval];

        Assert.Equal(Intervals(result), Intervals(again));
        Assert.NotEqual(Intervals(result), Intervals(otherSeed));
        foreach (var (interval, estimate) in Intervals(result).Zip(estimates))
        {
            Assert.NotNull(interval);
            Assert.Equal(estimate!.Value, interval.Estimate, 12);
            Assert.InRange(interval.Estimate, interval.Lower, interval.Upper);
            Assert.InRange(interval.Upper - interval.Lower, 0.05, 0.5); // 30 items: wide, but not degenerate
            Assert.Equal(0.95, interval.Level);
        }

        foreach (var (wide, narrow) in Intervals(result).Zip(Intervals(narrower)))
        {
            Assert.True(narrow!.Upper - narrow.Lower < wide!.Upper - wide.Lower);
        }

        // The interval is PairedBootstrap's over the items: the same seed and resamples give the same draws.
        var items = Enumerable.Range(0, table.Items.Count).ToList();
        var direct = PairedBootstrap.Interval(items, sample => InterRaterStatistics.FleissKappa(
            RatingTable.FromNumbers(sample.SelectMany((item, copy) => Enumerable.Range(0, 6).Select(rater =>
                ($"{copy:000}", $"{rater}", table.Number(item, rater)))))), resamples: 2_000, seed: 7);
        Assert.Equal(direct, result.FleissKappaInterval);
    }

    [Fact]
    public void Rating_table_orders_deterministically_and_rejects_bad_input()
    {
        var table = RatingTable.FromCategories([("t2", "zoe", "b"), ("t10", "adam", "false"), ("t1", "zoe", "true"), ("t2", "adam", null), ("t1", "adam", "a")]);

        Assert.Equal(["t1", "t10", "t2"], table.Items);
        Assert.Equal(["adam", "zoe"], table.Raters);
        Assert.Equal(["true", "false", "a", "b"], table.Categories);
        Assert.Equal(("a", "true", (string?)null, "b"), (table.Category(0, 0), table.Category(0, 1), (string?)table.Category(2, 0), table.Category(2, 1)));
        Assert.Equal((2, 1, 1, 4), (table.RatingsOf(0), table.RatingsOf(1), table.RatingsOf(2), table.Count));
        Assert.Null(table.Values);
        Assert.Null(table.Number(0, 0));

        var numbers = RatingTable.FromNumbers([("i", "r", 2.5), ("i", "s", -0.0), ("j", "r", 0.0), ("j", "s", 10)]);
        Assert.Equal([0.0, 2.5, 10], numbers.Values);
        Assert.Equal(["0", "2.5", "10"], numbers.Categories);
        Assert.Equal(0.0, numbers.Number(0, 1));

        Assert.Throws<ArgumentException>(() => RatingTable.FromCategories([("t", "r", "a"), ("t", "r", "b")]));
        Assert.Throws<ArgumentException>(() => RatingTable.FromNumbers([("t", "r", double.NaN)]));
        Assert.Throws<ArgumentException>(() => RatingTable.FromCategories([("t", "r", "maybe")], ["no", "yes"]));
        Assert.Throws<ArgumentOutOfRangeException>(() => table.Category(3, 0));
    }

    [Fact]
    public void An_alpha_metric_that_does_not_fit_the_table_is_rejected()
    {
        var categorical = RatingTable.FromCategories([("t", "r", "a"), ("t", "s", "b"), ("u", "r", "a"), ("u", "s", "a")]);
        var ordered = RatingTable.FromCategories([("t", "r", "a"), ("t", "s", "b"), ("u", "r", "a"), ("u", "s", "a")], ["a", "b"]);

        Assert.Throws<ArgumentException>(() => InterRaterStatistics.KrippendorffAlpha(categorical, KrippendorffMetric.Ordinal));
        Assert.Throws<ArgumentException>(() => InterRaterStatistics.KrippendorffAlpha(categorical, KrippendorffMetric.Interval));
        Assert.Throws<ArgumentException>(() => InterRaterStatistics.KrippendorffAlpha(ordered, KrippendorffMetric.Interval));
        // With two categories there is a single difference (nominal 1, ordinal (n_a + n_b - (n_a + n_b)/2)² = 4), which
        // cancels, so the alphas agree. Hand: n_a = 3, n_b = 1, o_ab = o_ba = 1; alpha = 1 - 3 * 2 / (2 * 3 * 1) = 0.
        Assert.Equal(0.0, InterRaterStatistics.KrippendorffAlpha(ordered, KrippendorffMetric.Ordinal)!.Value, 12);
        Assert.Equal(0.0, InterRaterStatistics.KrippendorffAlpha(categorical)!.Value, 12);
    }

    /// <summary>(item, rater, value) triples from rows of items and columns of raters; null is missing.</summary>
    private static IEnumerable<(string ItemId, string RaterId, T Value)> FromMatrix<T>(T[][] rows) =>
        rows.SelectMany((row, item) => row.Select((value, rater) => ($"item {item + 1:00}", $"rater {rater + 1}", value)));
}
