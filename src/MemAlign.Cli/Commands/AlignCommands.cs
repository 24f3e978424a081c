using System.CommandLine;
using System.Text.Json.Nodes;
using MemAlign.Storage;

namespace MemAlign.Cli.Commands;

/// <summary><c>memalign align</c> and <c>memalign unalign</c>: change a judge's memory and register the result as its next version.</summary>
internal static class AlignCommands
{
    public static Command Align(GlobalOptions options)
    {
        var judge = new Option<string>("--judge") { Description = "The registered judge.", Required = true };
        var traces = new Option<string?>("--traces") { Description = "Which traces to learn from (default: those with human feedback named like the judge)." };
        var command = new Command("align", "Align a judge with the human feedback on stored traces and register the aligned version.") { judge, traces };
        CommandRunner.SetBody(command, options, async (context, cancellationToken) =>
        {
            var registered = await context.JudgeAsync(context.Parse.GetValue(judge)!, null, cancellationToken).ConfigureAwait(false);
            var query = context.Parse.GetValue(traces) is { } filter ? TraceFilter.Parse(filter) : new TraceQuery { HasHumanFeedback = registered.Info.Name };
            var selected = await context.Store.SearchTracesAsync(context.Experiment, query, cancellationToken).ToListAsync(cancellationToken).ConfigureAwait(false);
            if (selected.Count == 0)
            {
                throw new UsageException($"No stored trace matches; import traces with human feedback named '{registered.Info.Name}' first (memalign import FILE).");
            }

            MemoryAlignment outcome;
            try
            {
                outcome = await context.Models.Optimizer(registered.Definition).AlignAsync(registered.Definition, registered.Memory, selected, cancellationToken).ConfigureAwait(false);
            }
            catch (InvalidOperationException e)
            {
                throw new UsageException(e.Message);
            }

            return await FinishAsync(context, "Aligned", registered, outcome, cancellationToken).ConfigureAwait(false);
        });
        return command;
    }

    public static Command Unalign(GlobalOptions options)
    {
        var judge = new Option<string>("--judge") { Description = "The registered judge.", Required = true };
        var trace = new Option<string[]>("--trace") { Description = "Traces whose feedback to remove (repeat, or list several).", Required = true, AllowMultipleArgumentsPerToken = true };
        var redistill = new Option<bool>("--redistill") { Description = "Re-distil the guidelines that lost sources (calls the reflection model)." };
        var command = new Command("unalign", "Remove what a judge learned from some traces and register the result.") { judge, trace, redistill };
        CommandRunner.SetBody(command, options, async (context, cancellationToken) =>
        {
            var registered = await context.JudgeAsync(context.Parse.GetValue(judge)!, null, cancellationToken).ConfigureAwait(false);
            var outcome = await context.Models.Optimizer(registered.Definition).UnalignAsync(registered.Definition, registered.Memory,
                context.Parse.GetValue(trace)!, context.Parse.GetValue(redistill), cancellationToken).ConfigureAwait(false);
            return await FinishAsync(context, "Unaligned", registered, outcome, cancellationToken).ConfigureAwait(false);
        });
        return command;
    }

    private static async Task<int> FinishAsync(CommandContext context, string verb, RegisteredJudge registered, MemoryAlignment outcome, CancellationToken cancellationToken)
    {
        var info = await context.Store.RegisterJudgeAsync(context.Experiment, registered.Definition, outcome.Memory, null, cancellationToken).ConfigureAwait(false);
        var report = outcome.Report;
        context.Output.Line($"{verb} '{info.Name}': {report}");
        foreach (var failure in report.Failures)
        {
            context.Output.Line($"  distillation failed for {string.Join(", ", failure.TraceIds)}: {failure.Reason}");
        }

        context.Output.Line($"Registered '{info.Name}' version {info.Version}: {info.Guidelines} guideline(s), {info.Examples} example(s).");
        context.Output.Result(new JsonObject
        {
            ["judge"] = info.Name,
            ["version"] = info.Version,
            ["guidelines"] = info.Guidelines,
            ["examples"] = info.Examples,
            ["model_calls"] = report.ModelCalls,
            ["examples_added"] = report.ExamplesAdded,
            ["examples_removed"] = report.ExamplesRemoved,
            ["guidelines_added"] = report.GuidelinesAdded,
            ["guidelines_dropped"] = report.GuidelinesDropped,
            ["failures"] = report.Failures.Count,
            ["skipped"] = new JsonArray([.. report.SkippedTraces.Select(s => (JsonNode)new JsonObject { ["trace"] = s.TraceId, ["reason"] = s.Reason })]),
        });
        return report.IsComplete ? ExitCodes.Ok : ExitCodes.Findings;
    }
}
