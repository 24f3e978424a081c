using System.CommandLine;
using MemAlign.Cli.Json;
using MemAlign.Storage;

namespace MemAlign.Cli.Commands;

/// <summary>
/// <c>memalign align</c> and <c>memalign unalign</c>: change a judge's memory and register the result as its
/// next version. A version records the one it was built on; when another process registered a version
/// meanwhile, the change is made again on that one (unchanged feedback costs nothing), so no concurrent
/// align is ever lost.
/// </summary>
internal static class AlignCommands
{
    // Enough for a team's concurrent aligns; past it, the judge is changing faster than it can be aligned.
    private const int MaxRebases = 20;

    public static Command Align(GlobalOptions options)
    {
        var judge = new Option<string>("--judge") { Description = "The registered judge.", Required = true };
        var traces = new Option<string?>("--traces") { Description = "Which traces to learn from (default: those with human feedback named like the judge)." };
        var labels = new LabelOptions();
        var output = OutOption();
        var price = new PriceOption();
        var command = new Command("align", "Align a judge with the human feedback on stored traces and register the aligned version.") { judge, traces, output, price.Option };
        labels.AddTo(command);
        CommandRunner.SetBody(command, options, async (context, cancellationToken) =>
        {
            var name = context.Parse.GetValue(judge)!;
            var flagPrice = price.Read(context.Parse);
            var first = await context.JudgeAsync(name, null, cancellationToken).ConfigureAwait(false);
            var query = context.Parse.GetValue(traces) is { } filter ? TraceFilter.Parse(filter) : new TraceQuery { HasHumanFeedback = first.Info.Name };
            var selected = await context.Store.SearchTracesAsync(context.Experiment, query, cancellationToken).ToListAsync(cancellationToken).ConfigureAwait(false);
            if (selected.Count == 0)
            {
                throw new UsageException($"No stored trace matches; import traces with human feedback named '{first.Info.Name}' first (memalign import FILE).");
            }

            // The experts' agreement is checked before alignment is paid for.
            var resolution = labels.Resolution(context.Parse);
            var agreement = labels.Check(context, first.Definition, selected);
            return await RegisterOnLatestAsync(context, "Aligned", name, resolution, (registered, optimizer) =>
                optimizer.AlignAsync(registered.Definition, registered.Memory, selected, cancellationToken), context.Parse.GetValue(output), flagPrice, cancellationToken, agreement).ConfigureAwait(false);
        });
        return command;
    }

    public static Command Unalign(GlobalOptions options)
    {
        var judge = new Option<string>("--judge") { Description = "The registered judge.", Required = true };
        var trace = new Option<string[]>("--trace") { Description = "Traces whose feedback to remove (repeat, or list several).", Required = true, AllowMultipleArgumentsPerToken = true };
        var redistill = new Option<bool>("--redistill") { Description = "Re-distil the guidelines that lost sources (calls the reflection model)." };
        var output = OutOption();
        var price = new PriceOption();
        var command = new Command("unalign", "Remove what a judge learned from some traces and register the result.") { judge, trace, redistill, output, price.Option };
        CommandRunner.SetBody(command, options, (context, cancellationToken) =>
            RegisterOnLatestAsync(context, "Unaligned", context.Parse.GetValue(judge)!, null, (registered, optimizer) =>
                optimizer.UnalignAsync(registered.Definition, registered.Memory, context.Parse.GetValue(trace)!, context.Parse.GetValue(redistill), cancellationToken),
                context.Parse.GetValue(output), price.Read(context.Parse), cancellationToken));
        return command;
    }

