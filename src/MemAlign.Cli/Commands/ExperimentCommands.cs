using System.CommandLine;
using MemAlign.Cli.Json;
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
    public static Command Experiment(GlobalOptions options)
    {
        var judge = new Option<string>("--judge") { Description = "The registered judge.", Required = true };
        var folds = new Option<int>("--folds") { Description = "Cross-validation folds.", DefaultValueFactory = _ => 4 };
        var traces = new Option<string?>("--traces") { Description = "Which traces (default: those with human feedback named like the judge)." };
        var train = new Option<string?>("--train-filter") { Description = "Train/test instead of cross-validation: the traces to align on, such as tag.split=dev (with --test-filter)." };
        var test = new Option<string?>("--test-filter") { Description = "The traces to score, such as tag.split=test (with --train-filter)." };
        var seed = new Option<int>("--seed") { Description = "Seed for folds, samples and bootstrap.", DefaultValueFactory = _ => 42 };
        var repeats = new Option<int>("--repeats") { Description = "Stratified samples per learning-curve point (the curve shows their mean and range).", DefaultValueFactory = _ => 3 };
        var notApplicable = new Option<double?>("--not-applicable") { Description = "For a numeric judge that declares no 'not applicable' value: the human value meaning it, such as 0. A judge declared with [Scale(1, 3, NotApplicable = 0)] needs none (its value is used); a different one is an error." };
        var cascade = new Option<bool>("--cascade")
        {
            Description = "Also study a local-first cascade on the held-out folds: coverage (share answered by the local judge) against agreement with the humans across thresholds, "
                + "and the threshold for --target-agreement with an exact guarantee at --risk (for 'memalign evaluate --cascade').",
        };
        var target = new Option<double>("--target-agreement") { Description = "With --cascade: the agreement with the humans the local answers must reach (0 to 1).", DefaultValueFactory = _ => 0.8 };
        var risk = new Option<double>("--risk") { Description = "With --cascade: the chance the guarantee may be wrong (0 to 1).", DefaultValueFactory = _ => 0.1 };
        var labels = new LabelOptions();
        var (html, markdown) = Outputs();
        var command = new Command("experiment", "Baseline vs aligned on held-out data (cross-validation, or --train-filter/--test-filter), with the majority and human references and bootstrap intervals; saved as a run for 'memalign report'.")
            { judge, folds, traces, train, test, seed, repeats, notApplicable, cascade, target, risk, html, markdown };
        labels.AddTo(command);
        var gates = new GateOptions();
        gates.AddTo(command);
        var price = new PriceOption();
        command.Options.Add(price.Option);
        CommandRunner.SetBody(command, options, async (context, cancellationToken) =>
        {
            var flagPrice = price.Read(context.Parse); // a malformed price fails before anything is paid for
            var cascadeOptions = context.Parse.GetValue(cascade)
                ? new CascadeExperimentOptions { TargetAgreement = context.Parse.GetValue(target), Risk = context.Parse.GetValue(risk) }
                : null;
            if (cascadeOptions is null && (context.Parse.GetResult(target) is { Implicit: false } || context.Parse.GetResult(risk) is { Implicit: false }))
            {
                throw new UsageException("--target-agreement and --risk set the cascade's guarantee; add --cascade.");
            }

            foreach (var (name, value) in new[] { ("--target-agreement", cascadeOptions?.TargetAgreement), ("--risk", cascadeOptions?.Risk) })
            {
                if (value is { } v && (v is <= 0 or >= 1 || double.IsNaN(v)))
                {
                    throw new UsageException(FormattableString.Invariant($"{name} must be between 0 and 1 (exclusive), such as {(name == "--risk" ? "0.1" : "0.8")}, not {v}."));
                }
            }

            var registered = await context.JudgeAsync(context.Parse.GetValue(judge)!, null, cancellationToken).ConfigureAwait(false);
            var gate = gates.Read(context.Parse);
            gate?.Validate(registered.Definition, experiment: true);
            var (trainFilter, testFilter) = (context.Parse.GetValue(train), context.Parse.GetValue(test));
            if ((trainFilter is null) != (testFilter is null))
            {
                throw new UsageException("A train/test experiment needs both --train-filter and --test-filter.");
            }

            if (trainFilter is not null && context.Parse.GetValue(traces) is not null)
            {
                throw new UsageException("--traces selects the traces of a cross-validated experiment; with --train-filter and --test-filter, leave it out.");
            }

            var resolution = labels.Resolution(context.Parse);
            var experimentOptions = new ExperimentOptions
            {
                Folds = context.Parse.GetValue(folds),
                Seed = context.Parse.GetValue(seed),
                LearningCurveRepeats = context.Parse.GetValue(repeats),
                NotApplicable = context.Parse.GetValue(notApplicable),
                LabelResolution = resolution,
                TrainSetName = trainFilter,
                TestSetName = testFilter,
                Cascade = cascadeOptions,
            };
            async Task<List<Trace>> Select(TraceQuery query) =>
                await context.Store.SearchTracesAsync(context.Experiment, query, cancellationToken).ToListAsync(cancellationToken).ConfigureAwait(false);

            ExperimentReport report;
            try
            {
                var baseline = context.Models.Baseline(registered.Definition);
                var optimizer = context.Models.Optimizer(registered.Definition, registered.Memory, resolution);
                if (trainFilter is not null)
                {
                    var (trainSet, testSet) = (await Select(TraceFilter.Parse(trainFilter)).ConfigureAwait(false), await Select(TraceFilter.Parse(testFilter)).ConfigureAwait(false));
                    labels.Check(context, registered.Definition, [.. trainSet, .. testSet]);
                    report = await AlignmentExperiment.RunTrainTestAsync(baseline, trainSet, testSet, optimizer, experimentOptions, cancellationToken).ConfigureAwait(false);
                }
                else
                {
                    var query = context.Parse.GetValue(traces) is { } filter ? TraceFilter.Parse(filter) : new TraceQuery { HasHumanFeedback = registered.Info.Name };
                    var selected = await Select(query).ConfigureAwait(false);
                    labels.Check(context, registered.Definition, selected);
                    report = await AlignmentExperiment.RunAsync(baseline, selected, optimizer, experimentOptions, cancellationToken).ConfigureAwait(false);
                }
            }
            catch (ArgumentException e)
            {
                throw UsageException.From(e);
            }

            var run = await context.Store.SaveExperimentReportAsync(context.Experiment, $"experiment {registered.Info.Name}@{registered.Info.Version}", report, registered.Info.Version,
                cancellationToken).ConfigureAwait(false);
            var spend = TokenSpend.Of(context.Models.ModelName(registered.Definition), report.Cost.Usage, report.Cost.ModelCalls, context.Settings, flagPrice);
            return await WriteAsync(context, report, run.Id, context.Parse.GetValue(html), context.Parse.GetValue(markdown), gate?.Check(report), cancellationToken, spend).ConfigureAwait(false);
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
            var stored = await context.Store.GetEvaluationRunAsync(context.Experiment, id, cancellationToken).ConfigureAwait(false)
                ?? throw new UsageException($"There is no run '{id}' in experiment '{context.Experiment}' of {context.Store.Description} (a run is reported in its own --experiment); list them with --json from 'evaluate' or 'experiment'.");
            if (stored.Kind == EvaluationRunKind.Experiment)
            {
                var report = await context.Store.GetExperimentReportAsync(context.Experiment, id, cancellationToken).ConfigureAwait(false)
                    ?? throw new UsageException($"Run '{id}' is an experiment without a stored report in {context.Store.Description}.");
                if (stored.ForgottenTraces > 0)
                {
                    context.Output.Notice($"This experiment was computed with {stored.ForgottenTraces} trace(s) forgotten since: its figures include them, and their ids were removed from its folds. "
                        + "Run the experiment again for figures without them.");
                }

                return await WriteAsync(context, report, id, context.Parse.GetValue(html), context.Parse.GetValue(markdown), gate: null, cancellationToken).ConfigureAwait(false);
            }

            return await AgreementAsync(context, stored, context.Parse.GetValue(html), context.Parse.GetValue(markdown), cancellationToken).ConfigureAwait(false);
        }, readOnly: true);
        return command;
    }

    private static (Option<FileInfo?> Html, Option<FileInfo?> Markdown) Outputs() =>
        (new Option<FileInfo?>("--html") { Description = "Also write a self-contained HTML report with charts." },
         new Option<FileInfo?>("--markdown") { Description = "Also write a Markdown report." });

    // spend: what this command paid (an experiment it ran); null when it reports a stored one.
    private static async Task<int> WriteAsync(CommandContext context, ExperimentReport report, string runId, FileInfo? html, FileInfo? markdown, GateOutcome? gate,
        CancellationToken cancellationToken, TokenSpend? spend = null)
    {
        context.Output.Line(ExperimentReportWriter.ToConsoleTable(report));
        if (spend is not null)
        {
            context.Output.Line(spend.Describe());
        }

        context.Output.Line($"Saved as run {runId}.");
        await WriteFilesAsync(context, html, () => ExperimentReportWriter.ToHtml(report), markdown, () => ExperimentReportWriter.ToMarkdown(report), cancellationToken).ConfigureAwait(false);
        GateReport.Print(context.Output, gate);

        context.Output.Result(ExperimentResult.From(report, runId) with { Gate = GateJson.From(gate), Usage = spend is null ? null : TokenSpendJson.From(spend) });
        return gate is { Passed: false } ? ExitCodes.GateFailed : ExitCodes.Ok;
    }

    // An evaluation run: each judge's values against the human labels of the same name on the same traces, as text and, if asked, files.
    private static async Task<int> AgreementAsync(CommandContext context, EvaluationRun run, FileInfo? html, FileInfo? markdown, CancellationToken cancellationToken)
    {
        if (run is not { JudgeName: { } name, JudgeVersion: { } version })
        {
            throw new UsageException($"Run '{run.Id}' does not say which registered judge and version it evaluated, so it has no report.");
        }

        var registered = await context.Store.GetJudgeAsync(run.Experiment, name, version, cancellationToken).ConfigureAwait(false)
            ?? throw new UsageException($"Run '{run.Id}' evaluated '{name}' version {version}, which is no longer registered; its report needs the judge's definition.");
        var report = await EvaluationReportAsync(context, run, registered.Definition, cancellationToken).ConfigureAwait(false);
        context.Output.Line(EvaluationReportWriter.ToText(report).TrimEnd());
        await WriteFilesAsync(context, html, () => EvaluationReportWriter.ToHtml(report), markdown, () => EvaluationReportWriter.ToMarkdown(report), cancellationToken).ConfigureAwait(false);
        context.Output.Result(EvaluationReportResult.From(report, version));
        return ExitCodes.Ok;
    }

    // The report files the user asked for, each named on its own line once written.
    private static async Task WriteFilesAsync(CommandContext context, FileInfo? html, Func<string> htmlText, FileInfo? markdown, Func<string> markdownText, CancellationToken cancellationToken)
    {
        foreach (var (file, text, kind) in new[] { (html, htmlText, "HTML"), (markdown, markdownText, "Markdown") })
        {
            if (file is not null)
            {
                await File.WriteAllTextAsync(file.FullName, text(), cancellationToken).ConfigureAwait(false);
                context.Output.Line($"{kind} report: {file.FullName}");
            }
        }
    }

    /// <summary>The agreement of a run's results with the experts' labels on the traces it judged.</summary>
    public static async Task<EvaluationReport> EvaluationReportAsync(CommandContext context, EvaluationRun run, JudgeDefinition judge, CancellationToken cancellationToken)
    {
        var results = await context.Store.GetEvaluationResultsAsync(context.Experiment, run.Id, cancellationToken).ToListAsync(cancellationToken).ConfigureAwait(false);
        var traces = await context.Store.GetTracesAsync(run.Experiment, results.Select(r => r.TraceId).Distinct().ToList(), cancellationToken).ConfigureAwait(false);
        return EvaluationReport.Build(run, judge, results, traces);
    }
}
