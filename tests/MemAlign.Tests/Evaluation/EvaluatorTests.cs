using MemAlign.OpenAI;
using System.Text.Json;
using MemAlign.Evaluation;
using MemAlign.Storage;
using MemAlign.Sqlite;
using MemAlign.Testing;
using MemAlign.Tests.Storage;
using Microsoft.Extensions.AI;

namespace MemAlign.Tests.Evaluation;

public class EvaluatorTests
{
    private static readonly JudgeDefinition Helpfulness = JudgeDefinition.Create("helpfulness", "Q: {{ inputs }}\nA: {{ outputs }}", FeedbackValueType.Boolean);
    private static readonly JudgeDefinition Correctness = JudgeDefinition.Create("correctness", "{{ outputs }} vs {{ expectations }}", FeedbackValueType.Boolean);

    private static List<Trace> Traces(int count) =>
        Enumerable.Range(0, count).Select(i => Trace.Create($"t{i:D3}", $"question {i}", $"answer {i}", expectations: i == 3 ? null : $"fact {i}")).ToList();

    /// <summary>Reports synchronously (Progress&lt;T&gt; would post to a context and arrive late).</summary>
    private sealed class Recorder<T> : IProgress<T>
    {
        public List<T> Reports { get; } = [];

        public void Report(T value)
        {
            lock (Reports)
            {
                Reports.Add(value);
            }
        }
    }

    /// <summary>A model that answers after a delay, counting calls and the most calls in flight at once.</summary>
    private sealed class SlowModel(TimeSpan delay) : IChatClient
    {
        private int _inFlight;

        public int Calls;
        public int MaxInFlight;