    // Builds the new memory on the latest version and registers it on that version; if another writer
    // registered one meanwhile, builds again on theirs.
    private static async Task<int> RegisterOnLatestAsync(CommandContext context, string verb, string name, LabelResolution? labels,
        Func<RegisteredJudge, IAlignmentOptimizer, Task<AlignedMemory>> change, string? outPath, ModelPrice? flagPrice, CancellationToken cancellationToken,
        HumanAgreementCheckJson? humanAgreement = null)
    {
        for (var attempt = 1; ; attempt++)
        {
            var registered = await context.JudgeAsync(name, null, cancellationToken).ConfigureAwait(false);
            AlignedMemory outcome;
            try
            {
                outcome = await change(registered, context.Models.Optimizer(registered.Definition, registered.Memory, labels)).ConfigureAwait(false);
            }
            catch (InvalidOperationException e)
            {
                throw new UsageException(e.Message);
            }

            try
            {
                // The label schema registered with the judge comes with each new version.
                var info = await context.Store.RegisterJudgeAsync(context.Experiment, registered.Definition, outcome.Memory, null, registered.Info.Version, registered.LabelSchema,
                    cancellationToken).ConfigureAwait(false);
                if (info.Examples < outcome.Memory.Examples.Count || info.Guidelines < outcome.Memory.Guidelines.Count)
                {
                    context.Output.Notice($"Traces were forgotten while this ran: version {info.Version} was registered without their {outcome.Memory.Examples.Count - info.Examples} example(s) "
                        + $"and the {outcome.Memory.Guidelines.Count - info.Guidelines} guideline(s) that drew on them (the next align distils again from what remains).");
                }

                // The file is the version as registered (read back), so it equals what 'judges export' writes for it.
                var file = outPath is null ? null
                    : await MemoryFileCommands.ExportAsync(context, await context.JudgeAsync(name, info.Version, cancellationToken).ConfigureAwait(false), outPath, cancellationToken)
                        .ConfigureAwait(false);
                var spend = TokenSpend.Of(context.Models.ModelName(registered.Definition), outcome.Report.Usage, outcome.Report.ModelCalls, context.Settings, flagPrice);
                return Finish(context, verb, info, outcome.Report, humanAgreement, file, spend);
            }
            catch (StaleJudgeVersionException e) when (attempt < MaxRebases)
            {
                context.Output.Notice($"Version {e.LatestVersion} of '{name}' was registered while this ran on version {e.BaseVersion}; doing it again on version {e.LatestVersion}.");
            }
            catch (StaleJudgeVersionException e)
            {
                throw new FindingsException($"{e.Message} Gave up after {MaxRebases} attempts: other writers keep registering versions of '{name}'. Run it again when they are done.");
            }
        }
    }

    private static Option<string?> OutOption() =>
        new("--out") { Description = "Also write the registered version as a reviewable memory file, such as judges/helpfulness.memalign.json (its folder is created)." };

    private static int Finish(CommandContext context, string verb, JudgeVersionInfo info, AlignmentReport report, HumanAgreementCheckJson? humanAgreement, MemoryFileJson? file,
        TokenSpend spend)
    {
        context.Output.Line($"{verb} '{info.Name}': {report}");
        if (report.LabelResolution.MultiplyLabelled > 0)
        {
            context.Output.Line($"  labels: {report.LabelResolution}");
        }

        foreach (var failure in report.Failures)
        {
            context.Output.Line($"  distillation failed for {string.Join(", ", failure.TraceIds)}: {failure.Reason}");
        }

        // Every label alignment could not use, with the reason: nothing is dropped without a word.
        foreach (var skipped in report.SkippedTraces)
        {
            context.Output.Line($"  trace {skipped.TraceId} not used: {skipped.Reason}");
        }

        foreach (var discarded in report.DiscardedAssessments)
        {
            context.Output.Line($"  label {discarded.AssessmentId} on trace {discarded.TraceId} not used: {discarded.Reason}");
        }

        context.Output.Line($"Registered '{info.Name}' version {info.Version} (built on version {info.BaseVersion?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none"}): "
            + $"{info.Guidelines} guideline(s), {info.Examples} example(s).");
        context.Output.Line(spend.Describe());
        context.Output.Result(AlignResult.From(info, report, humanAgreement, file, spend));
        return report.IsComplete ? ExitCodes.Ok : ExitCodes.Findings;
    }
}
