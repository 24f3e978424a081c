// The helpfulness walkthrough, step one: declare a judge, see the exact prompt it sends, and, when a
// model is configured, score the walkthrough's traces against the experts' labels.
using Helpfulness;
using MemAlign;
using MemAlign.Storage;

// The judge is declared with attributes (Declarations.cs); its definition was checked at build time.
var model = Environment.GetEnvironmentVariable("MEMALIGN_MODEL");
var judge = model is null ? HelpfulnessJudge.JudgeDefinition : HelpfulnessJudge.JudgeDefinition.WithModel(model);

Console.WriteLine($"Judge '{judge.Name}' ({judge.ValueType}) reads {string.Join(" and ", judge.Variables)}; expert labels use the schema '{HelpfulnessLabel.Definition.Title}'.");
Console.WriteLine();

// The same rules apply to judges defined at run time: a rubric mistake is caught when the judge is
// defined, with the line and column. (Declared with attributes, it is a build error: MAJ003.)
try
{
    JudgeDefinition.Create("helpfulness", "User query: {{ input }}", FeedbackValueType.Boolean);
}
catch (JudgeDefinitionException e)
{
    Console.WriteLine("A typo in a rubric is caught at once:");
    Console.WriteLine("  " + e.Message);
    Console.WriteLine();
}

var tricky = SeedTraces.Test[^1];
var prompt = await new Judge<bool>(judge, new NoModel()).BuildPromptAsync(tricky);
Console.WriteLine($"The prompt for trace '{tricky.Id}':");
Console.WriteLine("---- system ----");
Console.WriteLine(prompt.SystemText);
Console.WriteLine("---- user ----");
Console.WriteLine(prompt.UserText);
Console.WriteLine("--------------");
Console.WriteLine();

// Align offline: the local models learn from the experts' feedback (no model needed). With a model
// configured, the same calls distil guidelines with the reflection model instead.
var (aligned, report) = await Judge<bool>.Local(judge).AlignAsync(SeedTraces.Alignment);
Console.WriteLine($"Aligned offline on {SeedTraces.Alignment.Count} traces: {report}");
Console.WriteLine(aligned.Instructions);
var before = await AgreementAsync(aligned, SeedTraces.Test);
Console.WriteLine($"Local aligned judge on the test traces: {before.Agree}/{before.Scored} agree with the experts.");
var (unaligned, unalignReport) = await aligned.UnalignAsync(["align-5"]);
Console.WriteLine($"Unaligned the empathy trace (align-5): {unalignReport}; guidelines now {unaligned.Memory.Guidelines.Count}, examples {unaligned.Memory.Examples.Count}.");

// Register the aligned judge (a self-contained snapshot), retrieve it, and score a new trace with it.
await using (var store = await MemAlignStore.OpenAsync())
{
    var registered = await store.RegisterJudgeAsync("memalign-demo", aligned.Definition, aligned.Memory);
    Console.WriteLine($"Registered '{registered.Name}' version {registered.Version} in {store.Description}.");
    var retrieved = (await store.GetJudgeAsync("memalign-demo", "helpfulness"))!.CreateLocalJudge<bool>();
    var fresh = Trace.Create("new-1", "I'm having trouble with my order and feeling frustrated.",
        "I understand this is frustrating. Let me look into your order right away and help resolve this.");
    var verdict = await retrieved.EvaluateAsync(fresh);
    Console.WriteLine($"The retrieved judge on a new trace: helpful = {verdict.Value} ({verdict.Rationale})");
}

Console.WriteLine();

var settings = OpenAISettings.FromEnvironment();
if (!settings.IsConfigured)
{
    Console.WriteLine("No model is configured, so the LLM judge was not called. To score the walkthrough's 10 traces with a model, set");
    Console.WriteLine("  OPENAI_API_KEY=<your key>                      (OpenAI)");
    Console.WriteLine("  OPENAI_BASE_URL=http://localhost:11434/v1     (or any OpenAI-compatible server: Ollama, vLLM, LM Studio)");
    Console.WriteLine("  MEMALIGN_MODEL=openai:/<model>                (optional; default openai:/gpt-4.1-mini)");
    Console.WriteLine("and run this sample again.");
    return 0;
}

Console.WriteLine($"Scoring with {judge.Model} via {settings} ...");
var liveJudge = new Judge<bool>(judge);
foreach (var (name, traces) in new[] { ("Alignment traces", SeedTraces.Alignment), ("Test traces", SeedTraces.Test) })
{
    var (agree, scored) = await AgreementAsync(liveJudge, traces);
    Console.WriteLine($"  {name}: {agree}/{scored} agree with the experts ({(scored == 0 ? 0 : (double)agree / scored):P0})");
}

return 0;

static async Task<(int Agree, int Scored)> AgreementAsync(Judge<bool> judge, IReadOnlyList<Trace> traces)
{
    var verdicts = await Task.WhenAll(traces.Select(t => judge.EvaluateAsync(t)));
    foreach (var failed in verdicts.Where(v => !v.IsSuccess))
    {
        Console.WriteLine($"    no verdict for {failed.TraceId}: {failed.Error!.Message}");
    }

    var scored = verdicts.Where(v => v.IsSuccess).ToList();
    var agree = scored.Count(v => v.Value == SeedTraces.HumanLabel(traces.Single(t => t.Id == v.TraceId), judge.Name));
    return (agree, scored.Count);
}
