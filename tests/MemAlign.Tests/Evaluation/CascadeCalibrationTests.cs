using MemAlign.Evaluation;
using Row = MemAlign.Evaluation.CascadeCalibration.Row;

namespace MemAlign.Tests.Evaluation;

/// <summary>
/// Choosing a cascade's threshold on held-out rows: fixed-sequence testing from the strictest threshold with the exact
/// binomial bound, the coverage and agreement of each threshold, and the guarantee in words, with enough data and without.
/// </summary>
public class CascadeCalibrationTests
{
    private static readonly FeedbackValue Yes = FeedbackValue.FromBoolean(true);
    private static readonly FeedbackValue No = FeedbackValue.FromBoolean(false);
    private static readonly CascadeExperimentOptions Options = new() { TargetAgreement = 0.8, Risk = 0.1, Thresholds = [0.5, 0.9, 0.7] };

    // The default grid's steps over the confidences these rows have (0.5 to 1).
    private static readonly CascadeExperimentOptions Fine = Options with { Thresholds = CascadeExperimentOptions.DefaultThresholds.Where(t => t >= 0.5).ToList() };

    // count rows at one confidence, the first `agreeing` of them with the local verdict equal to the human's; the model always answers "yes".
    private static IEnumerable<Row> Rows(int count, int agreeing, double confidence) =>
        Enumerable.Range(0, count).Select(i => new Row(Yes, i < agreeing ? Yes : No, confidence, Yes, No));

    [Fact]
    public void The_loosest_threshold_that_passes_with_every_stricter_one_is_chosen()
    {
        List<Row> rows = [.. Rows(40, 40, 0.95), .. Rows(40, 36, 0.75), .. Rows(40, 20, 0.55)];

        var report = CascadeCalibration.Build(rows, Options, "scripted model", offline: false);

        Assert.Equal([0.9, 0.7, 0.5], report.Points.Select(p => p.Threshold)); // strictest first, whatever the order given
        Assert.Equal([CascadeTestOutcome.Passed, CascadeTestOutcome.Passed, CascadeTestOutcome.Failed], report.Points.Select(p => p.Outcome));
        Assert.Equal(0.7, report.ChosenThreshold);
        var chosen = report.Chosen!;
        Assert.Equal((80, 76, 120), (chosen.Covered, chosen.LocalAgreements, chosen.HeldOut));
        Assert.Equal(80.0 / 120, chosen.Coverage, 12);
        Assert.Equal(ClopperPearson.Lower(76, 80, 0.1), chosen.LowerBound!.Value, 12);
        Assert.True(chosen.LowerBound >= 0.8);
        Assert.Equal(ClopperPearson.UpperTail(76, 80, 0.8), chosen.PValue!.Value, 12);
        Assert.Equal(0, chosen.MajorityAgreement); // the majority reference answers "no"; every human said "yes"
        // Local where covered (76 agree), the model ("yes", always right here) for the 40 others.
        Assert.Equal(116.0 / 120, chosen.CascadeAgreement!.Estimate, 12);
        Assert.Equal(1, report.ModelAgreement!.Estimate);
        Assert.Equal(11, report.MinimumCovered);
        Assert.StartsWith("Guarantee: with probability at least 90%, the local judge's answers at threshold 0.700 agree with the humans at least 0.800 of the time", report.Guarantee);
        Assert.Contains("76 of 80 held-out traces it answered agree", report.Guarantee);
        Assert.Contains("80 model call(s) of 120 saved", report.Guarantee);
    }

    [Fact]
    public void Strict_thresholds_covering_too_few_traces_are_passed_over_and_the_sequence_starts_below_them()
    {
        List<Row> rows = [.. Rows(6, 6, 0.95), .. Rows(100, 100, 0.75)];

        var report = CascadeCalibration.Build(rows, Options, "scripted model", offline: false);

        Assert.Equal([CascadeTestOutcome.TooFew, CascadeTestOutcome.Passed, CascadeTestOutcome.Passed], report.Points.Select(p => p.Outcome));
        Assert.Equal(0.5, report.ChosenThreshold);
        Assert.Equal(6, report.Points[0].Covered);
        Assert.Equal(1, report.Points[0].LocalAgreement!.Estimate); // described all the same
    }

    [Fact]
    public void Too_few_held_out_traces_give_no_guarantee_and_say_so()
    {
        var report = CascadeCalibration.Build([.. Rows(8, 8, 0.95)], Options, "scripted model", offline: false);

        Assert.Null(report.ChosenThreshold);
        Assert.Null(report.Chosen);
        Assert.All(report.Points, p => Assert.Equal(CascadeTestOutcome.TooFew, p.Outcome));
        Assert.StartsWith("No guarantee: the data are too few. Even at threshold 0.500 the local judge answers 8 held-out trace(s); the exact bound needs at least 11", report.Guarantee);
    }

