using System.Globalization;
using System.Text.Json;
using MemAlign.Evaluation;
using MemAlign.MiniLM;
using MemAlign.Reporting;
using Xunit.Abstractions;

namespace MemAlign.Tests.Evaluation;

/// <summary>
/// Learning curves that explain the aligned figure (issue 21, part 3): the curve runs to the whole training
/// set, whose point is the aligned judge itself, and the local judge with a handful of labels keeps to their
/// most common label instead of falling far below always answering the majority.
/// </summary>
public class LearningCurveEvidenceTests(ITestOutputHelper output)
{
    private static readonly ExperimentOptions Quick = new() { BootstrapResamples = 1_000, Seed = 3 };

    [Fact]
    public void The_default_curve_has_three_sizes_per_decade_from_10_below_the_training_size()
    {
        Assert.Equal([0, 10, 20, 50, 100, 200, 500], ExperimentOptions.DefaultLearningCurve(750));
        Assert.Equal([0, 10, 20, 50, 100, 200, 500, 1000, 2000], ExperimentOptions.DefaultLearningCurve(2000 + 1));
        Assert.Equal([0, 10, 20], ExperimentOptions.DefaultLearningCurve(30));
        Assert.Equal([0], ExperimentOptions.DefaultLearningCurve(10));
        Assert.Null(new ExperimentOptions().LearningCurve); // null: the default spacing
    }

    [Fact]
    public async Task The_curve_ends_at_the_whole_training_set_at_the_aligned_figure_in_every_format()
    {
        var traces = ImbalancedTexts.Generate(seed: 21, count: 120, minorityRate: 0.3, signalIfMinority: 0.7, signalIfMajority: 0.1, prefix: "w");

        var report = await AlignmentExperiment.RunAsync(Judge.CreateLocal(ImbalancedTexts.Definition), traces, options: Quick);

        Assert.Equal([0, 10, 20, 50, 90], report.LearningCurve.Select(p => p.Examples)); // 90 training traces per fold
        var whole = report.LearningCurve[^1];
        Assert.Equal([false, false, false, false, true], report.LearningCurve.Select(p => p.WholeTrainingSet));
        var aligned = report.Primary.Aligned!.Estimate;
        Assert.Equal(aligned, whole.Value!.Value, 12);
        Assert.Equal((aligned, aligned), (whole.Lower!.Value, whole.Upper!.Value)); // the same judge in every repeat
        Assert.Equal(report.Primary.Majority!.Estimate, report.LearningCurve[0].Value!.Value, 12);
        Assert.Equal(traces.Count * 3, whole.Labels.Values.Sum()); // each trace trains three of the four folds

        var figure = Figures.Value(aligned);
        Assert.Contains($", 90 (all) -> {figure} [{figure}, {figure}]", ExperimentReportWriter.ToConsoleTable(report));
        Assert.Contains($"| 90 (all) | {figure} [{figure}, {figure}] |", ExperimentReportWriter.ToMarkdown(report));
        var html = ExperimentReportWriter.ToHtml(report);
        Assert.Contains(">90 (all)</text>", html);
        Assert.Equal(report.LearningCurve.Count * 2, html.Split("class=\"point\"").Length - 1); // accuracy and kappa curves
        var json = JsonSerializer.SerializeToElement(report.LearningCurve[^1]);
        Assert.True(json.GetProperty("WholeTrainingSet").GetBoolean());
        Assert.Equal(aligned, json.GetProperty("Value").GetDouble(), 12);
    }

    [Fact]
    public async Task No_point_of_the_local_judges_curve_is_below_the_majority_beyond_its_interval()
    {
        // 80/20 with a weak signal: one of each label first made the 2-label point a coin toss (about 0.5 against 0.8).
        var traces = ImbalancedTexts.Generate(seed: 8, count: 200, minorityRate: 0.2, signalIfMinority: 0.5, signalIfMajority: 0.2, prefix: "m");

        var report = await AlignmentExperiment.RunAsync(Judge.CreateLocal(ImbalancedTexts.Definition), traces, options: Quick with { LearningCurve = [0, 2, 5, 10, 25, 50] });

        var majority = report.Primary.Majority!;
        output.WriteLine(ExperimentReportWriter.ToConsoleTable(report));
        Assert.Equal([0, 2, 5, 10, 25, 50, 150], report.LearningCurve.Select(p => p.Examples));
        Assert.All(report.LearningCurve, p => Assert.True(p.Upper >= majority.Lower,
            $"{p.Examples} examples: {p.Value:0.000} [{p.Lower:0.000}, {p.Upper:0.000}] against the majority {majority.Estimate:0.000} [{majority.Lower:0.000}, {majority.Upper:0.000}]"));
    }

    /// <summary>
    /// Real labels: 502 tokens of the VADER sentiment lexicon, each rated -4..+4 by ten people, as a three-way
    /// polarity (each rater's sign; the majority of the ten, ties to the most recent), judged by the local judge on
    /// all-MiniLM-L6-v2 embeddings, 4-fold, with the default curve.
    /// </summary>
    [Fact]
    public async Task On_real_VADER_polarity_labels_the_curve_stays_above_the_majority_and_ends_at_the_aligned_figure()
    {
        var definition = JudgeDefinition.Create("polarity", "Is this token negative, neutral or positive? {{ inputs }}", FeedbackValueType.Categorical("negative", "neutral", "positive"));
        var traces = VaderPolarity(definition.Name);
        using var embedder = MiniLMEmbeddingGenerator.CreateMemoised();
        var optimizer = new MemAlignOptimizer(new MemAlignOptions { EmbeddingGenerator = embedder });

        var report = await AlignmentExperiment.RunAsync(Judge.CreateLocal(definition), traces, optimizer, Quick);

        var (majority, aligned) = (report.Primary.Majority!, report.Primary.Aligned!);
        output.WriteLine(Invariant($"majority ({report.MajorityLabel}) {majority.Estimate:0.000} [{majority.Lower:0.000}, {majority.Upper:0.000}]; aligned {aligned.Estimate:0.000} [{aligned.Lower:0.000}, {aligned.Upper:0.000}]"));
        output.WriteLine(string.Join(", ", report.LearningCurve.Select(p => Invariant($"{p.Examples}{(p.WholeTrainingSet ? " (all)" : "")} -> {p.Value:0.000} [{p.Lower:0.000}, {p.Upper:0.000}]"))));
        Assert.Equal(502, report.TrainTraces);
        Assert.Equal([0, 10, 20, 50, 100, 200, 376], report.LearningCurve.Select(p => p.Examples));
        Assert.Equal(aligned.Estimate, report.LearningCurve[^1].Value!.Value, 12);
        Assert.All(report.LearningCurve, p => Assert.True(p.Upper >= majority.Lower, Invariant($"{p.Examples} examples: {p.Value:0.000} [{p.Lower:0.000}, {p.Upper:0.000}]")));
        Assert.True(aligned.Estimate > majority.Estimate, Invariant($"aligned {aligned.Estimate:0.000}, majority {majority.Estimate:0.000}"));
    }

    /// <summary>The VADER tokens as a three-way polarity, one human label per rating slot (shared with the cascade evidence).</summary>
    internal static List<Trace> VaderPolarity(string judge) => VaderTraces.Load(judge, rating => Polarity(rating));

    private static string Polarity(int rating) => rating switch { < 0 => "negative", 0 => "neutral", _ => "positive" };

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
