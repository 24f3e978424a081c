using System.CommandLine;
using MemAlign.Cli.Json;
using MemAlign.Evaluation;
using MemAlign.Labeling;
using MemAlign.Reporting;
using MemAlign.Storage;

namespace MemAlign.Cli.Commands;

/// <summary>
/// <c>memalign label</c>: labeling sessions for domain experts. <c>create</c>, <c>list</c>, <c>status</c> and
/// <c>simulate</c> here; <c>serve</c> (the browser app) in <see cref="LabelServeCommand"/>.
/// </summary>
internal static class LabelCommands
{
    // The --order values, by the names --help lists; simulate takes the first two.
    private static readonly Choice<LabelingOrder>[] Orders = [new("uncertain", LabelingOrder.Uncertain), new("random", LabelingOrder.Random), new("disagreement", LabelingOrder.Disagreement)];

    public static Command Create(GlobalOptions options)
    {
        var label = new Command("label", "Labeling sessions: experts label stored traces in a local browser app, and their labels are feedback at once.");
        label.Subcommands.Add(CreateSession(options));
        label.Subcommands.Add(List(options));
        label.Subcommands.Add(Status(options));
        label.Subcommands.Add(LabelServeCommand.Create(options));
        label.Subcommands.Add(Simulate(options));
        return label;
    }

    private static Command List(GlobalOptions options)
    {
        var command = new Command("list", "The experiment's labeling sessions.");
        CommandRunner.SetBody(command, options, async (context, cancellationToken) =>
        {
            var sessions = await context.Store.ListLabelingSessionsAsync(context.Experiment, cancellationToken).ConfigureAwait(false);
            foreach (var session in sessions)
            {
                context.Output.Line($"{session.Name}: judge '{session.JudgeName}', {session.TraceIds.Count} trace(s), {session.LabelsPerTrace} label(s) each, order {Name(session.Order)}"
                    + (session.Reviewers.Count > 0 ? $", reviewers {string.Join(", ", session.Reviewers)}" : ""));
            }

            if (sessions.Count == 0)
            {
                context.Output.Line($"No labeling session in experiment '{context.Experiment}'; create one with memalign label create --name NAME --judge JUDGE.");
            }

            context.Output.Result(new LabelListResult([.. sessions.Select(LabelingSessionJson.From)]));
            return ExitCodes.Ok;
        }, readOnly: true);
        return command;
    }

    private static Command CreateSession(GlobalOptions options)
    {
        var name = new Option<string>("--name") { Description = "The session's name.", Required = true };
        var judge = new Option<string>("--judge") { Description = "The registered judge the labels are for.", Required = true };
        var filter = new Option<string?>("--filter") { Description = "Which traces to label (default: every trace of the experiment): tag.KEY=VALUE feedback=NAME judged=NAME from=DATE to=DATE limit=N." };
        var reviewers = new Option<string[]>("--reviewers") { Description = "Who labels (comma-separated or repeated); each gets a link of their own. Default: anyone with the session's link.", AllowMultipleArgumentsPerToken = true };
        var perTrace = new Option<int>("--per-trace") { Description = "Labels each trace should get from different reviewers (1, 2 or 3).", DefaultValueFactory = _ => 1 };
        var order = ChoiceOption.One("--order",
            "uncertain (where the judge's memory is least sure, or disagrees with the judge, first), random, or disagreement (where reviewers disagree first).", Orders);
        var seed = new Option<int>("--seed") { Description = "Seed of the random order.", DefaultValueFactory = _ => 42 };
        var showJudge = ChoiceOption.One("--show-judge",
            "When reviewers see the judge's verdict and the examples it recalled: after (their own label, as feedback: labels stay blind), before (labels anchor on the judge; agreement figures leave them out unless asked), or never.",
            ShowJudgeChoices);
        var command = new Command("create", "Create a labeling session over stored traces for one judge.") { name, judge, filter, reviewers, perTrace, order, seed, showJudge };
        CommandRunner.SetBody(command, options, async (context, cancellationToken) =>
        {
            var registered = await context.JudgeAsync(context.Parse.GetValue(judge)!, null, cancellationToken).ConfigureAwait(false);
            var sortOrder = context.Parse.GetValue(order)!.Value;
            var filterText = context.Parse.GetValue(filter);
            var traces = await context.Store.SearchTracesAsync(context.Experiment, TraceFilter.Parse(filterText), cancellationToken).ToListAsync(cancellationToken).ConfigureAwait(false);
            if (traces.Count == 0)
            {
                throw new UsageException($"No stored trace matches{(filterText is null ? "" : $" '{filterText}'")} in experiment '{context.Experiment}'; import traces first (memalign import FILE).");
            }

            var ids = await OrderAsync(context, registered, traces, sortOrder, context.Parse.GetValue(seed), cancellationToken).ConfigureAwait(false);
            var session = new LabelingSession
            {
                Name = context.Parse.GetValue(name)!,
                Experiment = context.Experiment,
                JudgeName = registered.Info.Name,
                Filter = filterText,
                Reviewers = [.. (context.Parse.GetValue(reviewers) ?? []).SelectMany(r => r.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))],
                LabelsPerTrace = context.Parse.GetValue(perTrace),
                Order = sortOrder,
                TraceIds = ids,
                CreatedAt = DateTimeOffset.UtcNow,
                ShowJudge = context.Parse.GetValue(showJudge)!.Value,
            };
            try
            {
                await context.Store.CreateLabelingSessionAsync(session, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is ArgumentException or InvalidOperationException)
            {
                throw UsageException.From(e);
            }

            context.Output.Line($"Created labeling session '{session.Name}' for judge '{session.JudgeName}': {ids.Count} trace(s), {session.LabelsPerTrace} label(s) each, "
                + $"order {Name(sortOrder)}{(session.Reviewers.Count > 0 ? $", reviewers {string.Join(", ", session.Reviewers)}" : "")}, the judge shown {ShowJudgeText(session.ShowJudge)}. "
                + $"Serve it with: memalign label serve --session {session.Name}");
            context.Output.Result(new LabelCreateResult(session.Name, session.JudgeName, ids.Count, Name(sortOrder), [.. ids.Take(10)], ShowJudgeName(session.ShowJudge)));
            return ExitCodes.Ok;
        });
        return command;
    }

