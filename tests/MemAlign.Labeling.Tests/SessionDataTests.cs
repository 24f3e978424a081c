using System.Collections.Concurrent;
using System.Net;
using System.Text.Json.Nodes;
using MemAlign.Storage;
using MemAlign.Testing;

namespace MemAlign.Labeling.Tests;

/// <summary>What each request reads from the store, and the labels-per-trace limit across servers sharing a session.</summary>
public sealed class SessionDataTests
{
    [Theory]
    [InlineData(Backends.Sqlite)]
    [PostgreSqlData]
    public async Task Two_servers_on_one_session_never_exceed_the_labels_per_trace_and_the_late_reviewer_gets_409(string backend)
    {
        await using var scenario = await LabelingScenario.CreateAsync(LabelingScenario.Traces(30), reviewers: ["ana", "ben"], labelsPerTrace: 1, backend: backend);
        var first = await scenario.StartAsync();
        var second = await scenario.StartAsync();
        using var ana = await ReviewerClient.OpenAsync(first.Links[0]);
        using var ben = await ReviewerClient.OpenAsync(second.Links[1]);

        foreach (var traceId in scenario.Session.TraceIds)
        {
            var responses = await Task.WhenAll(ana.LabelAsync(traceId, true), ben.LabelAsync(traceId, false));
            Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Conflict], responses.Select(r => r.StatusCode).Order());
            Assert.Contains("moving on", (await responses.Single(r => r.StatusCode == HttpStatusCode.Conflict).Content.ReadAsStringAsync()));
        }

        var labels = await scenario.LabelsAsync();
        Assert.Equal(30, labels.Count);
        Assert.Equal(30, labels.Select(l => l.TraceId).Distinct().Count());
    }

    [Fact]
    public async Task An_item_view_reads_one_trace_a_label_reads_none_and_agreement_is_computed_again_only_after_a_label_changes_on_any_server()
    {
        await using var scenario = await LabelingScenario.CreateAsync(LabelingScenario.Traces(20), reviewers: ["ana", "ben"], labelsPerTrace: 2);
        var calls = new ConcurrentDictionary<string, int>();
        await using var counted = await LabelingServer.StartAsync(new LabelingServerOptions
        {
            Traces = CountingStore.Wrap<ITraceStore>(scenario.Store, calls),
            Judges = scenario.Store,
            Sessions = CountingStore.Wrap<ILabelingStore>(scenario.Store, calls),
            Experiment = scenario.Experiment,
            SessionName = LabelingScenario.SessionName,
        });
        var other = await scenario.StartAsync();
        using var ana = await ReviewerClient.OpenAsync(counted.Links[0]);
        using var @operator = await ReviewerClient.OpenAsync(new ReviewerLink("operator", counted.OperatorLink));
        using var ben = await ReviewerClient.OpenAsync(other.Links[1]);

        calls.Clear();
        await ana.Http.GetStringAsync("/api/item?traceId=t7");
        Assert.Equal(1, calls.GetValueOrDefault(nameof(ITraceStore.GetTraceAsync)));
        Assert.Equal(0, calls.GetValueOrDefault(nameof(ITraceStore.GetTracesAsync)));

        calls.Clear();
        (await ana.LabelAsync("t7", true)).EnsureSuccessStatusCode();
        await ana.Http.GetStringAsync("/api/next");
        Assert.Equal(0, calls.GetValueOrDefault(nameof(ITraceStore.GetTraceAsync)));
        Assert.Equal(0, calls.GetValueOrDefault(nameof(ITraceStore.GetTracesAsync)));

        // The status view reads the session's traces to compute agreement, once; then only when a label changed.
        calls.Clear();
        var status = JsonNode.Parse(await @operator.Http.GetStringAsync("/api/status"))!;
        await @operator.Http.GetStringAsync("/api/status");
        await ana.Http.GetStringAsync("/api/status"); // a reviewer's status: counts only
        Assert.Equal(1, calls.GetValueOrDefault(nameof(ITraceStore.GetTracesAsync)));
        Assert.Equal(1, (int)status["labels"]!);

        (await ben.LabelAsync("t7", false)).EnsureSuccessStatusCode(); // through the other server
        status = JsonNode.Parse(await @operator.Http.GetStringAsync("/api/status"))!;
        await @operator.Http.GetStringAsync("/api/status");
        Assert.Equal(2, calls.GetValueOrDefault(nameof(ITraceStore.GetTracesAsync)));
        Assert.Equal(2, (int)status["labels"]!);
        Assert.Equal(1, (int)status["agreement"]!["multiplyLabelledTraces"]!);
    }
}
