// Usage:
//   register STORE EXPERIMENT JUDGE COUNT      registers COUNT versions of JUDGE, printing each version number
//   register-holding STORE EXPERIMENT JUDGE TRACE COUNT
//                                              stores TRACE (labelled), builds a memory from it once, registers a version of JUDGE from it,
//                                              waits for a line on standard input, then registers COUNT - 1 more from that same memory,
//                                              printing "VERSION EXAMPLES" after each (what an align does when a forget lands between its
//                                              reading the traces and its registering)
//   import STORE EXPERIMENT COUNT              imports COUNT traces (one assessment each) in batches, printing "batch N" after each
//   bench STORE EXPERIMENT                     the store figures: bulk import, search by tag, loading a large judge, results and forgetting
//   evaluate STORE EXPERIMENT                  evaluates the experiment's traces with a slow fake model that stops answering after 100 calls,
//                                              saving results as they finish (a run that is always still going when killed)
//   evalbench STORE EXPERIMENT                 the evaluator figures: 1,000 judgments at 200 ms with concurrency 16, a cached re-run, 100,000 streamed traces
using MemAlign;
using MemAlign.Storage;
using MemAlign.Testing;

var (command, store, experiment) = (args[0], args[1], args[2]);
await using var opened = await TestStores.OpenAsync(store);
switch (command)
{
    case "register":
        var definition = JudgeDefinition.Create(args[3], "Is {{ outputs }} helpful for {{ inputs }}?", FeedbackValueType.Boolean);
        for (var i = 0; i < int.Parse(args[4]); i++)
        {
            var info = await opened.RegisterJudgeAsync(experiment, definition, JudgeMemory.Empty, new Dictionary<string, string> { ["writer"] = Environment.ProcessId.ToString() });
            Report(info.Version.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        break;
    case "register-holding":
        var held = Trace.Create(args[4], "My card number is 4111, please refund me", "Refund issued.")
            .WithAssessment(new Assessment(args[3], false, AssessmentSource.Human("expert"), "Repeats the card number back.") { Id = args[4] + "-h" });
        await opened.AddTraceAsync(experiment, held);
        var (aligned, _) = await Judge.CreateLocal<bool>(JudgeDefinition.Create(args[3], "Is {{ outputs }} helpful for {{ inputs }}?", FeedbackValueType.Boolean)).AlignAsync([held]);
        for (var i = 0; i < int.Parse(args[5]); i++)
        {
            var info = await opened.RegisterJudgeAsync(experiment, aligned.Definition, aligned.Memory);
            Report($"{info.Version} {info.Examples}");
            if (i == 0)
            {
                await Console.In.ReadLineAsync();
            }
        }

        break;
    case "import":
        const int Batch = 1_000;
        var count = int.Parse(args[3]);
        for (var start = 0; start < count; start += Batch)
        {
            var traces = Enumerable.Range(start, Math.Min(Batch, count - start)).Select(i => Trace.Create($"t{i:D7}", $"question {i}", $"answer {i}")
                .WithAssessment(new Assessment("helpfulness", i % 2 == 0, AssessmentSource.Human("expert"), $"reason {i}") { Id = $"a{i:D7}" }));
            await opened.AddTracesAsync(experiment, traces);
            Report($"batch {start / Batch}");
        }

        break;
    case "evaluate":
        var judge = new Judge<bool>(JudgeDefinition.Create("helpfulness", "Q: {{ inputs }}\nA: {{ outputs }}", FeedbackValueType.Boolean), new SlowModel(TimeSpan.FromMilliseconds(20), answers: 100));
        await MemAlign.Evaluation.Evaluator.RunAsync([judge], opened.SearchTracesAsync(experiment, TraceQuery.All),
            new MemAlign.Evaluation.EvaluationOptions { Store = opened, Experiment = experiment, RunName = "killable", MaxConcurrency = 4 });
        break;
    case "evalbench":
        await EvaluationBench.RunAsync(opened, experiment);
        break;
    case "bench":
        await StoreBench.RunAsync(opened, experiment);
        break;
    default:
        Console.Error.WriteLine($"unknown command '{command}'");
        return 2;
}

return 0;

// The parent reads these lines to know how far the work got, so each must leave at once.
static void Report(string line)
{
    Console.Out.WriteLine(line);
    Console.Out.Flush();
}