        public async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref Calls);
            var now = Interlocked.Increment(ref _inFlight);
            InterlockedMax(ref MaxInFlight, now);
            try
            {
                await Task.Delay(delay, cancellationToken);
                return ScriptedChatClient.Response("{\"rationale\": \"fine\", \"result\": true}");
            }
            finally
            {
                Interlocked.Decrement(ref _inFlight);
            }
        }

        public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException();

        public object? GetService(Type serviceType, object? serviceKey = null) => null;

        public void Dispose()
        {
        }

        private static void InterlockedMax(ref int target, int value)
        {
            for (var current = Volatile.Read(ref target); value > current; current = Volatile.Read(ref target))
            {
                if (Interlocked.CompareExchange(ref target, value, current) == current)
                {
                    return;
                }
            }
        }
    }

    [Fact]
    public async Task Judges_run_over_traces_with_bounded_concurrency_and_errors_do_not_stop_the_run()
    {
        var model = new SlowModel(TimeSpan.FromMilliseconds(20));
        IJudge[] judges = [new Judge<bool>(Helpfulness, model), new Judge<bool>(Correctness, model)];
        var progress = new Recorder<EvaluationProgress>();

        var result = await Evaluator.RunAsync(judges, Traces(12), new EvaluationOptions { MaxConcurrency = 3 }, progress);

        Assert.Equal((24, 1, 0), (result.Completed, result.Errors, result.Resumed));
        Assert.Equal(3, model.MaxInFlight);
        Assert.Equal(23, model.Calls);
        var failed = Assert.Single(result.Failed);
        Assert.Equal(("t003", "correctness"), (failed.TraceId, failed.JudgeName));
        Assert.Contains("expectations", failed.Error!.Message);
        Assert.Equal(23, result.Ok.Count());
        Assert.Equal(24, progress.Reports.Count);
        Assert.Equal(24, progress.Reports.Max(p => p.Completed));
        Assert.Null(result.RunId);
    }

    [Fact]
    public async Task A_cancelled_run_saves_what_finished_and_resumes_without_repeating_calls()
    {
        var path = StoreEnvironment.TempDatabase();
        await using var store = await SqliteMemAlignStore.OpenAsync(path);
        var traces = Traces(30);
        var first = new SlowModel(TimeSpan.FromMilliseconds(5));
        using var cancel = new CancellationTokenSource();
        var progress = new Recorder<EvaluationProgress>();
        var options = new EvaluationOptions { Store = store, Experiment = "eval", RunName = "nightly", MaxConcurrency = 4 };
        string? runId = null;
        var cancelling = new CancelAt(10, cancel);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Evaluator.RunAsync([new Judge<bool>(Helpfulness, first)], traces, options, cancelling, cancel.Token));

        runId = Assert.Single(await store.ListEvaluationRunsAsync("eval")).Id;
        var saved = await store.GetEvaluationResultsAsync("eval", runId).ToListAsync();
        Assert.InRange(saved.Count, 10, 29);

        var second = new SlowModel(TimeSpan.FromMilliseconds(1));
        var resumed = await Evaluator.RunAsync([new Judge<bool>(Helpfulness, second)], traces, options with { ResumeRunId = runId });

        Assert.Equal(30 - saved.Count, second.Calls);
        Assert.Equal((saved.Count, 30 - saved.Count), (resumed.Resumed, resumed.Completed));
        Assert.Equal(traces.Select(t => t.Id), resumed.Records.Select(r => r.TraceId).Order());
        Assert.Equal(30, (await store.GetEvaluationResultsAsync("eval", runId).ToListAsync()).Count);
        Assert.Equal(runId, resumed.RunId);
    }

    [Fact]
    public async Task A_run_records_its_one_judge_and_version_and_a_version_for_several_judges_is_refused()
    {
        await using var store = await SqliteMemAlignStore.OpenAsync(StoreEnvironment.TempDatabase());
        static ScriptedChatClient Model() => new(fallback: _ => ScriptedChatClient.Response("{\"rationale\": \"fine\", \"result\": true}"));
        var options = new EvaluationOptions { Store = store, Experiment = "eval", JudgeVersion = 3, RunSettings = new Dictionary<string, string> { ["team"] = "support" } };

        var one = await Evaluator.RunAsync([new Judge<bool>(Helpfulness, Model())], Traces(2), options);
        var several = await Evaluator.RunAsync([new Judge<bool>(Helpfulness, Model()), new Judge<bool>(Correctness, Model())], Traces(2), options with { JudgeVersion = null });
        var refused = await Assert.ThrowsAsync<ArgumentException>(() => Evaluator.RunAsync([new Judge<bool>(Helpfulness, Model()), new Judge<bool>(Correctness, Model())], Traces(2), options));

        var run = (await store.GetEvaluationRunAsync("eval", one.RunId!))!;
        Assert.Equal((EvaluationRunKind.Evaluation, "helpfulness", 3), (run.Kind, run.JudgeName, run.JudgeVersion));
        Assert.Equal(new Dictionary<string, string> { ["team"] = "support" }, run.Settings); // only the caller's own
        Assert.Equal(((string?)null, (int?)null), ((await store.GetEvaluationRunAsync("eval", several.RunId!))!.JudgeName, (await store.GetEvaluationRunAsync("eval", several.RunId!))!.JudgeVersion));
        Assert.Contains("names the version of one judge; this evaluation runs 2", refused.Message);
        Assert.Equal(one.RunId, (await store.GetLatestEvaluationRunAsync("eval", "helpfulness"))!.Id);
    }

    private sealed class CancelAt(int count, CancellationTokenSource source) : IProgress<EvaluationProgress>
    {
        public void Report(EvaluationProgress value)
        {
            if (value.Completed >= count)
            {
                source.Cancel();
            }
        }
    }

    [Fact]
    public async Task A_cached_rerun_makes_no_request_to_the_model_server()
    {
        await using var server = await LoopbackOpenAIServer.StartAsync();
        var cache = Path.Combine(Path.GetTempPath(), "memalign-tests", Guid.NewGuid().ToString("N"), "cache");
        IChatClient Client() => ModelProviders.CreateChatClient("openai:/gpt-4.1-mini", new OpenAISettings("sk-test-key-000000", server.BaseUrl)).WithDiskCache(cache);
        var traces = Traces(10);

        var first = await Evaluator.RunAsync([new Judge<bool>(Helpfulness, Client())], traces);
        var afterFirst = server.Requests.Count;
        var second = await Evaluator.RunAsync([new Judge<bool>(Helpfulness, Client())], traces);
        var afterSecond = server.Requests.Count;
        var uncached = await Evaluator.RunAsync(
            [new Judge<bool>(Helpfulness, ModelProviders.CreateChatClient("openai:/gpt-4.1-mini", new OpenAISettings("sk-test-key-000000", server.BaseUrl)))], traces);

        Assert.Equal(10, afterFirst);
        Assert.Equal(afterFirst, afterSecond); // the cached re-run made zero requests
        Assert.Equal(20, server.Requests.Count); // with caching off, the same run calls the model again
        Assert.Equal(first.Records.Select(r => (r.TraceId, r.Value)).Order(), second.Records.Select(r => (r.TraceId, r.Value)).Order());
        Assert.Equal(10, uncached.Ok.Count());
        Assert.Equal(10, Directory.GetFiles(cache).Length);
    }

    [Fact]
    public async Task An_application_can_be_evaluated_from_in_memory_inputs_and_only_ok_traces_tagged()
    {
        var questions = new[] { "What are your hours?", "Can I return this?", "crash" };
        var traces = Evaluator.PredictAsync(questions, async (question, ct) =>
        {
            await Task.Yield();
            return question == "crash" ? throw new InvalidOperationException("the app failed") : (object)$"Answer to: {question}";
        }, (question, i) => $"q{i}");
        var path = StoreEnvironment.TempDatabase();
        await using var store = await SqliteMemAlignStore.OpenAsync(path);
        var collected = new List<Trace>();
        await foreach (var trace in traces)
        {
            collected.Add(trace);
        }

        await store.AddTracesAsync("app", collected);
        var result = await Evaluator.RunAsync([new Judge<bool>(Helpfulness, new SlowModel(TimeSpan.Zero))], collected, new EvaluationOptions { Store = store, Experiment = "app" });
        foreach (var ok in result.Ok)
        {
            await store.TagTraceAsync("app", ok.TraceId, "eval", "complete");
        }

        Assert.Equal(["q0", "q1", "q2"], collected.Select(t => t.Id));
        Assert.Equal("Answer to: Can I return this?", collected[1].Outputs!.Value.GetString());
        Assert.Null(collected[2].Outputs);
        Assert.Equal(JudgeErrorKind.MissingVariable, Assert.Single(result.Failed).Error!.Kind);
        var tagged = await store.SearchTracesAsync("app", new TraceQuery { Tag = new("eval", "complete") }).Select(t => t.Id).ToListAsync();
        Assert.Equal(["q0", "q1"], tagged);
    }

    [Fact]
    public async Task Invalid_options_and_judge_sets_are_refused()
    {
        var judge = new Judge<bool>(Helpfulness, new ScriptedChatClient());

        await Assert.ThrowsAsync<ArgumentException>(() => Evaluator.RunAsync([], Traces(1)));
        await Assert.ThrowsAsync<ArgumentException>(() => Evaluator.RunAsync([judge, judge], Traces(1)));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Evaluator.RunAsync([judge], Traces(1), new EvaluationOptions { MaxConcurrency = 0 }));
        await Assert.ThrowsAsync<ArgumentException>(() => Evaluator.RunAsync([judge], Traces(1), new EvaluationOptions { ResumeRunId = "run-x" }));
    }
}
