using System.Globalization;
using MemAlign;
using MemAlign.OpenAI;
using MemAlign.Evaluation;
using MemAlign.Storage;
using MemAlign.Testing;
using Stopwatch = System.Diagnostics.Stopwatch;

/// <summary>
/// Evaluator figures for the issue notes: 1,000 judgments against a loopback OpenAI-compatible server that
/// answers after 200 ms, with concurrency 16 (ideal: 1,000 x 0.2 s / 16 = 12.5 s); the same run again from
/// the disk cache; and 100,000 traces streamed through the local judge into the store, with the peak working set.
/// </summary>
internal static class EvaluationBench
{
    public static async Task RunAsync(IMemAlignStore store, string experiment)
    {
        var definition = JudgeDefinition.Create("helpfulness", "Q: {{ inputs }}\nA: {{ outputs }}", FeedbackValueType.Boolean);
        await using (var server = await LoopbackOpenAIServer.StartAsync())
        {
            server.Latency = TimeSpan.FromMilliseconds(200);
            var cache = Path.Combine(Path.GetTempPath(), "memalign-evalbench-" + Guid.NewGuid().ToString("N"));
            var traces = Enumerable.Range(0, 1_000).Select(i => Trace.Create($"j{i:D4}", $"question {i}", $"answer {i}")).ToList();
            for (var run = 1; run <= 2; run++)
            {
                var client = ModelProviders.CreateChatClient("openai:/bench", new OpenAISettings("sk-bench-000000000", server.BaseUrl)).WithDiskCache(cache);
                var before = server.Requests.Count;
                var clock = Stopwatch.StartNew();
                var result = await Evaluator.RunAsync([new Judge<bool>(definition, client)], traces, new EvaluationOptions { MaxConcurrency = 16 });
                var seconds = clock.Elapsed.TotalSeconds;
                Console.WriteLine(Invariant($"run {run}: 1,000 judgments, concurrency 16, server latency 200 ms: {seconds:0.00} s ({seconds / 12.5:0.00}x the ideal 12.5 s); {server.Requests.Count - before} server requests; {result.Ok.Count()} ok"));
            }
        }

        const int Streamed = 100_000;
        var examples = Enumerable.Range(0, 20).Select(i => Trace.Create($"x{i}", $"example question {i}", $"answer {i}")
            .WithAssessment(new Assessment("helpfulness", i % 2 == 0, AssessmentSource.Human("expert"), "example")));
        Judge<bool> local = await Judge.CreateLocal<bool>(definition).AlignAsync(examples);
        var process = System.Diagnostics.Process.GetCurrentProcess();
        var stream = Generate(Streamed);
        var progressAt = new Dictionary<int, long>();
        var watch = Stopwatch.StartNew();
        var progress = new Checkpoint(progressAt, process);
        var summary = await Evaluator.RunAsync([local], stream, new EvaluationOptions { Store = store, Experiment = experiment, KeepResults = false, MaxConcurrency = 8 }, progress);
        process.Refresh();
        Console.WriteLine(Invariant($"streamed {summary.Completed:N0} traces through the local judge into the store in {watch.Elapsed.TotalSeconds:0.0} s"));
        Console.WriteLine("working set (MiB) at 10k / 25k / 50k / 75k / 100k results: " + string.Join(" / ", progressAt.Where(p => p.Key > 0).OrderBy(p => p.Key).Select(p => Invariant($"{p.Value / 1024.0 / 1024.0:0}"))));
        Console.WriteLine("live managed heap after a full GC (MiB) at the same points: " + string.Join(" / ", progressAt.Where(p => p.Key < 0).OrderBy(p => -p.Key).Select(p => Invariant($"{p.Value / 1024.0 / 1024.0:0.0}"))));
        Console.WriteLine(Invariant($"peak working set: {process.PeakWorkingSet64 / 1024.0 / 1024.0:0} MiB"));
    }

    private static async IAsyncEnumerable<Trace> Generate(int count)
    {
        for (var i = 0; i < count; i++)
        {
            yield return Trace.Create($"s{i:D6}", $"streamed question {i} about orders", $"streamed answer {i}");
            if (i % 1_000 == 0)
            {
                await Task.Yield();
            }
        }
    }

    private sealed class Checkpoint(Dictionary<int, long> at, System.Diagnostics.Process process) : IProgress<EvaluationProgress>
    {
        public void Report(EvaluationProgress value)
        {
            if (value.Completed is 10_000 or 25_000 or 50_000 or 75_000 or 100_000)
            {
                process.Refresh();
                lock (at)
                {
                    at[value.Completed] = process.WorkingSet64;
                    at[-value.Completed] = GC.GetTotalMemory(forceFullCollection: true);
                }
            }
        }
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
