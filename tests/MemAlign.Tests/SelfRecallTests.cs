namespace MemAlign.Tests;

/// <summary>
/// A judge run on a trace it was aligned on must not recall that trace's own example: its labels would be
/// shown to the reviewer labelling it ("ana: true" to ben) and agreement measured on such traces would be
/// inflated. Retrieval leaves out every example whose trace id is the judged trace's, for every caller.
/// </summary>
public class SelfRecallTests
{
    private static readonly JudgeDefinition Definition = JudgeDefinition.Create("resolved", "Was the request resolved? {{ inputs }}", FeedbackValueType.Boolean);

    private static readonly string[] Requests =
    [
        "refund for a duplicate charge on my card",
        "the parcel never arrived at my address",
        "reset my password please it does not work",
        "cancel my subscription before renewal",
        "the invoice shows the wrong company name",
        "change the delivery address of my order",
        "the app crashes when I open settings",
    ];

    [Fact]
    public async Task A_judge_never_recalls_the_trace_it_is_judging()
    {
        var traces = Requests.Select((text, i) => Labelled($"t{i}", text, i % 3 != 0, $"own rationale of t{i}")).ToList();
        var (aligned, _) = await Judge.CreateLocal<bool>(Definition).AlignAsync(traces);
        Assert.Equal(traces.Count, aligned.Memory.Examples.Count);

        foreach (var trace in traces)
        {
            var prompt = await aligned.BuildPromptAsync(trace);
            Assert.DoesNotContain(prompt.Examples, e => e.Example.TraceId == trace.Id);
            Assert.Equal(Math.Min(aligned.Memory.RetrievalK, traces.Count - 1), prompt.Examples.Count); // the others fill its place

            var verdict = await aligned.EvaluateAsync(trace);
            Assert.True(verdict.IsSuccess, verdict.Error?.Message);
            Assert.DoesNotContain(trace.Id, verdict.RetrievedExampleIds);
            Assert.NotEmpty(verdict.RetrievedExampleIds);
        }

        // A trace that is not in memory still recalls its nearest examples, its exact copy under another id included.
        var copy = Trace.Create("copy-of-t1", Requests[1], "n/a");
        Assert.Equal("t1", (await aligned.EvaluateAsync(copy)).RetrievedExampleIds[0]);
    }

    [Fact]
    public async Task Every_label_on_the_trace_is_left_out_and_a_memory_of_only_that_trace_has_nothing_to_recall()
    {
        var own = Trace.Create("ben-is-labelling", "refund for a duplicate charge on my card", "n/a")
            .WithAssessment(new Assessment(Definition.Name, true, AssessmentSource.Human("ana"), "ana says yes"))
            .WithAssessment(new Assessment(Definition.Name, false, AssessmentSource.Human("carl"), "carl says no"));
        var (alone, _) = await Judge.CreateLocal<bool>(Definition).AlignAsync([own]);

        var verdict = await alone.EvaluateAsync(own);

        Assert.Empty(verdict.RetrievedExampleIds);
        Assert.Equal(JudgeErrorKind.NotReady, verdict.Error?.Kind);
        Assert.DoesNotContain("ana", verdict.Error!.Message);

        var (both, _) = await alone.AlignAsync([Labelled("other", "the parcel never arrived", false, "other trace")]);
        var prompt = await both.BuildPromptAsync(own);
        Assert.Equal(["other"], prompt.Examples.Select(e => e.Example.TraceId));
    }

    private static Trace Labelled(string id, string inputs, bool value, string rationale) =>
        Trace.Create(id, inputs, "n/a").WithAssessment(new Assessment(Definition.Name, value, AssessmentSource.Human("expert"), rationale));
}
