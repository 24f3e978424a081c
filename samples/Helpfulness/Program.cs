// The MemAlign helpfulness walkthrough, end to end: a judge declared with attributes, expert feedback on
// 5 alignment and 5 test traces, baseline accuracy, alignment (guidelines + examples), aligned accuracy,
// the comparison table, unaligning the empathy trace, register / retrieve / score with the store, and the
// aligned judge as code (judges/helpfulness.memalign.json, compiled in: no store at run time).
// With OPENAI_API_KEY or OPENAI_BASE_URL set it uses a real model; otherwise an offline stand-in.
using Helpfulness;
using MemAlign;
using MemAlign.MiniLM;
using MemAlign.OpenAI;
using MemAlign.Sqlite;
using MemAlign.Storage;
using Microsoft.Extensions.AI;

var settings = OpenAISettings.Parse(Environment.GetEnvironmentVariable(OpenAISettings.ApiKeyVariable), Environment.GetEnvironmentVariable(OpenAISettings.BaseUrlVariable));
var definition = Environment.GetEnvironmentVariable("MEMALIGN_MODEL") is { } model
    ? HelpfulnessJudge.JudgeDefinition.WithModel(model)
    : HelpfulnessJudge.JudgeDefinition;
IChatClient chat = settings.IsConfigured ? ModelProviders.CreateChatClient(definition.Model!, settings) : new StandInModel();
Console.WriteLine(settings.IsConfigured
    ? $"Model: {definition.Model} via {settings}"
    : "Model: offline stand-in (no OPENAI_API_KEY / OPENAI_BASE_URL set; see README for using a real model)");
Console.WriteLine($"Judge '{definition.Name}' ({definition.ValueType}) reads {string.Join(" and ", definition.Variables)}; experts answer '{HelpfulnessLabel.Definition.Title}'.");

try
{
    JudgeDefinition.Create("helpfulness", "User query: {{ input }}", FeedbackValueType.Boolean);
}
catch (JudgeDefinitionException e)
{
    Console.WriteLine("A rubric typo is caught when the judge is defined (and, declared with [Rubric], at build time as MAJ003):");
    Console.WriteLine("  " + e.Message);
}

// Examples are embedded offline with all-MiniLM-L6-v2, memoised: each text is encoded once per run.
using var embedder = MiniLMEmbeddingGenerator.CreateMemoised();

// Step 3: the baseline judge: the declared judge on the chosen model, without the aligned memory that
// judges/helpfulness.memalign.json compiles into it (step 9).
var baseline = new HelpfulnessJudge(chat).WithDefinition(definition).WithMemory(JudgeMemory.Empty, embedder);
var baselineAlign = await AccuracyAsync(baseline, SeedTraces.Alignment);
var baselineTest = await AccuracyAsync(baseline, SeedTraces.Test);
Console.WriteLine();
Console.WriteLine($"Baseline: alignment traces {baselineAlign:P0}, test traces {baselineTest:P0}");

// Step 4: align with the experts' feedback (a reflection model distils guidelines when one is configured).
var optimizer = new MemAlignOptimizer(new MemAlignOptions { ReflectionModel = settings.IsConfigured ? chat : null, EmbeddingGenerator = embedder, RetrievalK = 3 });
var (aligned, report) = await baseline.AlignAsync(SeedTraces.Alignment, optimizer);
Console.WriteLine($"Aligned: {report}");
Console.WriteLine();
Console.WriteLine(aligned.Instructions.TrimEnd());

// Step 6: the aligned judge, and the comparison.
var alignedAlign = await AccuracyAsync(aligned, SeedTraces.Alignment);
var alignedTest = await AccuracyAsync(aligned, SeedTraces.Test);
Console.WriteLine();
Console.WriteLine(new string('=', 60));
Console.WriteLine("PERFORMANCE COMPARISON");
Console.WriteLine(new string('=', 60));
Console.WriteLine($"{"Dataset",-25} {"Baseline",-15} {"Aligned",-15} {"Change",-15}");
Console.WriteLine(new string('-', 60));
Console.WriteLine($"{"Alignment Set",-25} {baselineAlign,-15:P0} {alignedAlign,-15:P0} {alignedAlign - baselineAlign:+0%;-0%;+0%}");
Console.WriteLine($"{"Test Set",-25} {baselineTest,-15:P0} {alignedTest,-15:P0} {alignedTest - baselineTest:+0%;-0%;+0%}");
Console.WriteLine(new string('-', 60));
Console.WriteLine("Each alignment trace is judged without its own example (a judge never recalls the trace it judges), so the");
Console.WriteLine("alignment set measures what the other four examples teach, not recall; five examples are few either way.");

