using System.Text.Json.Nodes;
using MemAlign.Evaluation;
using MemAlign.OpenAI;
using MemAlign.Sqlite;
using MemAlign.Storage;
using MemAlign.Testing;
using MemAlign.Tests.Storage;

namespace MemAlign.Tests.Evaluation;

/// <summary>
/// Batch evaluation end to end: the real OpenAI client against the loopback server's <c>/v1/files</c> and
/// <c>/v1/batches</c>, with rows answered by the same scripted replies as chat calls.
/// </summary>
public sealed class BatchEvaluationTests : IAsyncLifetime
{
    private static readonly BatchEvaluationOptions Fast = new() { PollInterval = TimeSpan.FromMilliseconds(5) };

    private LoopbackOpenAIServer _server = null!;

    public async Task InitializeAsync()
    {
        _server = await LoopbackOpenAIServer.StartAsync();
        _server.Otherwise(Reply);
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private static List<Trace> Traces(int count) =>
        [.. Enumerable.Range(0, count).Select(i => Trace.Create($"t{i:D2}", i % 3 == 0 ? $"I want a refund for order {i}" : $"Where is order {i}?", $"Answer {i}."))];

    // The model's verdict depends on the trace's text, and so does its usage (cached tokens included): a row answered
    // for the wrong trace would show.
    private static ServerReply Reply(JsonNode request)
    {
        var user = (string)request["messages"]![1]!["content"]!;
        var refund = user.Contains("refund", StringComparison.Ordinal);
        if (user.Contains("order 4?", StringComparison.Ordinal))
        {
            return ServerReply.Error(500, "The model is overloaded.");
        }

        if (user.Contains("order 5?", StringComparison.Ordinal))
        {
            return ServerReply.Completion("I cannot judge this.");
        }

        var body = JsonNode.Parse(ServerReply.Completion($"{{\"rationale\": \"{(refund ? "Refund asked" : "Tracking asked")} ({user.Length} chars)\", \"result\": {(refund ? "false" : "true")}}}",
            model: "gpt-test-2026", promptTokens: user.Length, completionTokens: 9).Body)!;
        body["usage"]!["prompt_tokens_details"] = new JsonObject { ["cached_tokens"] = user.Length / 2 };
        return new ServerReply(200, body.ToJsonString(), new Dictionary<string, string>());
    }

    private Judge<bool> CreateJudge()
    {
        var definition = JudgeDefinition.Create("helpfulness", "User query: {{ inputs }}\nAssistant response: {{ outputs }}", FeedbackValueType.Boolean, "openai:/gpt-test");
        var client = ModelProviders.CreateChatClient("openai:/gpt-test", new OpenAISettings("sk-test", _server.BaseUrl));
        return new Judge<bool>(definition, client, new JudgeOptions { MaxInvalidReplyRetries = 0, MaxTransientRetries = 0 });
    }

    private static (string, string?, string?, string?, TokenUsage) Verdict(EvaluationRecord r) => (r.TraceId, r.Value?.ToString(), r.Rationale, r.Model, r.Usage);

    [Fact]
    public async Task A_batch_run_gives_the_streaming_verdicts_and_sends_the_streaming_request_bodies()
    {
        var traces = Traces(12).Where(t => t.Id is not "t04" and not "t05").ToList();
        var streaming = await Evaluator.RunAsync([CreateJudge()], traces);
        var streamedBodies = _server.Requests.Where(r => r.Path == "/v1/chat/completions").Select(r => r.Json.ToJsonString()).Order().ToList();
        var before = _server.Requests.Count;

        var batched = await Evaluator.RunBatchAsync([CreateJudge()], traces, batch: Fast);

        Assert.Equal(10, streaming.Completed);
        Assert.Equal(streaming.Records.OrderBy(r => r.TraceId).Select(Verdict), batched.Records.OrderBy(r => r.TraceId).Select(Verdict));
        Assert.All(batched.Records, r => Assert.True(r.Batched && r.IsOk && r.Usage.CachedInputTokens > 0 && r.ModelCalls == 1));
        Assert.All(streaming.Records, r => Assert.False(r.Batched));

        // The batch made no chat call: one upload, one batch of every row, polls, one download; the rows are the streaming bodies.
        var calls = _server.Requests.Skip(before).ToList();
        Assert.DoesNotContain(calls, r => r.Path == "/v1/chat/completions");
        Assert.Single(calls, r => r.Path == "/v1/files" && r.Body.StartsWith("purpose=batch;", StringComparison.Ordinal));
        var created = Assert.Single(calls, r => r.Path == "/v1/batches");
        Assert.Equal(("/v1/chat/completions", "24h"), ((string?)created.Json["endpoint"], (string?)created.Json["completion_window"]));
        var batch = Assert.Single(_server.Batches);
        Assert.Equal(streamedBodies, batch.Rows.Select(r => r["body"]!.ToJsonString()).Order());
        Assert.All(batch.Rows, r => Assert.Equal(("POST", "/v1/chat/completions"), ((string?)r["method"], (string?)r["url"])));
        Assert.Equal(traces.Select(t => t.Id), batch.Rows.Select(r => (string?)r["custom_id"]));
        Assert.Equal(ChatBatchState.Completed, Assert.Single(batched.Batches).State);
    }

    [Fact]
    public async Task In_a_mixed_batch_run_pairs_are_judged_directly_in_both_orders_and_the_other_traces_go_through_the_batch()
    {
        // No guidance in the prompt: the model prefers whichever candidate comes first, so a pair's two orders disagree.
        _server.Otherwise(r => ServerReply.Completion(PositionBiasedChatClient.Reply((string)r["messages"]![0]!["content"]!, (string)r["messages"]![1]!["content"]!)));
        var definition = JudgeDefinition.Create("preference", "Which reply is better?\nUser: {{ inputs }}\nReplies: {{ outputs }}", FeedbackValueType.Preference, "openai:/gpt-test");
        var client = ModelProviders.CreateChatClient("openai:/gpt-test", new OpenAISettings("sk-test", _server.BaseUrl));
        var judge = new Judge<Preference>(definition, client, new JudgeOptions { MaxInvalidReplyRetries = 0, MaxTransientRetries = 0 });
        List<Trace> traces =
        [
            PairwiseTrace.Create("p1", "Where is my refund?", "It is on its way.", "Issued today; it arrives within 3 days."),
            Trace.Create("s1", "Where is order 1?", "Answer 1."),
            PairwiseTrace.Create("p2", "Can I change my address?", "Yes, in your account settings.", "Contact us."),
            Trace.Create("s2", "Where is order 2?", "Answer 2."),
        ];

        var result = await Evaluator.RunBatchAsync([judge], traces, batch: Fast);

        Assert.Equal((4, 0), (result.Completed, result.Errors));
        var byTrace = result.Records.ToDictionary(r => r.TraceId);
        foreach (var pair in new[] { "p1", "p2" })
        {
            Assert.Equal((false, 2, "Tie"), (byTrace[pair].Batched, byTrace[pair].ModelCalls, byTrace[pair].Value?.ToString()));
            Assert.Equal(new PairwiseOrders(Preference.A, Preference.B), byTrace[pair].Pairwise);
        }

        foreach (var single in new[] { "s1", "s2" })
        {
            Assert.Equal((true, 1, "A"), (byTrace[single].Batched, byTrace[single].ModelCalls, byTrace[single].Value?.ToString()));
            Assert.Null(byTrace[single].Pairwise);
        }

        Assert.Equal(["s1", "s2"], Assert.Single(_server.Batches).Rows.Select(r => (string?)r["custom_id"]));
        Assert.Equal(4, _server.Requests.Count(r => r.Path == "/v1/chat/completions")); // each pair's two orders, nothing else
    }

    [Fact]
    public async Task Rows_the_model_failed_on_become_error_results_naming_the_trace_and_the_batch()
    {
        var traces = Traces(6);

        var result = await Evaluator.RunBatchAsync([CreateJudge()], traces, batch: Fast);

        Assert.Equal((6, 2), (result.Completed, result.Errors));
        var batchId = Assert.Single(result.Batches).BatchId;
        var failed = result.Records.Single(r => r.TraceId == "t04");
        Assert.Equal(JudgeErrorKind.ModelFailure, failed.Error!.Kind);
        Assert.Contains("trace 't04'", failed.Error.Message, StringComparison.Ordinal);
        Assert.Contains($"batch '{batchId}'", failed.Error.Message, StringComparison.Ordinal);
        Assert.Contains("HTTP 500: The model is overloaded.", failed.Error.Message, StringComparison.Ordinal);
        var invalid = result.Records.Single(r => r.TraceId == "t05");
        Assert.Equal(JudgeErrorKind.InvalidReply, invalid.Error!.Kind);
        Assert.Contains("trace 't05'", invalid.Error.Message, StringComparison.Ordinal);
        Assert.True(invalid.Usage.InputTokens > 0);
    }

    [Fact]
    public async Task A_batch_that_expires_keeps_its_finished_rows_and_submits_only_the_rest_again()
    {
        await using var store = await SqliteMemAlignStore.OpenAsync(StoreEnvironment.TempDatabase());
        var traces = Traces(10).Where(t => t.Id is not "t04" and not "t05").ToList();
        _server.EnqueueBatchEnding(BatchEnding.ExpireAfter(3));

        var result = await Evaluator.RunBatchAsync([CreateJudge()], traces, new EvaluationOptions { Store = store }, Fast);

        Assert.Equal((8, 0, 0), (result.Completed, result.Errors, result.Pending));
        var batches = _server.Batches;
        Assert.Equal(["expired", "completed"], batches.Select(b => b.Status));
        var first = batches[0].Rows.Take(3).Select(r => (string)r["custom_id"]!).ToList();
        var again = batches[1].Rows.Select(r => (string)r["custom_id"]!).ToList();
        Assert.Equal(traces.Select(t => t.Id).Except(first), again);
        Assert.Equal([ChatBatchState.Expired, ChatBatchState.Completed], (await store.GetEvaluationBatchesAsync(IMemAlignStore.DefaultExperiment, result.RunId!)).Select(b => b.State));
        Assert.Equal(traces.Select(t => t.Id), await store.GetEvaluationResultsAsync(IMemAlignStore.DefaultExperiment, result.RunId!).Select(r => r.TraceId).ToListAsync());
    }

    [Fact]
    public async Task Without_resubmission_an_expired_batch_leaves_the_rest_pending_for_the_resume()
    {
        await using var store = await SqliteMemAlignStore.OpenAsync(StoreEnvironment.TempDatabase());
        var traces = Traces(4);
        _server.EnqueueBatchEnding(BatchEnding.ExpireAfter(1));

        var first = await Evaluator.RunBatchAsync([CreateJudge()], traces, new EvaluationOptions { Store = store }, Fast with { ResubmitUnfinished = false });
        var resumed = await Evaluator.RunBatchAsync([CreateJudge()], traces, new EvaluationOptions { Store = store, ResumeRunId = first.RunId }, Fast);

        Assert.Equal((1, 3), (first.Completed, first.Pending));
        Assert.Equal((1, 3, 0), (resumed.Resumed, resumed.Completed, resumed.Pending));
        Assert.Equal([4, 3], _server.Batches.Select(b => b.Rows.Count));
    }

    [Fact]
    public async Task A_run_stopped_mid_poll_resumes_by_collecting_its_batch_without_submitting_again()
    {
        await using var store = await SqliteMemAlignStore.OpenAsync(StoreEnvironment.TempDatabase());
        var traces = Traces(6).Where(t => t.Id is not "t04" and not "t05").ToList();
        _server.HoldBatches = true;
        using var stop = new CancellationTokenSource();
        string? runId = null;
        var seen = new SynchronousProgress(p => runId ??= p.RunId, p =>
        {
            if (p.Batch?.State == ChatBatchState.InProgress)
            {
                stop.Cancel();
            }
        });

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            Evaluator.RunBatchAsync([CreateJudge()], traces, new EvaluationOptions { Store = store }, Fast, seen, stop.Token));
        var saved = Assert.Single(await store.GetEvaluationBatchesAsync(IMemAlignStore.DefaultExperiment, runId!));
        Assert.Equal(ChatBatchState.InProgress, saved.State);

        // A streaming resume would pay for the batch's rows again: refused, naming the batch.
        var refused = await Assert.ThrowsAsync<ArgumentException>(() =>
            Evaluator.RunAsync([CreateJudge()], traces, new EvaluationOptions { Store = store, ResumeRunId = runId }));
        Assert.Contains(saved.BatchId, refused.Message, StringComparison.Ordinal);

        _server.HoldBatches = false;
        var uploadsBefore = _server.BatchApiRequests.Count(r => r.Method == "POST");
        var resumed = await Evaluator.RunBatchAsync([CreateJudge()], traces, new EvaluationOptions { Store = store, ResumeRunId = runId }, Fast);

        Assert.Equal(uploadsBefore, _server.BatchApiRequests.Count(r => r.Method == "POST"));
        Assert.Equal((4, 0), (resumed.Completed, resumed.Resumed));
        Assert.Single(_server.Batches);
        Assert.Equal(ChatBatchState.Completed, Assert.Single(await store.GetEvaluationBatchesAsync(IMemAlignStore.DefaultExperiment, runId!)).State);
        Assert.DoesNotContain(_server.Requests, r => r.Path == "/v1/chat/completions");

        // Once collected, resuming again asks the provider nothing.
        var before = _server.Requests.Count;
        var again = await Evaluator.RunBatchAsync([CreateJudge()], traces, new EvaluationOptions { Store = store, ResumeRunId = runId }, Fast);
        Assert.Equal((0, 4), (again.Completed, again.Resumed));
        Assert.Equal(before, _server.Requests.Count);
    }

