using Stopwatch = System.Diagnostics.Stopwatch;
using System.Globalization;
using MemAlign;
using MemAlign.Storage;

/// <summary>
/// Store figures for the issue notes: bulk import of 100,000 traces with one assessment each (rows per
/// second), search by tag over them (ms per query), loading a judge with 10,000 examples of 512
/// dimensions (ms and bytes read per load, from /proc/self/io), and saving, reading and forgetting in
/// 10,000 evaluation results that each drew on 5 examples.
/// </summary>
internal static class StoreBench
{
    public static async Task RunAsync(IMemAlignStore store, string experiment)
    {
        const int Traces = 100_000;
        var created = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var traces = Enumerable.Range(0, Traces).Select(i =>
        {
            var trace = new Trace($"b{i:D6}")
            {
                Inputs = System.Text.Json.JsonSerializer.SerializeToElement($"question {i} about an order"),
                Outputs = System.Text.Json.JsonSerializer.SerializeToElement($"answer {i}"),
                CreatedAt = created.AddSeconds(i),
            }.WithAssessment(new Assessment("helpfulness", i % 2 == 0, AssessmentSource.Human("expert"), $"reason {i}") { Id = $"ba{i:D6}" });
            return i % 100 == 0 ? trace.WithTag("cohort", "sampled") : trace;
        });

        var clock = Stopwatch.StartNew();
        await store.AddTracesAsync(experiment, traces);
        var seconds = clock.Elapsed.TotalSeconds;
        Console.WriteLine(Invariant($"import: {Traces:N0} traces (+{Traces:N0} assessments) in {seconds:0.00} s = {Traces / seconds:N0} traces/s"));

        var query = new TraceQuery { Tag = new("cohort", "sampled") };
        var found = await CountAsync(store.SearchTracesAsync(experiment, query)); // warm-up
        const int Queries = 20;
        clock.Restart();
        for (var i = 0; i < Queries; i++)
        {
            await CountAsync(store.SearchTracesAsync(experiment, query));
        }

        Console.WriteLine(Invariant($"search by tag: {clock.Elapsed.TotalMilliseconds / Queries:0.0} ms per query ({found:N0} of {Traces:N0} traces match, all streamed)"));
        clock.Restart();
        for (var i = 0; i < Queries; i++)
        {
            await CountAsync(store.SearchTracesAsync(experiment, query with { Limit = 10 }));
        }

        Console.WriteLine(Invariant($"search by tag, first 10: {clock.Elapsed.TotalMilliseconds / Queries:0.0} ms per query"));

        var definition = JudgeDefinition.Create("bench_judge", "Is {{ outputs }} helpful for {{ inputs }}?", FeedbackValueType.Boolean);
        var random = new Random(7);
        var fields = new Dictionary<string, string> { ["inputs"] = "a typical customer question of moderate length", ["outputs"] = "a typical answer" };
        var examples = Enumerable.Range(0, 10_000).Select(i =>
        {
            var vector = new float[512];
            for (var d = 0; d < vector.Length; d++)
            {
                vector[d] = (float)(random.NextDouble() - 0.5);
            }

            return new EpisodicExample($"e{i}", $"b{i:D6}", FeedbackValue.FromBoolean(i % 2 == 0), $"reason {i}", fields, "inputs", vector, "fp", true);
        });
        var memory = new JudgeMemory([new Guideline("Be kind.", ["b000001"])], examples, LocalEmbeddingGenerator.ModelName, 512, 5);
        clock.Restart();
        await store.RegisterJudgeAsync(experiment, definition, memory);
        Console.WriteLine(Invariant($"register a judge with 10,000 examples x 512 dims: {clock.Elapsed.TotalMilliseconds:0} ms"));

        await store.GetJudgeAsync(experiment, "bench_judge"); // warm-up
        const int Loads = 5;
        var readBefore = ReadBytes();
        clock.Restart();
        for (var i = 0; i < Loads; i++)
        {
            var loaded = await store.GetJudgeAsync(experiment, "bench_judge");
            if (loaded!.Memory.Examples.Count != 10_000)
            {
                throw new InvalidOperationException("The judge did not load whole.");
            }
        }

        var perLoad = clock.Elapsed.TotalMilliseconds / Loads;
        var bytes = (ReadBytes() - readBefore) / Loads;
        var payload = memory.Examples.Sum(e => e.Vector.Length * 4L + System.Text.Encoding.UTF8.GetByteCount(e.Id + e.TraceId + e.Rationale + e.Fingerprint + e.EmbeddedField)
            + e.Fields.Sum(f => System.Text.Encoding.UTF8.GetByteCount(f.Key + f.Value)));
        Console.WriteLine(Invariant($"load that judge: {perLoad:0} ms per load; payload {payload / 1024.0 / 1024.0:0.0} MiB; file reads by this process {bytes / 1024.0 / 1024.0:0.0} MiB per load (socket reads are not counted)"));

        // Results with the traces their verdicts drew on (rows of their own), and forgetting a trace 1,000 of them drew on.
        const int Results = 10_000;
        var run = await store.CreateEvaluationRunAsync(experiment, "bench", judgeName: "bench_judge");
        var results = Enumerable.Range(0, Results).Select(i => new MemAlign.Evaluation.EvaluationRecord
        {
            TraceId = $"b{i:D6}", JudgeName = "bench_judge", Value = FeedbackValue.FromBoolean(true), Rationale = $"reason {i}",
            RetrievedExampleIds = [.. Enumerable.Range(0, 5).Select(k => $"b{(i + k * 7) % 50:D6}")],
        }).ToList();
        clock.Restart();
        await store.SaveEvaluationResultsAsync(experiment, run.Id, results);
        var save = clock.Elapsed.TotalSeconds;
        clock.Restart();
        var read = 0;
        await foreach (var _ in store.GetEvaluationResultsAsync(experiment, run.Id))
        {
            read++;
        }

        var readBack = clock.Elapsed.TotalSeconds;
        clock.Restart();
        var forgot = await store.ForgetAsync(experiment, ["b000003"]);
        Console.WriteLine(Invariant($"save {Results:N0} results, each shown 5 examples: {save:0.00} s; read them back: {readBack:0.00} s ({read:N0}); ")
            + Invariant($"forget a trace {forgot.RationalesWithheld:N0} of them drew on, erasing freed space included: {clock.Elapsed.TotalSeconds:0.00} s"));
    }

    private static async Task<int> CountAsync(IAsyncEnumerable<Trace> traces)
    {
        var count = 0;
        await foreach (var _ in traces)
        {
            count++;
        }

        return count;
    }

    // Bytes this process read through system calls (files and sockets alike).
    private static long ReadBytes() =>
        long.Parse(File.ReadAllLines("/proc/self/io").First(l => l.StartsWith("rchar:", StringComparison.Ordinal))[6..].Trim(), CultureInfo.InvariantCulture);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
