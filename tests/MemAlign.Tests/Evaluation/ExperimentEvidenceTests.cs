using System.Text.RegularExpressions;
using MemAlign.Evaluation;
using MemAlign.Testing;

namespace MemAlign.Tests.Evaluation;

/// <summary>
/// Experiment reports that never mislead (issue 15): learning curves over stratified, nested samples that move,
/// the majority-class and human references, the train/test design, and an honest offline baseline.
/// </summary>
public class ExperimentEvidenceTests
{
    private static readonly JudgeDefinition Helpfulness = JudgeDefinition.Create("helpfulness", "Q: {{ inputs }}\nA: {{ outputs }}", FeedbackValueType.Boolean);

    private static readonly ExperimentOptions Quick = new() { BootstrapResamples = 500, Seed = 11 };

    /// <summary>Follows the majority of the example verdicts in its prompt; without examples it says true.</summary>
    private static ScriptedChatClient FollowsExamples() => new(fallback: request =>
    {
        var results = Regex.Matches(request.User, @"^  result: (true|false)$", RegexOptions.Multiline).Select(m => m.Groups[1].Value).ToList();
        var verdict = results.Count == 0 || results.Count(r => r == "true") * 2 > results.Count;
        return ScriptedChatClient.Response($"{{\"rationale\": \"{results.Count} examples\", \"result\": {(verdict ? "true" : "false")}}}");
    });

    private static Trace Labelled(string id, bool helpful, string? reviewer = "expert") =>
        Trace.Create(id, helpful ? $"polite question {id} about delivery" : $"angry complaint {id} about refunds", helpful ? "Happy to help, here is the answer." : "Whatever.")
            .WithAssessment(new Assessment("helpfulness", helpful, AssessmentSource.Human(reviewer!), helpful ? "Helpful answer." : "Dismissive."));

    [Fact]
    public async Task A_set_sorted_by_label_gives_curve_samples_with_both_labels_and_a_curve_that_moves()
    {
        // All the unhelpful traces first: taking the first n of the folds, as the curve once did, gave one label only.
        var traces = Enumerable.Range(0, 24).Select(i => Labelled($"f{i:D2}", false)).Concat(Enumerable.Range(0, 24).Select(i => Labelled($"t{i:D2}", true))).ToList();

        var report = await AlignmentExperiment.RunAsync(new Judge<bool>(Helpfulness, FollowsExamples()), traces, options: Quick with { LearningCurve = [0, 2, 5, 25] });

        Assert.Equal([0, 2, 5, 25, 36], report.LearningCurve.Select(p => p.Examples)); // and the whole training fold
        Assert.Equal(3, report.LearningCurveRepeats);
        foreach (var point in report.LearningCurve.Skip(1))
        {
            // Per fold: in proportion (here half and half, give or take one per fold).
            Assert.Equal(point.Examples * report.Folds, point.Labels["true"] + point.Labels["false"]);
            Assert.InRange(point.Labels["true"], point.Examples * report.Folds / 2 - report.Folds, point.Examples * report.Folds / 2 + report.Folds);
            Assert.True(point.Labels["false"] >= report.Folds);
            Assert.Equal(3, point.Repeats.Count);
            Assert.True(point.Lower <= point.Value && point.Value <= point.Upper);
        }

        Assert.Equal(0.5, report.LearningCurve[0].Value); // no memory: always "true"
        Assert.True(report.LearningCurve[^1].Value > 0.9, $"with 25 examples per fold: {report.LearningCurve[^1].Value}");
        Assert.True(report.LearningCurve.Select(p => p.Value).Distinct().Count() >= 2, "the curve does not move");
        Assert.NotNull(report.LearningCurve[^1].Kappa);
    }

    [Fact]
    public async Task Nested_samples_hold_labels_in_proportion_from_the_smallest_sample_on_and_grow_by_adding()
    {
        var traces = Enumerable.Range(0, 40).Select(i => Labelled($"x{i:D2}", i % 5 == 0)).ToList(); // 80/20
        var labels = traces.ToDictionary(t => t.Id, t => t.Assessments[0].Value);

        var order = NestedStratifiedOrder.Order(traces, Strata.Of(labels), seed: 5);

        Assert.Equal(traces.Select(t => t.Id).Order(), order.Select(t => t.Id).Order());
        Assert.All(order.Take(2), t => Assert.Equal(FeedbackValue.FromBoolean(false), labels[t.Id])); // two of an 80/20 set: both of the majority
        foreach (var n in new[] { 1, 2, 3, 5, 7, 10, 20, 40 })
        {
            var minority = order.Take(n).Count(t => labels[t.Id] == FeedbackValue.FromBoolean(true));
            Assert.InRange(minority, Math.Floor(n * 0.2), Math.Ceiling(n * 0.2)); // its share, rounded
            Assert.True(n - minority >= minority, $"the majority label leads at {n}");
        }
    }

