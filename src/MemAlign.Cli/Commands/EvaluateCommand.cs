using System.CommandLine;
using MemAlign.Cli.Json;
using MemAlign.Evaluation;
using MemAlign.Storage;
using Spectre.Console;

namespace MemAlign.Cli.Commands;

/// <summary><c>memalign evaluate --judge NAME</c>: run a registered judge over stored traces, saving results as a run.</summary>
internal static class EvaluateCommand
{
    public static Command Create(GlobalOptions options)
    {
        var judge = new Option<string>("--judge") { Description = "The registered judge.", Required = true };
        var version = new Option<int?>("--version") { Description = "The judge's version (default: the latest)." };
        var filter = new Option<string?>("--filter") { Description = "Which traces: tag.KEY=VALUE feedback=NAME judged=NAME from=DATE to=DATE limit=N." };
        var resume = new Option<string?>("--resume") { Description = "An earlier run to continue without repeating finished calls." };
        var concurrency = new Option<int>("--concurrency") { Description = "Judge calls in flight at once.", DefaultValueFactory = _ => 8 };
        concurrency.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() < 1)
            {
                result.AddError($"--concurrency is how many judge calls are in flight at once: at least 1, not {result.GetValueOrDefault<int>()}.");
            }
        });
        var cascade = new Option<double?>("--cascade")
        {
            Description = "Local-first cascade: the local judge, voting with the judge's aligned examples, answers where its confidence reaches THRESHOLD (0 to 1), "
                + "the model the rest; choose THRESHOLD with 'memalign experiment --cascade'. Needs a model.",
            HelpName = "THRESHOLD",
        };
        cascade.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<double?>() is { } t && (t is < 0 or > 1 || double.IsNaN(t)))
            {
                result.AddError($"--cascade is the confidence the local judge must reach to answer: from 0 to 1, not {t.ToString(System.Globalization.CultureInfo.InvariantCulture)}.");
            }
        });
        var batch = new Option<bool>("--batch") { Description = "Send the evaluation through the provider's Batch API (OpenAI: answered within 24 hours, at the batch price); the batch is saved with the run, so --resume collects it." };
        var poll = new Option<double>("--poll-interval") { Description = "Seconds between looks at a running batch.", DefaultValueFactory = _ => 30 };
        poll.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<double>() is var seconds && (seconds < 0 || !double.IsFinite(seconds)))
            {
                result.AddError($"--poll-interval is how many seconds to wait between looks at a batch: zero or more, not {seconds}.");
            }
        });
        var price = new PriceOption();
        var command = new Command("evaluate", "Run a judge over stored traces; results are saved as a run as they finish.") { judge, version, filter, resume, concurrency, cascade, price.Option, batch, poll };
        var gates = new GateOptions();
        gates.AddTo(command);
        CommandRunner.SetBody(command, options, async (context, cancellationToken) =>
        {
            var name = context.Parse.GetValue(judge)!;
            var flagPrice = price.Read(context.Parse); // a malformed price fails before anything is paid for
            (string RunId, int? Version)? resumed = context.Parse.GetValue(resume) is { } runId ? await ResumableAsync(context, runId, name, context.Parse.GetValue(version), cancellationToken).ConfigureAwait(false) : null;
            var registered = await context.JudgeAsync(name, resumed?.Version ?? context.Parse.GetValue(version), cancellationToken).ConfigureAwait(false);
            var gate = gates.Read(context.Parse);
            gate?.Validate(registered.Definition, experiment: false);
            var threshold = context.Parse.GetValue(cascade);
            if (threshold is not null && !context.Models.IsOnline)
            {
                throw new UsageException("--cascade sends the traces the local judge is unsure of to a model, and no model is configured (OPENAI_API_KEY / OPENAI_BASE_URL): "
                    + "without one, evaluate already runs the local judge on every trace. 'memalign experiment --cascade' studies the cascade offline.");
            }

            IJudge scorer = threshold is { } t ? context.Models.Judge(registered).WithCascade(t) : context.Models.Judge(registered);
            var query = TraceFilter.Parse(context.Parse.GetValue(filter));
            if (!await context.Store.SearchTracesAsync(context.Experiment, query with { Limit = 1 }, cancellationToken).AnyAsync(cancellationToken).ConfigureAwait(false))
            {
                throw new UsageException(context.Parse.GetValue(filter) is { } text
                    ? $"No stored trace matches --filter '{text}' in experiment '{context.Experiment}': nothing to judge, so no run was saved. Check the filter (every term must hold)."
                    : $"Experiment '{context.Experiment}' of {context.Store.Description} holds no traces: nothing to judge, so no run was saved; import traces first (memalign import FILE).");
            }

            // A batch run goes on by batch: resuming it streaming would pay again for rows a batch at the provider holds,
            // also one the run never saved (the tool marks its batch runs, and the resume finds such a batch by its metadata).
            var batched = context.Parse.GetValue(batch) || (resumed is { RunId: var id } && await IsBatchRunAsync(context, id, cancellationToken).ConfigureAwait(false));
            var evaluation = new EvaluationOptions
            {
                Store = context.Store,
                Experiment = context.Experiment,
                RunName = $"evaluate {registered.Info.Name}@{registered.Info.Version}",
                RunSettings = batched ? new Dictionary<string, string> { [BatchRunSetting] = "batch" } : new Dictionary<string, string>(),
                JudgeVersion = registered.Info.Version,
                ResumeRunId = resumed?.RunId,
                MaxConcurrency = context.Parse.GetValue(concurrency),
            };
            var traces = context.Store.SearchTracesAsync(context.Experiment, query, cancellationToken);
            var result = batched
                ? await BatchEvaluation.RunAsync(context, registered.Info.Name, scorer, traces, evaluation, TimeSpan.FromSeconds(context.Parse.GetValue(poll)), cancellationToken).ConfigureAwait(false)
                : await ProgressDisplay.RunAsync(context.Output, $"Judging with {registered.Info.Name}",
                    progress => Evaluator.RunAsync([scorer], traces, evaluation, progress, cancellationToken)).ConfigureAwait(false);

            context.Output.Line($"Run {result.RunId}: {result.Completed} judged now ({result.Errors} error(s)), {result.Resumed} kept from before.");
            BatchEvaluation.Print(context, registered.Info.Name, result);
            foreach (var failed in result.Failed.Take(10))
            {
                context.Output.Line($"  {failed.TraceId}: {failed.Error}");
            }

            if (Json.CascadeRunJson.From(threshold, result.Records) is { } stages)
            {
                context.Output.Line(FormattableString.Invariant(
                    $"Cascade at threshold {stages.Threshold:0.00}: {stages.AnsweredLocally} answered by the local judge (no model call), {stages.AnsweredByModel} by the model; {stages.ModelCallsSaved} model call(s) saved")
                    + (stages.Unanswered > 0 ? FormattableString.Invariant($"; {stages.Unanswered} answered by neither (an error before either stage, or kept from before without the cascade).") : "."));
            }

            var spend = TokenSpend.Of(result.Records, context.Settings, flagPrice);
            context.Output.Line(spend.Describe());

            // The agreement with the experts' labels on the judged traces, when there are any.
            var run = (await context.Store.GetEvaluationRunAsync(context.Experiment, result.RunId!, cancellationToken).ConfigureAwait(false))!;
            var report = await ExperimentCommands.EvaluationReportAsync(context, run, registered.Definition, cancellationToken).ConfigureAwait(false);
            context.Output.Line(Reporting.EvaluationReportWriter.ToText(report).TrimEnd());
            context.Output.Line($"Full report with every disagreement: memalign report {result.RunId} --html report.html");
            var outcome = gate?.Check(report);
            GateReport.Print(context.Output, outcome);

            context.Output.Result(EvaluateResult.From(report, registered.Info.Version, result, outcome, spend, threshold));
            return outcome is not null ? (outcome.Passed ? ExitCodes.Ok : ExitCodes.GateFailed) : result.Errors == 0 ? ExitCodes.Ok : ExitCodes.Findings;
        });
        return command;
    }

    // A run continues with its own judge and version: results of another judge or version would mix in under its name.
    /// <summary>The run setting that marks a run the tool sends by batch (<c>mode: batch</c>).</summary>
    private const string BatchRunSetting = "mode";

    // Marked as one, or holding a saved batch (a run from before the mark).
    private static async Task<bool> IsBatchRunAsync(CommandContext context, string runId, CancellationToken cancellationToken) =>
        (await context.Store.GetEvaluationRunAsync(context.Experiment, runId, cancellationToken).ConfigureAwait(false))?.Settings.GetValueOrDefault(BatchRunSetting) == "batch"
        || (await context.Store.GetEvaluationBatchesAsync(context.Experiment, runId, cancellationToken).ConfigureAwait(false)).Count > 0;

    private static async Task<(string RunId, int? Version)> ResumableAsync(CommandContext context, string runId, string judge, int? version, CancellationToken cancellationToken)
    {
        var run = await context.Store.GetEvaluationRunAsync(context.Experiment, runId, cancellationToken).ConfigureAwait(false)
            ?? throw new UsageException($"There is no run '{runId}' to resume in experiment '{context.Experiment}' of {context.Store.Description} (a run is resumed in its own --experiment).");

        if (run.Kind != EvaluationRunKind.Evaluation || run is not { JudgeName: { } runJudge, JudgeVersion: { } runVersion })
        {
            throw new UsageException(run.Kind == EvaluationRunKind.Experiment
                ? $"Run '{runId}' is an experiment, not an evaluation run: it has a report (memalign report {runId}) and nothing to resume."
                : $"Run '{runId}' is not an evaluation run this tool can resume (it does not say which registered judge and version it ran).");
        }

        if (runJudge != judge)
        {
            throw new UsageException($"Run '{runId}' evaluated judge '{runJudge}', not '{judge}'; resume it with --judge {runJudge}, or start a new run for '{judge}'.");
        }

        if (version is { } asked && asked != runVersion)
        {
            throw new UsageException($"Run '{runId}' evaluated version {runVersion} of '{judge}', not version {asked}; resume it without --version (it continues with version {runVersion}), or start a new run.");
        }

        // The number alone is not the version: a store written before numbers were kept unique may hold another version under it.
        var registered = await context.Store.GetJudgeAsync(context.Experiment, judge, runVersion, cancellationToken).ConfigureAwait(false)
            ?? throw new UsageException($"Run '{runId}' evaluated version {runVersion} of '{judge}', which was deleted since; its results cannot be continued with another version: start a new run.");
        if (registered.Info.CreatedAt > run.CreatedAt)
        {
            throw new UsageException($"Run '{runId}' evaluated an earlier version {runVersion} of '{judge}' (deleted since): the version {runVersion} registered now, on {registered.Info.CreatedAt:u}, is another one. Start a new run.");
        }

        return (run.Id, runVersion);
    }
}