    [Fact]
    public async Task A_batch_created_but_never_saved_is_found_by_the_resume_and_not_paid_for_again()
    {
        await using var store = await SqliteMemAlignStore.OpenAsync(StoreEnvironment.TempDatabase());
        var traces = Traces(6).Where(t => t.Id is not "t04" and not "t05").ToList();
        _server.LoseNextBatchCreateReply = true;

        // The provider created the batch, the run never learned its id: nothing about it is saved.
        await Assert.ThrowsAnyAsync<Exception>(() => Evaluator.RunBatchAsync([CreateJudge()], traces, new EvaluationOptions { Store = store }, Fast));
        var runId = Assert.Single(await store.ListEvaluationRunsAsync(IMemAlignStore.DefaultExperiment)).Id;
        Assert.Empty(await store.GetEvaluationBatchesAsync(IMemAlignStore.DefaultExperiment, runId));
        var lost = Assert.Single(_server.Batches);
        Assert.Equal((runId, "helpfulness"), (lost.Metadata["memalign_run"], lost.Metadata["memalign_judge"]));

        // Another run's batch on the same account is left alone.
        var other = await Evaluator.RunBatchAsync([CreateJudge()], traces.Take(1).ToList(), new EvaluationOptions { Store = store }, Fast);
        Assert.Equal(2, _server.Batches.Count);

        var creates = _server.BatchApiRequests.Count(r => r.Method == "POST" && r.Path == "/v1/batches");
        var resumed = await Evaluator.RunBatchAsync([CreateJudge()], traces, new EvaluationOptions { Store = store, ResumeRunId = runId }, Fast);

        Assert.Equal(creates, _server.BatchApiRequests.Count(r => r.Method == "POST" && r.Path == "/v1/batches"));
        Assert.Contains(_server.BatchApiRequests, r => r.Method == "GET" && r.Path == "/v1/batches");
        Assert.Equal((4, 0, 0), (resumed.Completed, resumed.Errors, resumed.Pending));
        Assert.All(resumed.Records, r => Assert.True(r.Batched));
        var saved = Assert.Single(await store.GetEvaluationBatchesAsync(IMemAlignStore.DefaultExperiment, runId));
        Assert.Equal((lost.Id, ChatBatchState.Completed), (saved.BatchId, saved.State));
        Assert.DoesNotContain(_server.Requests, r => r.Path == "/v1/chat/completions");
        Assert.Equal(1, other.Completed);
    }