    private static readonly Choice<JudgeVisibility>[] ShowJudgeChoices =
        [new("after", JudgeVisibility.AfterLabel), new("before", JudgeVisibility.BeforeLabel), new("never", JudgeVisibility.Never)];

    /// <summary>The --show-judge name of <paramref name="show"/>.</summary>
    internal static string ShowJudgeName(JudgeVisibility show) => ShowJudgeChoices.First(c => c.Value == show).Name;

    private static string ShowJudgeText(JudgeVisibility show) => show switch
    {
        JudgeVisibility.AfterLabel => "after each reviewer's own label (blind labels)",
        JudgeVisibility.BeforeLabel => "before labelling (labels anchor on it)",
        _ => "never",
    };

    // The queue's order. Uncertain ranks with the judge's own memory (no model call) and its last evaluation's verdicts.
    private static async Task<List<string>> OrderAsync(CommandContext context, RegisteredJudge registered, List<Trace> traces, LabelingOrder order, int seed, CancellationToken cancellationToken)
    {
        var shuffled = traces.Select(t => t.Id).ToArray();
        new Random(seed).Shuffle(shuffled);
        switch (order)
        {
            case LabelingOrder.Random:
                return [.. shuffled];
            case LabelingOrder.Disagreement:
                return [.. DisagreementRanking.Order(registered.Definition, traces)];
            default:
                if (registered.Memory.Examples.Count == 0)
                {
                    context.Output.Notice($"Judge '{registered.Info.Name}' has no memory yet, so nothing can say where it is unsure: the queue is in random order. Align it on the first labels, then create the next session.");
                    return [.. shuffled];
                }

                var verdicts = await LastVerdictsAsync(context, registered.Info.Name, cancellationToken).ConfigureAwait(false);
                var scores = await UncertaintyRanking.ScoreAsync(registered.Definition, registered.Memory, context.Models.Embedder(registered.Memory), traces, verdicts, cancellationToken).ConfigureAwait(false);
                return [.. UncertaintyRanking.Order(scores)];
        }
    }

    // The judge's verdicts from its most recent evaluation run, by trace.
    private static async Task<Dictionary<string, FeedbackValue>> LastVerdictsAsync(CommandContext context, string judge, CancellationToken cancellationToken)
    {
        var last = await context.Store.GetLatestEvaluationRunAsync(context.Experiment, judge, cancellationToken).ConfigureAwait(false);
        var verdicts = new Dictionary<string, FeedbackValue>(StringComparer.Ordinal);
        if (last is not null)
        {
            await foreach (var record in context.Store.GetEvaluationResultsAsync(context.Experiment, last.Id, cancellationToken).ConfigureAwait(false))
            {
                if (record.JudgeName == judge && record.Value is { } value)
                {
                    verdicts[record.TraceId] = value;
                }
            }
        }

        return verdicts;
    }

