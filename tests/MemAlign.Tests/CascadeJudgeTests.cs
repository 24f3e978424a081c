using MemAlign.Evaluation;
using MemAlign.Testing;

namespace MemAlign.Tests;

/// <summary>
/// judge.WithCascade(threshold): the local memory judge answers where its confidence reaches the threshold, with no
/// model call; the model answers the rest; every verdict says which stage answered.
/// </summary>
public class CascadeJudgeTests
{
    // A strong signal; the local judge's confidences (shrunk toward the prior) spread from 0.50 to about 0.65 here, so 0.58 splits them.
    private static readonly List<Trace> Traces = ImbalancedTexts.Generate(seed: 5, count: 160, minorityRate: 0.35, signalIfMinority: 0.8, signalIfMajority: 0.1, prefix: "c");

    private static ScriptedChatClient Model() => new(fallback: _ => ScriptedChatClient.Response("{\"rationale\": \"the model\", \"result\": true}", inputTokens: 100, outputTokens: 7));

    private static async Task<Judge<bool>> AlignedAsync(ScriptedChatClient model) =>
        await new Judge<bool>(ImbalancedTexts.Definition, model).AlignAsync(Traces.Take(120));

    [Fact]
    public async Task Confident_local_verdicts_are_kept_without_a_model_call_and_the_rest_go_to_the_model()
    {
        var model = Model();
        var aligned = await AlignedAsync(model);
        var cascade = aligned.WithCascade(0.58);
        var local = AlignmentExperiment.LocalStage(aligned);
        var test = Traces.Skip(120).ToList();

        var verdicts = new List<JudgeVerdict<bool>>();
        foreach (var trace in test)
        {
            verdicts.Add(await cascade.EvaluateAsync(trace));
        }

        Assert.Equal(0.58, cascade.CascadeThreshold);
        Assert.Null(aligned.CascadeThreshold);
        var byLocal = verdicts.Where(v => v.AnsweredBy == CascadeStage.Local).ToList();
        var byModel = verdicts.Where(v => v.AnsweredBy == CascadeStage.Model).ToList();
        Assert.Equal(test.Count, byLocal.Count + byModel.Count);
        Assert.NotEmpty(byLocal);
        Assert.NotEmpty(byModel);
        Assert.Equal(byModel.Count, model.CallCount); // alignment made no judge call: only the model stage called the model
        foreach (var verdict in byLocal)
        {
            Assert.Equal("memalign-local-judge", verdict.Model);
            Assert.Equal((0, default(TokenUsage)), (verdict.ModelCalls, verdict.Usage));
            Assert.True(verdict.Confidence >= 0.58);
            Assert.StartsWith("Local judge (no model)", verdict.Rationale);
        }

        foreach (var verdict in byModel)
        {
            Assert.Equal(("scripted-model", 1, 107L), (verdict.Model, verdict.ModelCalls, verdict.Usage.TotalTokens));
            Assert.True(verdict.Value);
            // The local judge on the same memory was less sure of exactly these traces.
            var alone = await local.EvaluateAsync(test.Single(t => t.Id == verdict.TraceId));
            Assert.True(alone.Confidence < 0.58, $"{verdict.TraceId}: local confidence {alone.Confidence}");
            Assert.NotEmpty(verdict.RetrievedExampleIds);
        }

        var record = EvaluationRecord.From(byLocal[0]);
        Assert.Equal((CascadeStage.Local, 0), (record.AnsweredBy!.Value, record.ModelCalls));
    }

    [Fact]
    public async Task The_threshold_moves_traces_between_the_stages()
    {
        var aligned = await AlignedAsync(Model());
        var test = Traces.Skip(120).ToList();

        async Task<int> LocalAnswers(double threshold)
        {
            var cascade = aligned.WithCascade(threshold);
            var stages = await Task.WhenAll(test.Select(t => cascade.EvaluateAsync(t)));
            return stages.Count(v => v.AnsweredBy == CascadeStage.Local);
        }

        var (all, some, certain) = (await LocalAnswers(0), await LocalAnswers(0.58), await LocalAnswers(1));
        Assert.Equal(test.Count, all); // at 0 the local judge answers whenever it has examples
        Assert.InRange(some, certain, all);
        Assert.True(certain < some && some < all, $"{certain} < {some} < {all}");
    }

    [Fact]
    public async Task Without_examples_in_memory_every_trace_goes_to_the_model()
    {
        var model = Model();
        var cascade = new Judge<bool>(ImbalancedTexts.Definition, model).WithCascade(0);

        var verdict = await cascade.EvaluateAsync(Traces[0]);

        Assert.Equal((CascadeStage.Model, "scripted-model", 1), (verdict.AnsweredBy!.Value, verdict.Model, model.CallCount));
    }

    [Fact]
    public async Task A_judge_that_is_not_a_cascade_answers_with_no_stage()
    {
        var verdict = await new Judge<bool>(ImbalancedTexts.Definition, Model()).EvaluateAsync(Traces[0]);

        Assert.Null(verdict.AnsweredBy);
        Assert.Null(EvaluationRecord.From(verdict).AnsweredBy);
    }

    [Fact]
    public async Task The_cascade_survives_alignment_and_a_second_call_replaces_its_threshold()
    {
        var cascade = new Judge<bool>(ImbalancedTexts.Definition, Model()).WithCascade(0.9);

        Judge<bool> aligned = await cascade.AlignAsync(Traces.Take(40));
        var again = aligned.WithCascade(0.7);

        Assert.Equal(0.9, aligned.CascadeThreshold);
        Assert.Equal(0.7, again.CascadeThreshold);
        Assert.Equal("scripted-model", again.ModelId);
        Assert.IsType<Judge<bool>>(again);
    }

    [Fact]
    public void A_threshold_outside_zero_to_one_and_a_local_judge_are_refused()
    {
        var judge = new Judge<bool>(ImbalancedTexts.Definition, Model());

        var range = Assert.Throws<ArgumentOutOfRangeException>(() => judge.WithCascade(1.5));
        Assert.Contains("Judge 'flagged'", range.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => judge.WithCascade(double.NaN));
        var local = Assert.Throws<InvalidOperationException>(() => Judge.CreateLocal<bool>(ImbalancedTexts.Definition).WithCascade(0.8));
        Assert.Contains("runs on the local judge already", local.Message);
    }
}