    [Fact]
    public void A_failure_stops_the_sequence_even_if_a_looser_threshold_would_pass()
    {
        List<Row> rows = [.. Rows(12, 8, 0.95), .. Rows(100, 100, 0.75)];

        var report = CascadeCalibration.Build(rows, Options, "scripted model", offline: false);

        Assert.Equal([CascadeTestOutcome.Failed, CascadeTestOutcome.NotTested, CascadeTestOutcome.NotTested], report.Points.Select(p => p.Outcome));
        Assert.True(report.Points[1].LowerBound >= 0.8); // 108 of 112 would pass on its own; testing it after a failure would break the guarantee
        Assert.Null(report.ChosenThreshold);
        Assert.StartsWith("No guarantee: at threshold 0.900, the strictest covering at least 11 held-out traces, the local judge agrees with the humans on 8 of 12", report.Guarantee);
        Assert.Contains("below the target 0.800", report.Guarantee);
    }

    [Fact]
    public void Local_errors_are_never_covered_and_go_to_the_model()
    {
        List<Row> rows = [new(Yes, null, null, Yes, No), new(Yes, Yes, 0.99, No, No), new(No, Yes, 0.6, null, No)];

        var report = CascadeCalibration.Build(rows, Options with { Thresholds = [0.9] }, "scripted model", offline: false);

        var point = report.Points.Single();
        Assert.Equal(1, point.Covered);
        // Trace 1: the model's "yes" agrees; trace 2: the local "yes" agrees; trace 3: the model has no value, a disagreement.
        Assert.Equal(2.0 / 3, point.CascadeAgreement!.Estimate, 12);
        Assert.Equal(1.0 / 3, report.ModelAgreement!.Estimate, 12);
    }

    [Fact]
    public void Over_many_data_sets_where_the_local_judge_falls_short_a_threshold_is_chosen_at_most_risk_of_the_time()
    {
        // Every confidence level agrees with the humans 75% of the time, below the 80% target: any threshold chosen is a
        // false guarantee, which the test may give in at most 10% of data sets (it is exact, so usually well under).
        var random = new Random(2024);
        var chosen = 0;
        const int DataSets = 200;
        for (var s = 0; s < DataSets; s++)
        {
            var rows = Enumerable.Range(0, 300).Select(_ =>
            {
                var confidence = 0.5 + (random.NextDouble() / 2);
                return new Row(Yes, random.NextDouble() < 0.75 ? Yes : No, confidence, Yes, No);
            }).ToList();
            chosen += CascadeCalibration.Build(rows, Fine, "m", offline: false).ChosenThreshold is null ? 0 : 1;
        }

        Assert.InRange(chosen, 0, DataSets / 10);
    }

    [Fact]
    public void Where_agreement_rises_with_confidence_but_never_reaches_the_target_a_threshold_is_chosen_at_most_risk_of_the_time()
    {
        // Agreement 0.6 at confidence 0.5 rising to 0.8 at 1: every threshold's covered traces agree less than 80% of the
        // time, and the strictest (passed over while they cover too few) come closest: the case where starting below them matters.
        var random = new Random(99);
        var chosen = 0;
        const int DataSets = 200;
        for (var s = 0; s < DataSets; s++)
        {
            var rows = Enumerable.Range(0, 400).Select(_ =>
            {
                var confidence = 0.5 + (random.NextDouble() / 2);
                return new Row(Yes, random.NextDouble() < 0.6 + (0.4 * (confidence - 0.5)) ? Yes : No, confidence, Yes, No);
            }).ToList();
            chosen += CascadeCalibration.Build(rows, Fine, "m", offline: false).ChosenThreshold is null ? 0 : 1;
        }

        Assert.InRange(chosen, 0, DataSets / 10);
    }

    [Fact]
    public void Where_the_local_judge_clears_the_target_with_room_the_guarantee_is_found()
    {
        var random = new Random(7);
        var rows = Enumerable.Range(0, 300).Select(_ =>
        {
            var confidence = 0.5 + (random.NextDouble() / 2);
            return new Row(Yes, random.NextDouble() < confidence + 0.1 ? Yes : No, confidence, Yes, No); // agreement rises with confidence
        }).ToList();

        var report = CascadeCalibration.Build(rows, Options with { Thresholds = CascadeExperimentOptions.DefaultThresholds }, "m", offline: false);

        Assert.NotNull(report.ChosenThreshold);
        Assert.True(report.Chosen!.Coverage > 0.5, $"coverage {report.Chosen.Coverage}");
        Assert.True(report.Chosen.LowerBound >= 0.8);
    }

    [Fact]
    public void Targets_and_risks_outside_zero_to_one_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => CascadeCalibration.Build([], Options with { TargetAgreement = 1 }, "m", false));
        Assert.Throws<ArgumentOutOfRangeException>(() => CascadeCalibration.Build([], Options with { Risk = 0 }, "m", false));
        Assert.Throws<ArgumentOutOfRangeException>(() => CascadeCalibration.Build([], Options with { Thresholds = [] }, "m", false));
    }
}