    [Fact]
    public async Task A_train_test_experiment_aligns_on_one_set_scores_the_other_and_names_both()
    {
        var train = Enumerable.Range(0, 20).Select(i => Labelled($"dev{i:D2}", i % 2 == 0)).ToList();
        var test = Enumerable.Range(0, 10).Select(i => Labelled($"test{i:D2}", i % 2 == 0)).ToList();

        var report = await AlignmentExperiment.RunTrainTestAsync(new Judge<bool>(Helpfulness, FollowsExamples()), train, test,
            options: Quick with { TrainSetName = "tag.split=dev", TestSetName = "tag.split=test", LearningCurve = [0, 4, 20] });

        Assert.Equal((ExperimentDesign.TrainTest, 1, 20, 10, 10), (report.Design, report.Folds, report.TrainTraces, report.TestTraces, report.ComparableRows));
        Assert.Equal(("tag.split=dev", "tag.split=test"), (report.TrainSet, report.TestSet));
        var fold = Assert.Single(report.FoldDetails);
        Assert.Equal(test.Select(t => t.Id), fold.TestTraceIds);
        Assert.All(fold.MemoryTraceIds, id => Assert.StartsWith("dev", id));
        Assert.Equal([0, 4, 20], report.LearningCurve.Select(p => p.Examples));
        Assert.True(report.Primary.Aligned!.Estimate > report.Primary.Baseline!.Estimate);
        Assert.Contains("Train/test: aligned on tag.split=dev (20 labelled traces), scored on tag.split=test (10 labelled traces)", Reporting.ExperimentReportWriter.ToMarkdown(report));

        var overlap = await Assert.ThrowsAsync<ArgumentException>(() => AlignmentExperiment.RunTrainTestAsync(new Judge<bool>(Helpfulness, FollowsExamples()), train, [train[0]]));
        Assert.Contains("share trace(s) 'dev00'", overlap.Message);
    }

    [Fact]
    public async Task Offline_the_baseline_is_the_majority_class_of_the_training_labels_and_the_report_says_so()
    {
        var traces = Enumerable.Range(0, 30).Select(i => Labelled($"o{i:D2}", i % 3 != 0)).ToList(); // two thirds helpful

        var report = await AlignmentExperiment.RunAsync(Judge.CreateLocal(Helpfulness), traces, options: Quick with { LearningCurve = [0, 6] });

        Assert.True(report.Offline);
        Assert.StartsWith("the majority class of the training labels", report.Baseline);
        Assert.Equal((30, 30, 30), (report.BaselineRows, report.AlignedRows, report.ComparableRows)); // never "0 rows scored by both"
        Assert.Equal("true", report.MajorityLabel);
        Assert.Equal(report.Primary.Majority!.Estimate, report.Primary.Baseline!.Estimate, 12);
        Assert.Equal(20.0 / 30, report.Primary.Majority.Estimate, 12);
        Assert.Equal(report.Primary.Majority.Estimate, report.LearningCurve[0].Value!.Value, 12);
        Assert.StartsWith("Offline:", report.Findings[0]);
        Assert.DoesNotContain("scored by both (baseline 0", Reporting.ExperimentReportWriter.ToConsoleTable(report));
    }

    [Fact]
    public async Task A_judge_below_the_majority_rate_is_told_so_plainly()
    {
        var traces = Enumerable.Range(0, 40).Select(i => Labelled($"m{i:D2}", i % 5 != 0)).ToList(); // 80% helpful
        var contrarian = new ScriptedChatClient(fallback: _ => ScriptedChatClient.Response("{\"rationale\": \"no\", \"result\": false}"));

        var report = await AlignmentExperiment.RunAsync(new Judge<bool>(Helpfulness, contrarian), traces, options: Quick with { LearningCurve = [] });

        Assert.Equal(0.8, report.Primary.Majority!.Estimate, 12);
        Assert.Equal(0.2, report.Primary.Aligned!.Estimate, 12);
        Assert.True(report.Primary.BelowMajority);
        Assert.Contains(report.Findings, f => f.Contains("the aligned judge's 0.200 is significantly below it", StringComparison.Ordinal));
        Assert.Contains("significantly below", Reporting.ExperimentReportWriter.ToHtml(report));
    }

