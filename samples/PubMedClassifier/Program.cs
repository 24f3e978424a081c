// The MemAlign PubMed tutorial: a classifier labels sentences from medical abstracts with their section
// (BACKGROUND, OBJECTIVE, METHODS, RESULTS, CONCLUSIONS), and three judges say whether each label is right:
// the built-in Guidelines judge, a custom judge declared with attributes, and that judge aligned with
// experts' feedback. Accuracy is how often a judge agrees with the experts, on the 24 sentences used for
// alignment and on 16 held-out ones. Then a categorical judge over the five sections, before and after
// alignment. With OPENAI_API_KEY or OPENAI_BASE_URL set it uses a real model; otherwise an offline stand-in.
using MemAlign;
using MemAlign.MiniLM;
using MemAlign.OpenAI;
using MemAlign.Evaluation;
using Microsoft.Extensions.AI;
using PubMedClassifier;

var settings = OpenAISettings.Parse(Environment.GetEnvironmentVariable(OpenAISettings.ApiKeyVariable), Environment.GetEnvironmentVariable(OpenAISettings.BaseUrlVariable));
var modelOverride = Environment.GetEnvironmentVariable("MEMALIGN_MODEL");
var definition = modelOverride is null ? PubMedJudge.JudgeDefinition : PubMedJudge.JudgeDefinition.WithModel(modelOverride);
IChatClient chat = settings.IsConfigured ? ModelProviders.CreateChatClient(definition.Model!, settings) : new StandInModel();
// With a real model, examples are retrieved by meaning (all-MiniLM-L6-v2, memoised: each text is encoded once per run).
// The offline stand-in reasons from keywords, so offline the examples are retrieved by words (the hashed embedder) to match it.
using IEmbeddingGenerator<string, Embedding<float>> embedder = settings.IsConfigured ? MiniLMEmbeddingGenerator.CreateMemoised() : new LocalEmbeddingGenerator();
Console.WriteLine(settings.IsConfigured
    ? $"Model: {definition.Model} via {settings}"
    : "Model: offline stand-in (no OPENAI_API_KEY / OPENAI_BASE_URL set; see README for using a real model)");
Console.WriteLine($"Judge '{definition.Name}' ({definition.ValueType}) reads {string.Join(" and ", definition.Variables)}; experts answer '{PubMedLabel.Definition.Title}'.");
var all = LabelledSentences.Alignment.Concat(LabelledSentences.Test).ToList();
Console.WriteLine($"Labelled set: {LabelledSentences.Alignment.Count} sentences for alignment, {LabelledSentences.Test.Count} held out; "
    + $"the experts say the classifier is right on {all.Count(t => LabelledSentences.ExpertVerdict(t) == Verdict.Yes)} of {all.Count}.");

var scores = new List<(string Judge, Score Alignment, Score Test)>();

// Step 5: the built-in Guidelines judge (true = the label follows the guidelines = the classifier was right).
var guidelines = new MemAlign.BuiltInJudges.Guidelines(chat,
[
    "The response must be exactly one of: CONCLUSIONS, RESULTS, METHODS, OBJECTIVE, or BACKGROUND",
    "The classification must be appropriate for the medical/scientific sentence provided",
], name: "classification_guidelines");
scores.Add(await ScoreAsync("Guidelines (built-in)", guidelines, ok => ok ? Verdict.Yes : Verdict.No));

// Step 6: the custom judge, declared with [Judge] and [Rubric] in Declarations.cs.
var custom = new Judge<Verdict>(definition, chat);
scores.Add(await ScoreAsync($"Custom ({custom.Name})", custom, v => v));

// Step 7: align the custom judge with the experts' feedback on the alignment sentences.
// Where the two reviewers disagree on a section, the expert's label decides.
var adjudicated = new LabelResolution { Rule = LabelResolutionRule.Adjudicator, Adjudicator = LabelledSentences.Adjudicator };

var optimizer = new MemAlignOptimizer(new MemAlignOptions { ReflectionModel = settings.IsConfigured ? chat : null, EmbeddingGenerator = embedder, RetrievalK = 3, LabelResolution = adjudicated });
var (aligned, report) = await custom.AlignAsync(LabelledSentences.Alignment, optimizer);
Console.WriteLine();
Console.WriteLine($"Aligned: {report}");
Console.WriteLine();
Console.WriteLine("ORIGINAL INSTRUCTIONS:");
Console.WriteLine(custom.Instructions.TrimEnd());
Console.WriteLine();
Console.WriteLine($"ALIGNED: the same rubric, {aligned.Memory.Examples.Count} expert examples to retrieve from, and {aligned.Memory.Guidelines.Count} distilled guidelines{(aligned.Memory.Guidelines.Count > 0 ? ", such as:" : ".")}");
foreach (var guideline in aligned.Memory.Guidelines.Take(4))
{
    Console.WriteLine($"  - {guideline.Text}");
}

// Step 8: the aligned judge, then the comparison.
scores.Add(await ScoreAsync($"MemAligned ({custom.Name})", aligned, v => v));