    private static Command Status(GlobalOptions options)
    {
        var name = new Argument<string>("name") { Description = "The session." };
        var includeNonBlind = new Option<bool>("--include-non-blind") { Description = "Count labels given after the reviewer saw the judge's verdict in the agreement figures (left out by default: they anchor on the judge)." };
        var command = new Command("status", "A session's progress per reviewer, the reviewers' agreement and the judge's agreement with them.") { name, includeNonBlind };
        CommandRunner.SetBody(command, options, async (context, cancellationToken) =>
        {
            var session = await context.Store.GetLabelingSessionAsync(context.Experiment, context.Parse.GetValue(name)!, cancellationToken).ConfigureAwait(false)
                ?? throw new UsageException($"There is no labeling session '{context.Parse.GetValue(name)}' in experiment '{context.Experiment}'; list them with memalign label list.");
            var registered = await context.JudgeAsync(session.JudgeName, null, cancellationToken).ConfigureAwait(false);
            var traces = await context.Store.GetTracesAsync(context.Experiment, session.TraceIds.ToList(), cancellationToken).ConfigureAwait(false);
            var withNonBlind = context.Parse.GetValue(includeNonBlind);
            var status = LabelingProgress.Status(session, traces, registered.Definition, withNonBlind);
            context.Output.Line($"Session '{session.Name}' (judge '{session.JudgeName}'): {status.Labels} label(s); {status.Complete} of {status.Traces} trace(s) have their {session.LabelsPerTrace} label(s).");
            foreach (var reviewer in status.Reviewers)
            {
                context.Output.Line($"  {reviewer.Reviewer}: {reviewer.Labelled} labelled, {reviewer.Remaining} waiting");
            }

            context.Output.Line($"Reviewers' agreement: {status.Agreement}.");
            if (status.Agreement.Statistics is { } humans)
            {
                context.Output.Line($"  mean pairwise Cohen's kappa {Figures.Value(humans.MeanCohensKappa)}, Fleiss' kappa {Figures.Value(humans.FleissKappa)}, "
                    + $"Krippendorff's alpha (nominal) {Figures.Value(humans.AlphaNominal)}" + (humans.AlphaInterval is { } interval ? $", (interval) {Figures.Value(interval)}" : ""));
            }

            var judgePairs = await JudgeAgreementAsync(context, session, registered, traces, withNonBlind, cancellationToken).ConfigureAwait(false);
            foreach (var pair in judgePairs)
            {
                context.Output.Line($"  judge vs {pair.Reviewer}: Cohen's kappa {Figures.Value(pair.Kappa)}{Figures.IntervalNote(pair.KappaInterval)} on {pair.SharedTraces} trace(s)");
            }

            if (judgePairs.Count > 0)
            {
                context.Output.Line($"  (references: the reviewers' agreement with each other above; always answering the most common label has kappa 0)");
            }

            if (judgePairs.Count == 0)
            {
                context.Output.Line("  judge: no verdicts on the labelled traces yet (offline the judge votes with its memory: align it on the labels first).");
            }

            context.Output.Result(LabelStatusResult.From(status, judgePairs));
            return ExitCodes.Ok;
        }, readOnly: true);
        return command;
    }

    // The judge's agreement with each reviewer. Offline its verdicts are computed now (the local judge: free); with a model,
    // status never spends tokens: it uses the judge's last evaluation run (memalign evaluate) and says so.
    private static async Task<IReadOnlyList<JudgeReviewerAgreement>> JudgeAgreementAsync(CommandContext context, LabelingSession session, RegisteredJudge registered, IReadOnlyList<Trace> traces,
        bool includeNonBlind, CancellationToken cancellationToken)
    {
        var labelled = traces.Where(t => LabelingProgress.LabelsOn(session, t).Count > 0).ToList();
        if (labelled.Count == 0)
        {
            return [];
        }

        if (context.Models.IsOnline)
        {
            var last = await LastVerdictsAsync(context, registered.Info.Name, cancellationToken).ConfigureAwait(false);
            context.Output.Notice(last.Count == 0
                ? $"The judge's agreement needs its verdicts: run memalign evaluate --judge {registered.Info.Name} (status calls no model)."
                : $"The judge's agreement is from its last evaluation run (status calls no model; run memalign evaluate --judge {registered.Info.Name} to refresh it).");
            return LabelingProgress.JudgeAgreement(session, traces, last, includeNonBlind: includeNonBlind);
        }

        if (registered.Memory.Examples.Count == 0)
        {
            return [];
        }

        var result = await Evaluator.RunAsync([context.Models.Judge(registered)], labelled, new EvaluationOptions(), cancellationToken: cancellationToken).ConfigureAwait(false);
        return LabelingProgress.JudgeAgreement(session, traces, result.Records.Where(r => r.IsOk).ToDictionary(r => r.TraceId, r => r.Value!, StringComparer.Ordinal),
            includeNonBlind: includeNonBlind);
    }

