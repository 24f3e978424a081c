// The Genie Code notebook study (seed 004) in miniature: nine judges grade ML notebooks from 1 to 3 on
// nine dimensions (0 = not applicable); experts graded 48 notebooks; a 4-fold cross-validated experiment
// aligns each judge on three folds, scores the held-out fold, and reports the mean absolute error against
// the experts with 95% bootstrap intervals, plus an HTML report of all nine.
// With OPENAI_API_KEY or OPENAI_BASE_URL set it uses a real model; otherwise an offline stand-in.
// Usage: dotnet run --project samples/NotebookQuality [-- report.html]
using MemAlign;
using MemAlign.MiniLM;
using MemAlign.OpenAI;
using MemAlign.Evaluation;
using MemAlign.Reporting;
using Microsoft.Extensions.AI;
using NotebookQuality;

var htmlPath = Path.GetFullPath(args.FirstOrDefault() ?? "notebook-quality-report.html");
var settings = OpenAISettings.Parse(Environment.GetEnvironmentVariable(OpenAISettings.ApiKeyVariable), Environment.GetEnvironmentVariable(OpenAISettings.BaseUrlVariable));
var catalog = JudgeCatalog.Load(typeof(Dimension).Assembly);
var model = Environment.GetEnvironmentVariable("MEMALIGN_MODEL") ?? catalog.Judges[0].Model!;
IChatClient chat = settings.IsConfigured ? ModelProviders.CreateChatClient(model, settings) : new StandInModel();
Console.WriteLine(settings.IsConfigured
    ? $"Model: {model} via {settings}"
    : "Model: offline stand-in (no OPENAI_API_KEY / OPENAI_BASE_URL set; see README for using a real model)");

var notebooks = EvaluationSet.Create(48);
var grades = notebooks.SelectMany(n => n.Assessments).ToList();
Console.WriteLine($"{notebooks.Count} notebooks for {Request.All.Count} requests, graded by experts on {catalog.Judges.Count} dimensions: "
    + $"{grades.Count} grades, {grades.Count(g => g.Value.AsNumber() == 0)} of them 'not applicable' (0).");
Console.WriteLine();

// Where the two graders differ, the lead expert's grade decides. The judges declare 0 as "not applicable"
// ([Scale(1, 3, NotApplicable = 0)]): the experiment scores applicability apart from the error on the 1-3 scale.
var options = new ExperimentOptions
{
    Folds = 4,
    LabelResolution = new LabelResolution { Rule = LabelResolutionRule.Adjudicator, Adjudicator = EvaluationSet.LeadExpert },
};

// Examples are embedded offline with all-MiniLM-L6-v2, memoised: the folds re-align on the same notebooks.
using var embedder = MiniLMEmbeddingGenerator.CreateMemoised();
var optimizer = new MemAlignOptimizer(new MemAlignOptions { ReflectionModel = settings.IsConfigured ? chat : null, EmbeddingGenerator = embedder, LabelResolution = options.LabelResolution });
var reports = new List<ExperimentReport>();
foreach (var dimension in Dimension.All)
{
    var definition = catalog.Judges.Single(j => j.Name == dimension.JudgeName).WithModel(model);
    var report = await AlignmentExperiment.RunAsync(new Judge<int>(definition, chat), notebooks, optimizer, options);
    reports.Add(report);
    var applicability = report.Metrics.Single(m => m.Name == "applicability accuracy");
    Console.WriteLine($"  {dimension.JudgeName}: {report.ComparableRows} held-out grades, {report.NotApplicableRows} not applicable, {report.ErrorRows} errors; "
        + $"applicability accuracy {Value(applicability.Baseline)} -> {Value(applicability.Aligned)} (always 'applicable' or always 'not applicable', whichever is more common: {Value(applicability.Majority)})");
}

Console.WriteLine();
Console.WriteLine(new string('=', 100));
Console.WriteLine("HUMAN-MACHINE ALIGNMENT: mean absolute error against the experts where both found the dimension applicable (lower is better), 4-fold cross-validation");
Console.WriteLine(new string('=', 100));
Console.WriteLine($"{"Dimension",-28} {"Baseline",-10} {"Aligned",-10} {"Change",-9} {"95% CI of change",-20} {"Error cut",-10} {"Significant",-11}");
Console.WriteLine(new string('-', 100));
foreach (var report in reports)
{
    var mae = report.Primary;
    var cut = mae.Baseline is { Estimate: > 0 } before && mae.Aligned is { } after ? $"{1 - (after.Estimate / before.Estimate):P0}" : "-";
    Console.WriteLine($"{report.JudgeName,-28} {Value(mae.Baseline),-10} {Value(mae.Aligned),-10} {Signed(mae.Difference),-9} {Interval(mae.Difference),-20} {cut,-10} {(mae.IsSignificant ? "yes" : "no"),-11}");
}

Console.WriteLine(new string('-', 100));
Console.WriteLine($"{reports.Count(r => r.Primary.IsSignificant && r.Primary.Improved)} of {reports.Count} dimensions improved significantly.");
Console.WriteLine();
Console.WriteLine("In detail, for one dimension:");
Console.WriteLine(ExperimentReportWriter.ToConsoleTable(reports.Single(r => r.JudgeName == DataImputationJudge.JudgeName)));

// The same judge on a train/test split: the first 36 notebooks to align on, the last 12 to score.
var imputation = catalog.Judges.Single(j => j.Name == DataImputationJudge.JudgeName).WithModel(model);
var trainTest = await AlignmentExperiment.RunTrainTestAsync(new Judge<int>(imputation, chat), notebooks.Take(36).ToList(), notebooks.Skip(36).ToList(), optimizer,
    options with { TrainSetName = "notebooks 1-36", TestSetName = "notebooks 37-48" });
Console.WriteLine(ExperimentReportWriter.ToConsoleTable(trainTest));

await File.WriteAllTextAsync(htmlPath, ExperimentReportWriter.ToHtml([.. reports, trainTest with { JudgeName = $"{trainTest.JudgeName} (train/test)" }], "Notebook quality: nine judges before and after MemAlign"));
Console.WriteLine($"HTML report: {htmlPath}");
return 0;

static string Value(ConfidenceInterval? value) => value is null ? "-" : $"{value.Estimate:0.00}";

static string Signed(ConfidenceInterval? value) => value is null ? "-" : $"{value.Estimate:+0.00;-0.00;0.00}";

static string Interval(ConfidenceInterval? value) => value is null ? "-" : $"[{value.Lower:0.00}, {value.Upper:0.00}]";