    [Fact]
    public async Task An_experiment_without_pairs_has_no_position_consistency_nor_a_finding_about_it()
    {
        var traces = Enumerable.Range(0, 20).Select(i => Labelled($"n{i:D2}", i % 2 == 0)).ToList();

        var report = await AlignmentExperiment.RunAsync(new Judge<bool>(Helpfulness, FollowsExamples()), traces, options: Quick with { LearningCurve = [] });

        Assert.Equal((null, null), (report.BaselinePositionConsistency, report.AlignedPositionConsistency));
        Assert.DoesNotContain(report.Findings, f => f.Contains("position", StringComparison.OrdinalIgnoreCase));
        Assert.Contains(report.Findings, f => f.StartsWith("Majority reference:", StringComparison.Ordinal)); // the findings are there, just not this one
    }

    [Fact]
    public async Task Human_agreement_is_measured_on_the_experiments_traces_and_the_judge_is_placed_against_its_band()
    {
        // Three experts; the third disagrees on every fourth trace.
        var traces = Enumerable.Range(0, 40).Select(i =>
        {
            var helpful = i % 2 == 0;
            return Labelled($"h{i:D2}", helpful, "ann")
                .WithAssessment(new Assessment("helpfulness", helpful, AssessmentSource.Human("bob"), "same"))
                .WithAssessment(new Assessment("helpfulness", i % 4 == 1 ? !helpful : helpful, AssessmentSource.Human("cy"), "mostly"));
        }).ToList();

        var report = await AlignmentExperiment.RunAsync(new Judge<bool>(Helpfulness, FollowsExamples()), traces, options: Quick with { LearningCurve = [] });

        var humans = report.HumanAgreement!;
        Assert.Equal((40, 40, 3), (humans.LabelledTraces, humans.MultiplyLabelledTraces, humans.Reviewers));
        var table = RatingTable.FromCategories(traces.SelectMany(t => t.Assessments.Select(a => (t.Id, a.Source.Id, (string?)a.Value.ToString()))));
        Assert.Equal(InterRaterStatistics.FleissKappa(table), humans.Statistics!.FleissKappa);
        Assert.Equal(InterRaterStatistics.MeanPairwiseCohensKappa(table).Mean, humans.Statistics.MeanCohensKappa);
        Assert.Equal(10, humans.MostDisagreed.Count);
        Assert.All(humans.MostDisagreed, d => Assert.Equal(1.0 / 3, d.Disagreement, 12));
        Assert.Contains(report.Findings, f => f.StartsWith("Human-human agreement: Cohen's kappa (mean over pairs of experts)", StringComparison.Ordinal)
            && f.Contains("band", StringComparison.Ordinal));
        Assert.Equal((30, 10), (report.LabelResolution.Unanimous, report.LabelResolution.Majority));
    }
}

public class BootstrapTogetherTests
{
    [Fact]
    public void Statistics_bootstrapped_together_get_the_same_intervals_as_one_by_one()
    {
        var random = new Random(9);
        var rows = Enumerable.Range(0, 120).Select(_ => (Human: random.Next(0, 2) == 1, Judge: random.Next(0, 3) > 0)).ToList();
        double? Accuracy(IReadOnlyList<(bool Human, bool Judge)> s) => s.Count(r => r.Human == r.Judge) / (double)s.Count;
        double? Positive(IReadOnlyList<(bool Human, bool Judge)> s) => s.Count(r => r.Judge) / (double)s.Count;

        var together = PairedBootstrap.Intervals(rows, s => [Accuracy(s), Positive(s)], 1_000, 5);

        Assert.Equal(PairedBootstrap.Interval(rows, Accuracy, 1_000, 5), together[0]);
        Assert.Equal(PairedBootstrap.Interval(rows, Positive, 1_000, 5), together[1]);
    }
}
