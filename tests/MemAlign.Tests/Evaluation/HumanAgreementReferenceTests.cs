using System.Globalization;
using MemAlign.Evaluation;

namespace MemAlign.Tests.Evaluation;

/// <summary>
/// The human-agreement statistics on a real multi-annotator set (VADER lexicon ratings, every 15th token: 502
/// tokens x 10 raters), against scikit-learn, statsmodels and an independent Krippendorff implementation
/// (Data/vader-every-15th/NOTICE.md says how they were computed).
/// </summary>
public class HumanAgreementReferenceTests
{
    private static readonly List<(string Item, string Rater, int Label)> Ratings = File.ReadLines(Path.Combine(AppContext.BaseDirectory, "Data", "vader-every-15th", "labels.csv"))
        .Skip(1)
        .Select(line => line.Split(','))
        .Select(f => (f[0], f[1], int.Parse(f[2], CultureInfo.InvariantCulture)))
        .ToList();

    [Fact]
    public void Nine_level_ratings_match_scikit_learn_statsmodels_and_krippendorff()
    {
        var table = RatingTable.FromNumbers(Ratings.Select(r => (r.Item, r.Rater, (double?)r.Label)));

        Assert.Equal((502, 10, 5020), (table.Items.Count, table.Raters.Count, table.Count));
        Assert.Equal(0.24143054920184903, InterRaterStatistics.MeanPairwiseCohensKappa(table).Mean!.Value, 12); // sklearn cohen_kappa_score, mean of 45 pairs
        Assert.Equal(0.24122235890767074, InterRaterStatistics.FleissKappa(table)!.Value, 12);                  // statsmodels fleiss_kappa
        Assert.Equal(0.2413735098321913, InterRaterStatistics.KrippendorffAlpha(table, KrippendorffMetric.Nominal)!.Value, 12);
        Assert.Equal(0.7551040892157738, InterRaterStatistics.KrippendorffAlpha(table, KrippendorffMetric.Ordinal)!.Value, 12);
        Assert.Equal(0.7492123308037759, InterRaterStatistics.KrippendorffAlpha(table, KrippendorffMetric.Interval)!.Value, 12);
    }

    [Fact]
    public void Polarity_categories_match_scikit_learn_and_statsmodels()
    {
        var table = RatingTable.FromCategories(Ratings.Select(r => (r.Item, r.Rater, (string?)(r.Label switch { < 0 => "negative", 0 => "neutral", _ => "positive" }))));

        Assert.Equal(0.6568217147170066, InterRaterStatistics.MeanPairwiseCohensKappa(table).Mean!.Value, 12);
        Assert.Equal(0.6567903532503598, InterRaterStatistics.FleissKappa(table)!.Value, 12);
        Assert.Equal(0.6568587217058877, InterRaterStatistics.KrippendorffAlpha(table, KrippendorffMetric.Nominal)!.Value, 12);
    }

    [Fact]
    public void A_judges_labels_on_traces_give_the_same_agreement_with_an_interval_and_the_most_disagreed_tokens()
    {
        var sentiment = JudgeDefinition.Create("sentiment", "How positive is {{ inputs }}?", FeedbackValueType.Integer(-4, 4));
        var traces = Ratings.GroupBy(r => r.Item).Select(g => g.Aggregate(Trace.Create(g.Key, "token " + g.Key, ""),
            (trace, r) => trace.WithAssessment(new Assessment("sentiment", r.Label, AssessmentSource.Human(r.Rater))))).ToList();

        var agreement = HumanAgreement.Compute(sentiment, traces, resamples: 500);

        Assert.Equal((502, 502, 10), (agreement.LabelledTraces, agreement.MultiplyLabelledTraces, agreement.Reviewers));
        Assert.Equal("Krippendorff's alpha (interval)", agreement.CheckStatistic);
        Assert.Equal(0.7492123308037759, agreement.CheckValue!.Value, 12);
        Assert.InRange(agreement.CheckValue.Value, agreement.CheckInterval!.Lower, agreement.CheckInterval.Upper);
        Assert.True(agreement.CheckInterval.Upper - agreement.CheckInterval.Lower is > 0.005 and < 0.1);
        Assert.Equal(0.24143054920184903, agreement.Statistics!.MeanCohensKappa!.Value, 12);
        Assert.False(agreement.IsBelow(HumanAgreement.DefaultThreshold));
        var first = agreement.MostDisagreed[0];
        Assert.Equal(10, first.Labels.Count);
        Assert.True(agreement.MostDisagreed.Zip(agreement.MostDisagreed.Skip(1)).All(p => p.First.Disagreement >= p.Second.Disagreement));
        var spread = Ratings.GroupBy(r => r.Item).Max(g => Math.Sqrt(g.Select(r => (double)r.Label).Select(v => (v - g.Average(x => x.Label)) * (v - g.Average(x => x.Label))).Average()));
        Assert.Equal(spread, first.Disagreement, 12);
    }

    [Fact]
    public void The_closed_form_interval_alpha_of_a_judge_and_the_experts_equals_the_general_one()
    {
        var random = new Random(3);
        var pairs = Enumerable.Range(0, 200).Select(_ => ((double)random.Next(1, 6), (double)random.Next(1, 6))).ToList();
        var table = RatingTable.FromNumbers(pairs.SelectMany((p, i) => new[] { ($"i{i:D3}", "human", (double?)p.Item1), ($"i{i:D3}", "judge", (double?)p.Item2) }));

        Assert.Equal(InterRaterStatistics.KrippendorffAlpha(table, KrippendorffMetric.Interval)!.Value, AlignmentExperiment.IntervalAlpha(pairs)!.Value, 12);
    }
}
