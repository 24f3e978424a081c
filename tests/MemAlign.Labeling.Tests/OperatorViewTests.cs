using System.Net;
using System.Text.Json.Nodes;

namespace MemAlign.Labeling.Tests;

/// <summary>Reviewers never see each other's labels before the agreement is measured; the operator's link sees everything and labels nothing.</summary>
public sealed class OperatorViewTests
{
    [Fact]
    public async Task A_reviewers_status_holds_their_own_progress_and_the_totals_and_the_operators_holds_everyones()
    {
        await using var scenario = await LabelingScenario.CreateAsync(LabelingScenario.Traces(4), reviewers: ["ana", "ben"], labelsPerTrace: 2);
        var server = await scenario.StartAsync();
        using var ana = await ReviewerClient.OpenAsync(server.Links[0]);
        using var ben = await ReviewerClient.OpenAsync(server.Links[1]);
        using var @operator = await ReviewerClient.OpenAsync(new ReviewerLink("operator", server.OperatorLink));
        (await ana.LabelAsync("t1", true)).EnsureSuccessStatusCode();
        (await ben.LabelAsync("t1", false)).EnsureSuccessStatusCode();
        (await ben.LabelAsync("t2", false)).EnsureSuccessStatusCode();

        var mine = JsonNode.Parse(await ana.Http.GetStringAsync("/api/status"))!;
        var all = JsonNode.Parse(await @operator.Http.GetStringAsync("/api/status"))!;

        Assert.Equal(("ana", 1, 3), ((string)mine["reviewers"]![0]!["reviewer"]!, (int)mine["reviewers"]![0]!["labelled"]!, (int)mine["reviewers"]![0]!["remaining"]!));
        Assert.Single(mine["reviewers"]!.AsArray());
        Assert.Equal((4, 1, 3), ((int)mine["traces"]!, (int)mine["complete"]!, (int)mine["labels"]!));
        Assert.Null(mine["agreement"]);
        Assert.Null(mine["judgeAgreement"]);
        Assert.DoesNotContain("ben", mine.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal(["ana", "ben"], all["reviewers"]!.AsArray().Select(r => (string)r!["reviewer"]!));
        Assert.Equal(1, (int)all["agreement"]!["multiplyLabelledTraces"]!);

        // The operator's link labels nothing and has no item to show; a reviewer's cookie is not the operator's.
        Assert.Equal(HttpStatusCode.Forbidden, (await @operator.LabelAsync("t3", true)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await @operator.Http.GetAsync("/api/next")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await @operator.Http.GetAsync("/api/item?traceId=t3")).StatusCode);
        Assert.True(JsonNode.Parse(await @operator.Http.GetStringAsync("/api/session"))!["reviewer"] is null);
        Assert.NotEqual(server.OperatorLink.Query, server.Links[0].Url.Query);
        Assert.Equal("/status", server.OperatorLink.AbsolutePath);
    }

    [Fact]
    public async Task Recalled_examples_hide_other_reviewers_names_and_values_on_traces_the_session_is_still_labelling()
    {
        await using var scenario = await LabelingScenario.CreateAsync(LabelingScenario.Traces(3), reviewers: ["ana", "ben"], labelsPerTrace: 2, showJudge: JudgeVisibility.BeforeLabel);
        var server = await scenario.StartAsync();
        using var ana = await ReviewerClient.OpenAsync(server.Links[0]);
        using var ben = await ReviewerClient.OpenAsync(server.Links[1]);
        (await ben.LabelAsync("t2", false, "ben's reason")).EnsureSuccessStatusCode();
        // A judge aligned on ben's label of t2 recalls t2 when judging the others.
        var labelled = (await scenario.Store.GetTraceAsync(scenario.Experiment, "t2"))!;
        var alignment = await new MemAlignOptimizer(new MemAlignOptions()).AlignAsync(scenario.Definition, JudgeMemory.Empty, [labelled]);
        IJudge judge = Judge.CreateLocal(scenario.Definition).WithMemory(alignment.Memory, alignment.Embedder);
        var judged = await scenario.StartAsync(verdicts: judge.EvaluateAsync);
        using var anaJudged = await ReviewerClient.OpenAsync(judged.Links[0]);

        var open = JsonNode.Parse(await anaJudged.Http.GetStringAsync("/api/item?traceId=t1"))!["verdict"]!["examples"]!.AsArray().Single(e => (string)e!["traceId"]! == "t2")!;
        (await ana.LabelAsync("t2", true)).EnsureSuccessStatusCode(); // t2 now has its two labels: the session is done with it
        var done = JsonNode.Parse(await anaJudged.Http.GetStringAsync("/api/item?traceId=t1"))!["verdict"]!["examples"]!.AsArray().Single(e => (string)e!["traceId"]! == "t2")!;

        Assert.Equal(["other labels hidden while the session is labelling this item"], open["labels"]!.AsArray().Select(l => (string)l!));
        Assert.DoesNotContain("ben", open.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal(["ana: true", "ben: false"], done["labels"]!.AsArray().Select(l => (string)l!).Order(StringComparer.Ordinal));
    }
}