    [Fact]
    public async Task A_judge_whose_model_has_no_batch_api_is_refused_and_local_judges_answer_without_one()
    {
        var scripted = new Judge<bool>(JudgeDefinition.Create("tone", "Reply: {{ outputs }}", FeedbackValueType.Boolean), new ScriptedChatClient());

        var refused = await Assert.ThrowsAsync<NotSupportedException>(() => Evaluator.RunBatchAsync([scripted], Traces(2), batch: Fast));
        Assert.Contains("Judge 'tone'", refused.Message, StringComparison.Ordinal);
        Assert.Contains("no batch API", refused.Message, StringComparison.Ordinal);

        var local = Judge.CreateLocal(JudgeDefinition.Create("local_tone", "Reply: {{ outputs }}", FeedbackValueType.Boolean));
        var result = await Evaluator.RunBatchAsync([local, CreateJudge()], Traces(3), batch: Fast);
        Assert.Equal(6, result.Completed);
        Assert.Equal(["helpfulness"], result.Batches.Select(b => b.JudgeName));
        Assert.Equal(3, Assert.Single(_server.Batches).Rows.Count);
        Assert.All(result.Records.Where(r => r.JudgeName == "local_tone"), r => Assert.False(r.Batched));
    }

    // Progress<T> posts to the thread pool; the test needs the report before the run goes on.
    private sealed class SynchronousProgress(Action<BatchEvaluationProgress> first, Action<BatchEvaluationProgress> then) : IProgress<BatchEvaluationProgress>
    {
        public void Report(BatchEvaluationProgress value)
        {
            first(value);
            then(value);
        }
    }
}
