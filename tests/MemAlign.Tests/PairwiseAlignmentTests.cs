using MemAlign.Alignment;
using MemAlign.Evaluation;
using MemAlign.Testing;
using Xunit.Abstractions;

namespace MemAlign.Tests;

/// <summary>
/// Alignment on human preferences, ties included, through the ordinary aligner, measured on held-out pairs: a judge whose
/// model prefers the first position unless told what matters (<see cref="PositionBiasedChatClient"/>) becomes position
/// consistent and agrees with the experts once its memory says what they value.
/// </summary>
public sealed class PairwiseAlignmentTests(ITestOutputHelper output)
{
    private static readonly EvaluationRun Run = new("run", "default", "pairs", DateTimeOffset.UnixEpoch, new Dictionary<string, string>());

    [Fact]
    public async Task Aligning_on_preferences_raises_position_consistency_and_agreement_on_held_out_pairs()
    {
        var model = new PositionBiasedChatClient();
        var judge = new Judge<Preference>(PairwiseData.SupportPreference, model);

        var before = await ReportAsync(judge, PairwiseData.Test);
        var (aligned, alignment) = await judge.AlignAsync(PairwiseData.Align, new MemAlignOptimizer(new MemAlignOptions()));
        var after = await ReportAsync(aligned, PairwiseData.Test);

        output.WriteLine($"{alignment}");
        output.WriteLine($"held out: {PairwiseData.Test.Count} pairs; position consistency {before.PositionConsistency!.Rate:0.00} -> {after.PositionConsistency!.Rate:0.00}; "
            + $"agreement {before.Categorical!.Accuracy:0.00} -> {after.Categorical!.Accuracy:0.00}; kappa {before.Categorical.CohensKappa?.ToString("0.00") ?? "n/a"} -> {after.Categorical.CohensKappa:0.00}");
        Assert.Equal(15, alignment.ExamplesAdded);
        Assert.Contains(aligned.Memory.Examples, e => e.Value == FeedbackValue.FromText("Tie"));
        Assert.Equal((5, 0), (before.PositionConsistency.Pairs, before.PositionConsistency.Consistent));
        Assert.Equal(0.2, before.Categorical.Accuracy); // every pair inconsistent, so every verdict a tie: right only on the one tie
        Assert.Equal(4, after.PositionConsistency.Consistent); // the tie of two equally vague replies stays position-bound
        Assert.Equal(1.0, after.Categorical.Accuracy);          // ... and counts as the tie the expert gave
        Assert.True(after.Categorical.CohensKappa > 0.6, $"kappa {after.Categorical.CohensKappa}");
    }

    [Fact]
    public async Task The_unaligned_biased_judge_is_never_position_consistent_on_the_whole_set()
    {
        var report = await ReportAsync(new Judge<Preference>(PairwiseData.SupportPreference, new PositionBiasedChatClient()), PairwiseData.All);

        Assert.Equal((20, 0), (report.PositionConsistency!.Pairs, report.PositionConsistency.Consistent));
        Assert.Equal(0.0, report.PositionConsistency.Interval!.Lower);
        Assert.Equal(4.0 / 20, report.Categorical!.Accuracy); // the 4 ties
    }

    [Fact]
    public async Task An_experiment_reports_the_baseline_and_aligned_position_consistency_in_every_format()
    {
        var judge = new Judge<Preference>(PairwiseData.SupportPreference, new PositionBiasedChatClient());

        var report = await AlignmentExperiment.RunTrainTestAsync(judge, PairwiseData.Align, PairwiseData.Test, new MemAlignOptimizer(new MemAlignOptions()),
            new ExperimentOptions { LearningCurve = [], BootstrapResamples = 200 });

        Assert.Equal(new PositionConsistency(5, 0), report.BaselinePositionConsistency);
        Assert.Equal(new PositionConsistency(5, 4), report.AlignedPositionConsistency);
        var console = Reporting.ExperimentReportWriter.ToConsoleTable(report);
        Assert.Contains("position consistency (same answer with either candidate first): baseline 0.000 (95% CI 0.000 to 0.522), 0 of 5 pair(s); aligned 0.800 (95% CI 0.284 to 0.995), 4 of 5 pair(s)", console, StringComparison.Ordinal);
        Assert.Contains("position consistency", Reporting.ExperimentReportWriter.ToMarkdown(report), StringComparison.Ordinal);
        Assert.Contains("position consistency", Reporting.ExperimentReportWriter.ToHtml(report), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_experiment_on_pairs_says_in_its_findings_how_alignment_changed_position_consistency_and_that_overlapping_intervals_show_no_change()
    {
        var judge = new Judge<Preference>(PairwiseData.SupportPreference, new PositionBiasedChatClient());

        var report = await AlignmentExperiment.RunTrainTestAsync(judge, PairwiseData.Align, PairwiseData.Test, new MemAlignOptimizer(new MemAlignOptions()),
            new ExperimentOptions { LearningCurve = [], BootstrapResamples = 200 });

        // 0 of 5 consistent before, 4 of 5 after: exact intervals 0.000 to 0.522 and 0.284 to 0.995 overlap.
        const string expected = "Position consistency (the same answer with either candidate first): the aligned judge's 0.800 (95% CI 0.284 to 0.995, 4 of 5 pair(s)) "
            + "against the baseline's 0.000 (95% CI 0.000 to 0.522, 0 of 5 pair(s)): a change of +0.800, but the intervals overlap, so the change is not shown to be significant. "
            + "Position-inconsistent verdicts: aligned 0.200, baseline 1.000.";
        Assert.Contains(expected, report.Findings);
        Assert.Contains("- " + Reporting.MarkdownText.Escape(expected), Reporting.ExperimentReportWriter.ToMarkdown(report), StringComparison.Ordinal);
    }

    [Fact]
    public void The_position_finding_says_when_the_intervals_do_not_overlap_and_when_there_is_no_baseline()
    {
        var pairwise = Evaluation.ExperimentReportWriterTests.Sample() with
        {
            BaselinePositionConsistency = new PositionConsistency(40, 4),
            AlignedPositionConsistency = new PositionConsistency(40, 38),
        };

        var separate = Assert.Single(ExperimentFindings.For(pairwise), f => f.StartsWith("Position consistency", StringComparison.Ordinal));
        var offline = Assert.Single(ExperimentFindings.For(pairwise with { BaselinePositionConsistency = null }), f => f.StartsWith("Position consistency", StringComparison.Ordinal));

        Assert.Contains(": a change of +0.850; the intervals do not overlap. Position-inconsistent verdicts: aligned 0.050, baseline 0.900.", separate, StringComparison.Ordinal);
        Assert.DoesNotContain("not shown", separate, StringComparison.Ordinal);
        Assert.EndsWith("38 of 40 pair(s)), with no baseline to compare it with. Position-inconsistent verdicts: 0.050.", offline, StringComparison.Ordinal);
    }

    private static async Task<EvaluationReport> ReportAsync(Judge judge, IReadOnlyList<Trace> traces)
    {
        var result = await Evaluator.RunAsync([judge], traces);
        Assert.Empty(result.Failed);
        return EvaluationReport.Build(Run, judge.Definition, result.Records, traces);
    }
}
