using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;
using MemAlign.Evaluation;
using MemAlign.Reporting;
using MemAlign.Storage;

namespace MemAlign.Cli.Commands;

/// <summary>
/// <c>memalign experiment</c> (cross-validated baseline vs aligned, saved as a run) and <c>memalign report RUN</c>
/// (an experiment's report, or an evaluation run's agreement with the human labels).
/// </summary>
internal static class ExperimentCommands
{
    private const string ReportSetting = "experiment_report";
    private static readonly JsonSerializerOptions Serializer = new() { WriteIndented = false };

    public static Command Experiment(GlobalOptions options)
    {
        var judge = new Option<string>("--judge") { Description = "The registered judge.", Required = true };
        var folds = new Option<int>("--folds") { Description = "Cross-validation folds.", DefaultValueFactory = _ => 4 };
        var traces = new Option<string?>("--traces") { Description = "Which traces (default: those with human feedback named like the judge)." };
        var seed = new Option<int>("--seed") { Description = "Seed for folds and bootstrap.", DefaultValueFactory = _ => 42 };
        var notApplicable = new Option<double?>("--not-applicable") { Description = "The human value meaning 'not applicable' for numeric judges, such as 0." };
        var (html, markdown) = Outputs();
        var command = new Command("experiment", "Baseline vs aligned on held-out folds, with bootstrap intervals; saved as a run for 'memalign report'.") { judge, folds, traces, seed, notApplicable, html, markdown };
        CommandRunner.SetBody(command, options, async (context, cancellationToken) =>
        {
            var registered = await context.JudgeAsync(context.Parse.GetValue(judge)!, null, cancellationToken).ConfigureAwait(false);
            var query = context.Parse.GetValue(traces) is { } filter ? TraceFilter.Parse(filter) : new TraceQuery { HasHumanFeedback = registered.Info.Name };
            var selected = await context.Store.SearchTracesAsync(context.Experiment, query, cancellationToken).ToListAsync(cancellationToken).ConfigureAwait(false);
            var experimentOptions = new ExperimentOptions { Folds = context.Parse.GetValue(folds), Seed = context.Parse.GetValue(seed), NotApplicable = context.Parse.GetValue(notApplicable) };
            ExperimentReport report;
            try
            {
                report = await AlignmentExperiment.RunAsync(context.Models.Baseline(registered.Definition), selected,
                    context.Models.Optimizer(registered.Definition), experimentOptions, cancellationToken).ConfigureAwait(false);
            }
            catch (ArgumentException e)
            {
                throw new UsageException(e.Message);
            }

            var run = await context.Store.CreateEvaluationRunAsync(context.Experiment, $"experiment {registered.Info.Name}@{registered.Info.Version}",
                new Dictionary<string, string> { [ReportSetting] = JsonSerializer.Serialize(report, Serializer) }, cancellationToken).ConfigureAwait(false);
            return await WriteAsync(context, report, run.Id, context.Parse.GetValue(html), context.Parse.GetValue(markdown), cancellationToken).ConfigureAwait(false);
        });
        return command;
    }

    public static Command Report(GlobalOptions options)
    {
        var run = new Argument<string>("run") { Description = "The run id, as 'evaluate' or 'experiment' printed it." };
        var (html, markdown) = Outputs();
        var command = new Command("report", "Report a run: an experiment's comparison, or an evaluation's agreement with the human labels.") { run, html, markdown };
        CommandRunner.SetBody(command, options, async (context, cancellationToken) =>
        {
            var id = context.Parse.GetValue(run)!;
            var stored = await context.Store.GetEvaluationRunAsync(id, cancellationToken).ConfigureAwait(false)
                ?? throw new UsageException($"There is no run '{id}' in {context.Store.Description}; list them with --json from 'evaluate' or 'experiment'.");
            if (stored.Settings.TryGetValue(ReportSetting, out var json))
            {
                var report = JsonSerializer.Deserialize<ExperimentReport>(json, Serializer)!;
                return await WriteAsync(context, report, id, context.Parse.GetValue(html), context.Parse.GetValue(markdown), cancellationToken).ConfigureAwait(false);
            }

            return await AgreementAsync(context, stored, cancellationToken).ConfigureAwait(false);
        });
        return command;
    }

    private static (Option<FileInfo?> Html, Option<FileInfo?> Markdown) Outputs() =>
        (new Option<FileInfo?>("--html") { Description = "Also write a self-contained HTML report with charts." },
         new Option<FileInfo?>("--markdown") { Description = "Also write a Markdown report." });

    private static async Task<int> WriteAsync(CommandContext context, ExperimentReport report, string runId, FileInfo? html, FileInfo? markdown, CancellationToken cancellationToken)
    {
        context.Output.Line(ExperimentReportWriter.ToConsoleTable(report));
        context.Output.Line($"Saved as run {runId}.");
        if (html is not null)
        {
            await File.WriteAllTextAsync(html.FullName, ExperimentReportWriter.ToHtml(report), cancellationToken).ConfigureAwait(false);
            context.Output.Line($"HTML report: {html.FullName}");
        }

        if (markdown is not null)
        {
            await File.WriteAllTextAsync(markdown.FullName, ExperimentReportWriter.ToMarkdown(report), cancellationToken).ConfigureAwait(false);
            context.Output.Line($"Markdown report: {markdown.FullName}");
        }

        var result = JsonNode.Parse(JsonSerializer.Serialize(report, Serializer))!.AsObject();
        result["run"] = runId;
        context.Output.Result(result);
        return ExitCodes.Ok;
    }

    // An evaluation run: the judge's values against the human labels of the same name on the same traces.
    private static async Task<int> AgreementAsync(CommandContext context, EvaluationRun run, CancellationToken cancellationToken)
    {
        var results = await context.Store.GetEvaluationResultsAsync(run.Id, cancellationToken).ToListAsync(cancellationToken).ConfigureAwait(false);
        var output = new JsonObject { ["run"] = run.Id, ["name"] = run.Name, ["results"] = results.Count, ["errors"] = results.Count(r => !r.IsOk) };
        context.Output.Line($"Run {run.Id} ({run.Name}): {results.Count} result(s), {results.Count(r => !r.IsOk)} error(s).");
        foreach (var group in results.Where(r => r.IsOk).GroupBy(r => r.JudgeName))
        {
            var pairs = new List<(string Human, string Judge)>();
            foreach (var record in group)
            {
                var trace = await context.Store.GetTraceAsync(context.Experiment, record.TraceId, cancellationToken).ConfigureAwait(false);
                var human = trace?.Assessments.LastOrDefault(a => a.Source.Type == AssessmentSourceType.Human && a.IsNamed(group.Key));
                if (human is not null)
                {
                    pairs.Add((human.Value.ToString(), record.Value!.ToString()));
                }
            }

            var agreement = CategoricalAgreement.Compute(pairs);
            context.Output.Line($"  {group.Key}: {agreement.Count} trace(s) with human labels; accuracy {Format(agreement.Accuracy)}, Cohen's kappa {Format(agreement.CohensKappa)}");
            output[group.Key] = new JsonObject { ["compared"] = agreement.Count, ["accuracy"] = agreement.Accuracy, ["cohens_kappa"] = agreement.CohensKappa };
        }

        context.Output.Result(output);
        return ExitCodes.Ok;
    }

    private static string Format(double? value) => value?.ToString("0.000", System.Globalization.CultureInfo.InvariantCulture) ?? "n/a";
}