// Step 7: unalign the empathy trace.
var (unaligned, unalignReport) = await aligned.UnalignAsync(["align-5"], optimizer: optimizer);
Console.WriteLine();
Console.WriteLine($"Unaligned align-5 (the empathy trace): {unalignReport}");
Console.WriteLine($"  guidelines {aligned.Memory.Guidelines.Count} -> {unaligned.Memory.Guidelines.Count}, examples {aligned.Memory.Examples.Count} -> {unaligned.Memory.Examples.Count}; "
    + $"test accuracy {alignedTest:P0} -> {await AccuracyAsync(unaligned, SeedTraces.Test):P0}");

// Step 8: register, retrieve, and score a new trace.
// The store: the SQLite file MEMALIGN_STORE names, else the memalign tool's default file.
await using (var store = await SqliteMemAlignStore.OpenAsync(Environment.GetEnvironmentVariable("MEMALIGN_STORE") ?? Path.Combine(".memalign", "memalign.db")))
{
    var registered = await store.RegisterJudgeAsync("memalign-demo", aligned);
    Console.WriteLine();
    Console.WriteLine($"Registered '{registered.Name}' version {registered.Version} in {store.Description}.");
    var version = (await store.GetJudgeAsync("memalign-demo", HelpfulnessJudge.JudgeName))!;
    var retrieved = new HelpfulnessJudge(chat).WithDefinition(version.Definition).WithMemory(version.Memory, embedder);
    var verdict = await retrieved.EvaluateAsync(
        inputs: "I'm having trouble with my order and feeling frustrated.",
        outputs: "I understand this is frustrating. Let me look into your order right away and help resolve this.");
    Console.WriteLine(verdict.IsSuccess
        ? $"Retrieved judge on a new trace: helpful = {verdict.Value}. {verdict.Rationale}"
        : $"Retrieved judge on a new trace: {verdict.Error}");
}

// Step 9: the aligned judge as code. judges/helpfulness.memalign.json is this walkthrough's offline alignment,
// committed beside the code and compiled in by the generator: `new HelpfulnessJudge(chat)` is the aligned judge,
// with no store at run time. Reword the rubric and `dotnet build` warns MAJ013 that the file is stale.
var memoryPath = Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "judges", "helpfulness.memalign.json");
var thisRun = JudgeMemoryFile.Create(HelpfulnessJudge.JudgeDefinition, aligned.Memory);
if (args.Contains("--write-memory"))
{
    Directory.CreateDirectory(Path.GetDirectoryName(memoryPath)!);
    await thisRun.SaveAsync(memoryPath);
    Console.WriteLine($"Wrote {Path.GetFullPath(memoryPath)}; build again to compile it in.");
}

var asCode = new HelpfulnessJudge(chat).WithEmbedder(embedder);
Console.WriteLine();
if (asCode.MemoryFile is not { } compiled)
{
    Console.WriteLine("Judge as code: no judges/helpfulness.memalign.json compiled in; run with --write-memory, then build again.");
    return 0;
}

Console.WriteLine($"Judge as code: judges/helpfulness.memalign.json compiled into HelpfulnessJudge ({compiled.Guidelines.Count} guideline(s), "
    + $"{compiled.Examples.Count} example(s); aligned for this rubric: {(compiled.IsAlignedFor(HelpfulnessJudge.JudgeDefinition) ? "yes" : "no, rebuild shows MAJ013")}), no store:");
Console.WriteLine($"  new HelpfulnessJudge(chat): test set {await AccuracyAsync(asCode, SeedTraces.Test):P0}, as the aligned judge above ({alignedTest:P0})");
Console.WriteLine(thisRun.ToJson() == compiled.ToJson()
    ? "  This run's alignment gives the committed file byte for byte."
    : "  This run's alignment differs from the committed file (another model distilled it): review the change with --write-memory and git diff.");

return 0;

static async Task<double> AccuracyAsync(Judge<bool> judge, IReadOnlyList<Trace> traces)
{
    var verdicts = await Task.WhenAll(traces.Select(t => judge.EvaluateAsync(t)));
    foreach (var failed in verdicts.Where(v => !v.IsSuccess))
    {
        Console.WriteLine($"  no verdict for {failed.TraceId}: {failed.Error!.Message}");
    }

    var scored = verdicts.Where(v => v.IsSuccess).ToList();
    return scored.Count == 0 ? 0 : scored.Count(v => v.Value == SeedTraces.HumanLabel(traces.Single(t => t.Id == v.TraceId), judge.Name)) / (double)scored.Count;
}
