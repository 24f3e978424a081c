using System.Globalization;
using MemAlign.Evaluation;
using MemAlign.MiniLM;
using MemAlign.Reporting;
using MemAlign.Testing;
using Xunit.Abstractions;

namespace MemAlign.Tests.Evaluation;

/// <summary>
/// The cascade study inside an experiment: offline (the local judge, the majority class standing in for the model), with a
/// deterministic scripted model, and on real labels (VADER polarity), whose figures are printed for the note.
/// </summary>
public class CascadeEvidenceTests(ITestOutputHelper output)
{
    private static readonly ExperimentOptions Quick = new() { BootstrapResamples = 500, Seed = 3, LearningCurve = [], Ablations = false, Cascade = new() };

    [Fact]
    public async Task Offline_the_model_stage_is_the_majority_class_and_at_threshold_0_the_local_answers_are_the_aligned_judge()
    {
        var traces = ImbalancedTexts.Generate(seed: 11, count: 160, minorityRate: 0.35, signalIfMinority: 0.8, signalIfMajority: 0.1, prefix: "o");

        var report = await AlignmentExperiment.RunAsync(Judge.CreateLocal(ImbalancedTexts.Definition), traces, options: Quick);

        var cascade = report.Cascade!;
        Assert.True(cascade.Offline);
        Assert.Contains("majority class of the training labels", cascade.ModelStage);
        Assert.Equal(160, cascade.HeldOut);
        Assert.Equal(report.Primary.Majority!.Estimate, cascade.ModelAgreement!.Estimate, 12); // the stand-in is the majority reference
        var everything = cascade.Points[^1];
        Assert.Equal((0.0, 160), (everything.Threshold, everything.Covered));
        Assert.Equal(report.Primary.Aligned!.Estimate, everything.LocalAgreement!.Estimate, 12);
        Assert.Equal(report.Primary.Aligned.Estimate, everything.CascadeAgreement!.Estimate, 12);
        Assert.Contains(cascade.Guarantee, report.Findings);
        // Coverage only grows as the threshold loosens.
        Assert.True(cascade.Points.Zip(cascade.Points.Skip(1)).All(p => p.First.Covered <= p.Second.Covered));
        var console = ExperimentReportWriter.ToConsoleTable(report);
        Assert.Contains("cascade on held-out traces (160): local judge first, then offline", console);
        Assert.Contains("0.000", console);
    }

    [Fact]
    public async Task With_a_scripted_model_the_model_stage_is_the_aligned_model_judge_and_only_it_calls_the_model()
    {
        var traces = ImbalancedTexts.Generate(seed: 12, count: 80, minorityRate: 0.4, signalIfMinority: 0.8, signalIfMajority: 0.1, prefix: "s");
        var model = new ScriptedChatClient(fallback: _ => ScriptedChatClient.Response("{\"rationale\": \"model\", \"result\": false}"));

        var withCascade = await AlignmentExperiment.RunAsync(new Judge<bool>(ImbalancedTexts.Definition, model), traces, options: Quick);
        var calls = model.CallCount;
        var without = await AlignmentExperiment.RunAsync(new Judge<bool>(ImbalancedTexts.Definition, model), traces, options: Quick with { Cascade = null });

        var cascade = withCascade.Cascade!;
        Assert.False(cascade.Offline);
        Assert.Equal("the aligned judge on its model 'scripted-model'", cascade.ModelStage);
        Assert.Null(without.Cascade);
        Assert.Equal(calls, model.CallCount - calls); // the local stage made no model call
        // The model always answers false: alone it scores the share of false labels, as does the cascade at a threshold no local verdict reaches.
        var falseShare = traces.Count(t => !t.Assessments[0].Value.AsBoolean()) / 80.0;
        Assert.Equal(falseShare, cascade.ModelAgreement!.Estimate, 12);
        var strictest = cascade.Points[0];
        Assert.Equal(0, strictest.Covered);
        Assert.Equal(falseShare, strictest.CascadeAgreement!.Estimate, 12);
    }

    /// <summary>
    /// Real labels: 502 VADER lexicon tokens as a three-way polarity (each of ten raters' sign, the majority of the ten),
    /// judged by the local judge on all-MiniLM-L6-v2 embeddings, 4-fold; the model stage is the majority class (offline).
    /// </summary>
    [Fact]
    public async Task On_real_VADER_polarity_labels_the_cascade_curve_and_its_guarantee_are_consistent()
    {
        var definition = JudgeDefinition.Create("polarity", "Is this token negative, neutral or positive? {{ inputs }}", FeedbackValueType.Categorical("negative", "neutral", "positive"));
        var traces = LearningCurveEvidenceTests.VaderPolarity(definition.Name);
        using var embedder = MiniLMEmbeddingGenerator.CreateMemoised();

        var report = await AlignmentExperiment.RunAsync(Judge.CreateLocal(definition), traces, new MemAlignOptimizer(new MemAlignOptions { EmbeddingGenerator = embedder }), Quick);

        var cascade = report.Cascade!;
        output.WriteLine(cascade.Guarantee);
        output.WriteLine(Invariant($"majority {Figures.ValueAndRange(cascade.MajorityAgreement)}; local judge on every trace {Figures.Value(report.Primary.Aligned!.Estimate)}"));
        foreach (var point in CascadeReportWriter.TableRows(cascade))
        {
            output.WriteLine(Invariant($"{point.Threshold:0.00}: coverage {point.Coverage:0.000} ({point.Covered}), local {Figures.ValueAndRange(point.LocalAgreement)}, bound {Figures.Value(point.LowerBound)}, cascade {Figures.Value(point.CascadeAgreement?.Estimate)}, {point.Outcome}"));
        }

        Assert.Equal(502, cascade.HeldOut);
        Assert.Equal(report.Primary.Aligned.Estimate, cascade.Points[^1].LocalAgreement!.Estimate, 12);
        if (cascade.Chosen is { } chosen)
        {
            Assert.True(chosen.LowerBound >= cascade.TargetAgreement);
            Assert.All(cascade.Points.TakeWhile(p => p.Threshold > chosen.Threshold), p => Assert.NotEqual(CascadeTestOutcome.Failed, p.Outcome));
            // Confident local answers agree more than the local judge does on everything.
            Assert.True(chosen.LocalAgreement!.Estimate > report.Primary.Aligned.Estimate);
        }
        else
        {
            Assert.StartsWith("No guarantee", cascade.Guarantee);
        }
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