    private static Command Simulate(GlobalOptions options)
    {
        var judge = new Option<string>("--judge") { Description = "The registered judge.", Required = true };
        var traces = new Option<string?>("--traces") { Description = "Which labelled traces to replay (default: those with human feedback named like the judge)." };
        var order = ChoiceOption.Many("--order", "Orders to compare, repeated or comma-separated: uncertain, random.", Orders[..2]);
        var step = new Option<int>("--step") { Description = "Labels per step between re-alignments.", DefaultValueFactory = _ => 10 };
        var testShare = new Option<double>("--test-share") { Description = "Share of the labelled traces held out and scored after each step.", DefaultValueFactory = _ => 0.3 };
        var seed = new Option<int>("--seed") { Description = "Seed of the held-out split and the random order.", DefaultValueFactory = _ => 42 };
        var repeats = new Option<int>("--repeats") { Description = "Runs to average, each with its own held-out split and random order.", DefaultValueFactory = _ => 3 };
        var html = new Option<FileInfo?>("--html") { Description = "Also write the curves and the table as an HTML page." };
        var svg = new Option<FileInfo?>("--svg") { Description = "Also write the chart alone as an SVG image." };
        var command = new Command("simulate", "Replay labelled traces as if experts labelled them in an order, re-aligning every step: agreement against labels used, per order.")
            { judge, traces, order, step, testShare, seed, repeats, html, svg };
        CommandRunner.SetBody(command, options, async (context, cancellationToken) =>
        {
            var registered = await context.JudgeAsync(context.Parse.GetValue(judge)!, null, cancellationToken).ConfigureAwait(false);
            var query = context.Parse.GetValue(traces) is { } filter ? TraceFilter.Parse(filter) : new TraceQuery { HasHumanFeedback = registered.Info.Name };
            var selected = await context.Store.SearchTracesAsync(context.Experiment, query, cancellationToken).ToListAsync(cancellationToken).ConfigureAwait(false);
            var orders = context.Parse.GetValue(order)!.Select(o => o.Value).ToList();
            SimulationReport report;
            try
            {
                // The simulated experts start from nothing: a judge without memory, aligned step by step.
                report = await LabelingSimulation.RunAsync(context.Models.Baseline(registered.Definition), selected, context.Models.Optimizer(registered.Definition, JudgeMemory.Empty),
                    new SimulationOptions { Orders = orders, Step = context.Parse.GetValue(step), TestShare = context.Parse.GetValue(testShare), Seed = context.Parse.GetValue(seed), Repeats = context.Parse.GetValue(repeats) },
                    context.Output.Interactive ? new Progress<string>(context.Output.Notice) : null, cancellationToken).ConfigureAwait(false);
            }
            catch (ArgumentException e)
            {
                throw UsageException.From(e);
            }

            context.Output.Line(SimulationReportWriter.ToText(report).TrimEnd());
            if (context.Parse.GetValue(html) is { } page)
            {
                await File.WriteAllTextAsync(page.FullName, SimulationReportWriter.ToHtml(report), cancellationToken).ConfigureAwait(false);
                context.Output.Line($"HTML report: {page.FullName}");
            }

            if (context.Parse.GetValue(svg) is { } image)
            {
                await File.WriteAllTextAsync(image.FullName, SimulationReportWriter.ToSvg(report), cancellationToken).ConfigureAwait(false);
                context.Output.Line($"Chart: {image.FullName}");
            }

            context.Output.Result(LabelSimulateResult.From(report));
            return ExitCodes.Ok;
        });
        return command;
    }

    private static string Name(LabelingOrder order) => Orders.First(o => o.Value == order).Name;
}
