using MemAlign.Evaluation;
using MemAlign.Storage;
using MemAlign.Sqlite;
using MemAlign.Testing;
using MemAlign.Tests.Storage;

namespace MemAlign.Tests.Evaluation;

public class ResumeAfterKillTests
{
    [Fact]
    public async Task A_run_killed_in_another_process_resumes_without_repeating_finished_calls()
    {
        var path = StoreEnvironment.TempDatabase();
        const int Traces = 200;
        await using (var seed = await SqliteMemAlignStore.OpenAsync(path))
        {
            await seed.AddTracesAsync("eval", Enumerable.Range(0, Traces).Select(i => Trace.Create($"t{i:D3}", $"question {i}", $"answer {i}")));
        }

        var worker = StoreEnvironment.StartWorker("evaluate", path, "eval");
        await using var store = await SqliteMemAlignStore.OpenAsync(path);
        var deadline = DateTime.UtcNow.AddMinutes(2);
        string? runId = null;
        while (true)
        {
            if (worker.HasExited)
            {
                Assert.Fail("The worker ended before it was killed: " + await worker.StandardError.ReadToEndAsync());
            }

            var runs = await store.ListEvaluationRunsAsync("eval");
            runId ??= runs.Count > 0 ? runs[0].Id : null;
            if (runId is not null && await store.GetEvaluationResultsAsync("eval", runId).CountAsync() >= 40)
            {
                break;
            }

            Assert.True(DateTime.UtcNow < deadline, "The worker made no progress.");
            await Task.Delay(10);
        }

        worker.Kill(entireProcessTree: true);
        await worker.WaitForExitAsync();
        var saved = await store.GetEvaluationResultsAsync("eval", runId).ToListAsync();
        Assert.InRange(saved.Count, 40, Traces - 1);

        var model = new ScriptedChatClient(fallback: _ => ScriptedChatClient.Response("{\"rationale\": \"resumed\", \"result\": false}"));
        var judge = new Judge<bool>(JudgeDefinition.Create("helpfulness", "Q: {{ inputs }}\nA: {{ outputs }}", FeedbackValueType.Boolean), model);
        var resumed = await Evaluator.RunAsync([judge], store.SearchTracesAsync("eval", TraceQuery.All),
            new EvaluationOptions { Store = store, Experiment = "eval", ResumeRunId = runId });

        Assert.Equal(Traces - saved.Count, model.CallCount);
        var all = await store.GetEvaluationResultsAsync("eval", runId).ToListAsync();
        Assert.Equal(Traces, all.Count);
        Assert.Equal(saved.Count, all.Count(r => r.Rationale == "slow"));
        Assert.Equal((saved.Count, Traces - saved.Count), (resumed.Resumed, resumed.Completed));
    }
}
