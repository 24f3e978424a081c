// Real human labels from several raters: 502 tokens of the VADER sentiment lexicon, each rated by ten people
// from -4 to +4. How much do the raters agree with each other (the ceiling for any judge)? Can an aligned judge
// reach it? A 4-fold cross-validated experiment and a train/test experiment (dev vs test tokens) answer with the
// majority reference, the human band and learning curves over stratified samples, and write HTML and Markdown reports.
// Offline (no OPENAI_API_KEY / OPENAI_BASE_URL) the judge is the local one: a vote of the most similar aligned tokens.
// Usage: dotnet run --project samples/SentimentRatings [-- report-folder]   (MEMALIGN_EMBEDDER=hashed: the hashed embedder)
using MemAlign;
using MemAlign.Evaluation;
using MemAlign.Import;
using MemAlign.OpenAI;
using MemAlign.MiniLM;
using MemAlign.Reporting;
using Microsoft.Extensions.AI;
using SentimentRatings;

var folder = Path.GetFullPath(args.FirstOrDefault() ?? ".");
var settings = OpenAISettings.Parse(Environment.GetEnvironmentVariable(OpenAISettings.ApiKeyVariable), Environment.GetEnvironmentVariable(OpenAISettings.BaseUrlVariable));
var model = Environment.GetEnvironmentVariable("MEMALIGN_MODEL") ?? "openai:/gpt-4.1-mini";
Judge judge = settings.IsConfigured
    ? Judge.Create(SentimentJudge.JudgeDefinition.WithModel(model), ModelProviders.CreateChatClient(model, settings))
    : Judge.CreateLocal(SentimentJudge.JudgeDefinition);
Console.WriteLine(settings.IsConfigured
    ? $"Model: {model} via {settings}"
    : "Model: offline (the local judge: no OPENAI_API_KEY / OPENAI_BASE_URL set)");

var traces = VaderRatings.Load(Path.Combine(AppContext.BaseDirectory, "data"));
Console.WriteLine($"{traces.Count} tokens, {traces.Sum(t => t.Assessments.Count)} ratings by {traces.SelectMany(t => t.Assessments).Select(a => a.Source.Id).Distinct().Count()} rater slots.");

var humans = HumanAgreement.Compute(judge.Definition, traces);
Console.WriteLine($"Human-human agreement: {humans}.");
Console.WriteLine($"  mean pairwise Cohen's kappa {humans.Statistics!.MeanCohensKappa:0.000}, Fleiss' kappa {humans.Statistics.FleissKappa:0.000}, "
    + $"Krippendorff's alpha nominal {humans.Statistics.AlphaNominal:0.000} / ordinal {humans.Statistics.AlphaOrdinal:0.000} / interval {humans.Statistics.AlphaInterval:0.000}");
Console.WriteLine();

// Tokens are embedded with all-MiniLM-L6-v2 (memoised: the folds and curve samples re-align on the same tokens), so
// the local judge votes with tokens close in meaning; MEMALIGN_EMBEDDER=hashed uses the zero-dependency hashed embedder instead.
using var miniLM = MiniLMEmbeddingGenerator.CreateMemoised();
IEmbeddingGenerator<string, Embedding<float>> embedder = Environment.GetEnvironmentVariable("MEMALIGN_EMBEDDER") == "hashed" ? new LocalEmbeddingGenerator() : miniLM;
var optimizer = new MemAlignOptimizer(new MemAlignOptions { ReflectionModel = settings.IsConfigured ? ModelProviders.CreateChatClient(model, settings) : null, EmbeddingGenerator = embedder });
Console.WriteLine($"Embeddings: {embedder.GetService<EmbeddingGeneratorMetadata>()?.DefaultModelId}");
var options = new ExperimentOptions { LearningCurve = [0, 5, 25, 100, 250], LearningCurveRepeats = 3 };

var crossValidated = await AlignmentExperiment.RunAsync(judge, traces, optimizer, options);
Console.WriteLine(ExperimentReportWriter.ToConsoleTable(crossValidated));

var dev = traces.Where(t => t.Tags["split"] == "dev").ToList();
var test = traces.Where(t => t.Tags["split"] == "test").ToList();
var trainTest = await AlignmentExperiment.RunTrainTestAsync(judge, dev, test, optimizer, options with { TrainSetName = "tag.split=dev", TestSetName = "tag.split=test" });
Console.WriteLine(ExperimentReportWriter.ToConsoleTable(trainTest));

Directory.CreateDirectory(folder);
var html = Path.Combine(folder, "sentiment-ratings-report.html");
await File.WriteAllTextAsync(html, ExperimentReportWriter.ToHtml([crossValidated, trainTest with { JudgeName = "sentiment (train/test)" }], "VADER sentiment ratings: ten raters, one judge"));
await File.WriteAllTextAsync(Path.Combine(folder, "sentiment-ratings-report.md"), ExperimentReportWriter.ToMarkdown(crossValidated) + "\n" + ExperimentReportWriter.ToMarkdown(trainTest));
Console.WriteLine($"HTML report: {html}");

// The same ratings as JSON Lines, for the memalign tool: import them and replay them as labeling sessions would
// (memalign label simulate --judge sentiment), or label some again in the browser.
var jsonl = Path.Combine(folder, "sentiment-ratings.jsonl");
await TraceFile.WriteAsync(jsonl, traces);
Console.WriteLine($"Traces with every rating, as JSON Lines: {jsonl}");
return 0;