Console.WriteLine();
Console.WriteLine(new string('=', 72));
Console.WriteLine("FINAL COMPARISON: Judge Accuracy");
Console.WriteLine(new string('=', 72));
Console.WriteLine("How often did each judge agree with the experts about the classifier's label?");
Console.WriteLine();
Console.WriteLine($"{"Judge",-36} {"Alignment set",-17} {"Held-out set",-17}");
Console.WriteLine(new string('-', 72));
foreach (var (judge, alignment, test) in scores)
{
    Console.WriteLine($"{judge,-36} {alignment,-17} {test,-17}");
}

Console.WriteLine(new string('-', 72));

// The same sentences with a categorical judge over the five sections, aligned with the experts' sections.
var sections = new Judge<Section>(modelOverride is null ? AbstractSectionJudge.JudgeDefinition : AbstractSectionJudge.JudgeDefinition.WithModel(modelOverride), chat);
var (alignedSections, _) = await sections.AlignAsync(LabelledSentences.Alignment, optimizer);
Console.WriteLine();
Console.WriteLine($"A categorical judge over the five sections ('{sections.Name}', {sections.Definition.ValueType}), on the held-out sentences:");
foreach (var (name, judge) in new[] { ("baseline", sections), ("aligned", alignedSections) })
{
    var verdicts = await Task.WhenAll(LabelledSentences.Test.Select(t => judge.EvaluateAsync(t)));
    var pairs = LabelledSentences.Test.Zip(verdicts)
        .Where(p => p.Second.IsSuccess)
        .Select(p => (Human: LabelledSentences.ExpertSection(p.First).ToString(), Judge: p.Second.Value.ToString()))
        .ToList();
    var agreement = CategoricalAgreement.Compute(pairs, Enum.GetNames<Section>());
    Console.WriteLine($"  {name,-9} agrees with the experts on {agreement.Accuracy:P0} of {agreement.Count}, Cohen's kappa {agreement.CohensKappa:0.00}");
}

// The section judge as a train/test experiment: the majority reference, the two reviewers' agreement with each
// other, and a learning curve over stratified samples of the alignment sentences.
var experiment = await AlignmentExperiment.RunTrainTestAsync(sections, LabelledSentences.Alignment, LabelledSentences.Test, optimizer, new ExperimentOptions
{
    LearningCurve = [0, 5, 10, LabelledSentences.Alignment.Count],
    LabelResolution = adjudicated,
    TrainSetName = "the alignment sentences",
    TestSetName = "the held-out sentences",
});
Console.WriteLine();
Console.WriteLine(MemAlign.Reporting.ExperimentReportWriter.ToConsoleTable(experiment));

// With a folder argument, the labelled sentences are also written as JSON Lines for the memalign tool
// (memalign import, then memalign experiment --judge pubmed_classifier --cascade, say).
if (args.FirstOrDefault() is { } folder)
{
    Directory.CreateDirectory(folder);
    var jsonl = Path.Combine(Path.GetFullPath(folder), "pubmed-sentences.jsonl");
    await MemAlign.Import.TraceFile.WriteAsync(jsonl, all);
    Console.WriteLine($"Labelled sentences as JSON Lines: {jsonl}");
}

return 0;

// Scores a judge on both sets, prints where it disagreed with the experts on the held-out set, and returns its accuracy.
static async Task<(string, Score, Score)> ScoreAsync<T>(string name, Judge<T> judge, Func<T, Verdict> asVerdict)
{
    var alignment = await AgreementAsync(judge, LabelledSentences.Alignment, asVerdict);
    var test = await AgreementAsync(judge, LabelledSentences.Test, asVerdict);
    Console.WriteLine();
    Console.WriteLine($"Judge: {name}: held-out accuracy {test.Score}");
    foreach (var (trace, said) in test.Wrong.Take(3))
    {
        Console.WriteLine($"  wrong on {trace.Id}: said {said}, experts said {LabelledSentences.ExpertVerdict(trace)} ({trace.Inputs})");
    }

    return (name, alignment.Score, test.Score);
}

static async Task<(Score Score, List<(Trace Trace, Verdict Said)> Wrong)> AgreementAsync<T>(Judge<T> judge, IReadOnlyList<Trace> traces, Func<T, Verdict> asVerdict)
{
    var verdicts = await Task.WhenAll(traces.Select(t => judge.EvaluateAsync(t)));
    var wrong = new List<(Trace, Verdict)>();
    var agreed = 0;
    var errors = 0;
    foreach (var (trace, verdict) in traces.Zip(verdicts))
    {
        if (!verdict.TryGetValue(out var value))
        {
            errors++;
            Console.WriteLine($"  no verdict for {trace.Id}: {verdict.Error!.Message}");
            continue;
        }

        if (asVerdict(value) == LabelledSentences.ExpertVerdict(trace))
        {
            agreed++;
        }
        else
        {
            wrong.Add((trace, asVerdict(value)));
        }
    }

    return (new Score(agreed, traces.Count - errors), wrong);
}

/// <summary>A judge's agreement with the experts: agreed of scored.</summary>
internal readonly record struct Score(int Agreed, int Scored)
{
    public override string ToString() => Scored == 0 ? "n/a" : $"{Agreed / (double)Scored:P0} ({Agreed}/{Scored})";
}
