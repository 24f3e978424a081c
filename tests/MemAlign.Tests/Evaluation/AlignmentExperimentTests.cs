using System.Text.RegularExpressions;
using MemAlign.Evaluation;
using MemAlign.Testing;

namespace MemAlign.Tests.Evaluation;

public class AlignmentExperimentTests
{
    private static readonly JudgeDefinition Helpfulness = JudgeDefinition.Create("helpfulness", "Q: {{ inputs }}\nA: {{ outputs }}", FeedbackValueType.Boolean);

    /// <summary>Without memory it calls everything helpful; with examples in its prompt it follows their majority.</summary>
    private static ScriptedChatClient Model() => new(fallback: request =>
    {
        var results = Regex.Matches(request.User, @"^  result: (true|false)$", RegexOptions.Multiline).Select(m => m.Groups[1].Value).ToList();
        var verdict = results.Count == 0 || results.Count(r => r == "true") * 2 > results.Count;
        return ScriptedChatClient.Response($"{{\"rationale\": \"{results.Count} examples\", \"result\": {(verdict ? "true" : "false")}}}");
    });

    private static List<Trace> Labelled(int perClass) =>
        Enumerable.Range(0, perClass * 2).Select(i =>
        {
            var helpful = i % 2 == 0;
            var inputs = helpful ? $"polite question number {i} about delivery" : $"angry complaint number {i} about refunds";
            var outputs = helpful ? "Happy to help, here is the answer." : "Whatever.";
            return Trace.Create($"t{i:D2}", inputs, outputs).WithAssessment(new Assessment("helpfulness", helpful, AssessmentSource.Human("expert"), helpful ? "Helpful answer." : "Dismissive."));
        }).ToList();

    private static readonly ExperimentOptions Quick = new() { BootstrapResamples = 1_000, Seed = 7 };

    [Fact]
    public async Task Cross_validation_keeps_held_out_traces_out_of_memory_and_measures_the_gain()
    {
        var traces = Labelled(20);
        var judge = new Judge<bool>(Helpfulness, Model());

        var report = await AlignmentExperiment.RunAsync(judge, traces, options: Quick);

        Assert.Equal((4, 4), (report.Folds, report.FoldDetails.Count));
        foreach (var fold in report.FoldDetails)
        {
            Assert.Empty(fold.TestTraceIds.Intersect(fold.MemoryTraceIds));
            Assert.Equal(traces.Select(t => t.Id).Order(), fold.TrainTraceIds.Concat(fold.TestTraceIds).Order());
            Assert.Equal(5, fold.TestTraceIds.Count(id => int.Parse(id[1..]) % 2 == 0)); // stratified: 5 helpful, 5 not
        }

        Assert.Equal(40, report.ComparableRows);
        var accuracy = report.Primary;
        Assert.Equal("accuracy", accuracy.Name);
        Assert.Equal(0.5, accuracy.Baseline!.Estimate, 12);
        Assert.True(accuracy.Aligned!.Estimate > 0.9, $"aligned accuracy {accuracy.Aligned.Estimate}");
        Assert.True(accuracy.IsSignificant && accuracy.Improved);
        Assert.Contains(report.Metrics, m => m.Name == "Cohen's kappa");
        Assert.Equal([0, 10, 20, 30], report.LearningCurve.Select(p => p.Examples)); // the default spacing, up to the 30 training traces per fold
        Assert.Equal(0.5, report.LearningCurve[0].Value);
        Assert.True(report.LearningCurve[^1].WholeTrainingSet);
        Assert.Equal(accuracy.Aligned.Estimate, report.LearningCurve[^1].Value!.Value, 12);
        Assert.Equal(["aligned", "baseline", "episodic only", "semantic only"], report.Ablations.Keys.Order());
        Assert.Equal(0.5, report.Ablations["semantic only"]); // guidelines alone do not change this model's answers
        Assert.True(report.Ablations["episodic only"] > 0.9);
        Assert.True(report.Cost.ModelCalls >= 40 * 4);
    }

    [Fact]
    public async Task The_same_seed_gives_the_same_report()
    {
        var traces = Labelled(8);

        var first = await AlignmentExperiment.RunAsync(new Judge<bool>(Helpfulness, Model()), traces, options: Quick with { LearningCurve = [] });
        var second = await AlignmentExperiment.RunAsync(new Judge<bool>(Helpfulness, Model()), traces, options: Quick with { LearningCurve = [] });

        Assert.Equal(first.Metrics, second.Metrics);
        Assert.Equal(first.FoldDetails.Select(f => f.TestTraceIds), second.FoldDetails.Select(f => f.TestTraceIds));
    }

    [Fact]
    public async Task Numeric_experiments_report_mae_first_and_count_not_applicable_labels()
    {
        var rating = JudgeDefinition.Create("quality", "Rate {{ outputs }} for {{ inputs }}", FeedbackValueType.Integer(0, 3));
        var traces = Enumerable.Range(0, 16).Select(i => Trace.Create($"r{i:D2}", $"notebook {i}", "code")
            .WithAssessment(new Assessment("quality", i % 8 == 0 ? 0 : 1 + (i % 3), AssessmentSource.Human("expert"), "scored"))).ToList();
        var model = new ScriptedChatClient(fallback: _ => ScriptedChatClient.Response("{\"rationale\": \"r\", \"result\": 2}"));

        var report = await AlignmentExperiment.RunAsync(new Judge<int>(rating, model), traces, options: Quick with { NotApplicable = 0, Ablations = false, LearningCurve = [0] });

        Assert.Equal(["MAE", "exact agreement", "within-1 agreement", "quadratic weighted kappa", "Krippendorff's alpha (interval)", "Spearman", "Lin's concordance"], report.Metrics.Select(m => m.Name));
        Assert.True(report.Primary.LowerIsBetter);
        Assert.Equal((2, 14), (report.NotApplicableRows, report.ComparableRows));
    }

    [Fact]
    public async Task Too_few_labelled_traces_for_the_folds_is_an_error_naming_the_judge()
    {
        var e = await Assert.ThrowsAsync<ArgumentException>(() => AlignmentExperiment.RunAsync(new Judge<bool>(Helpfulness, Model()), Labelled(1)));

        Assert.Contains("Judge 'helpfulness' has 2 labelled trace(s)", e.Message);
    }
}
