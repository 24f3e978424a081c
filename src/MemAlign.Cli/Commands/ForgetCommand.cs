using System.CommandLine;
using MemAlign.Cli.Json;

namespace MemAlign.Cli.Commands;

/// <summary><c>memalign forget --trace ID...</c>: remove traces and everything learned from them, and erase them from storage.</summary>
internal static class ForgetCommand
{
    public static Command Create(GlobalOptions options)
    {
        var trace = new Option<string[]>("--trace") { Description = "Traces to forget (repeat, or list several).", Required = true, AllowMultipleArgumentsPerToken = true };
        var memoryFiles = new Option<DirectoryInfo?>("--memory-files") { Description = "Also take the traces out of every *.memalign.json file under this folder, rewriting the files that held them." };
        var command = new Command("forget", "Forget traces: their assessments, results, and every example and guideline source from them, in every judge version.") { trace, memoryFiles };
        CommandRunner.SetBody(command, options, async (context, cancellationToken) =>
        {
            var ids = context.Parse.GetValue(trace)!;
            if (ids.Any(string.IsNullOrEmpty))
            {
                throw new UsageException("A --trace id is empty; name each trace to forget by its id (memalign forget --trace ID).");
            }

            // Every file is read before anything is forgotten: an invalid one stops the command with nothing done.
            var folder = context.Parse.GetValue(memoryFiles);
            IReadOnlyList<JudgeMemoryFile> files = folder is null ? [] : await MemoryFileCommands.ReadFolderAsync(folder, cancellationToken).ConfigureAwait(false);
            var report = await context.Store.ForgetAsync(context.Experiment, ids, cancellationToken).ConfigureAwait(false);
            var unmatched = report.UnmatchedTraceIds.Where(id => !MemoryFileCommands.Mentions(files, id)).ToList();
            if (report.UnmatchedTraceIds.Count < ids.Distinct(StringComparer.Ordinal).Count())
            {
                context.Output.Line($"Forgot {report.Traces} trace(s): {report.Assessments} assessment(s), {report.Examples} example(s), {report.EvaluationResults} evaluation result(s); "
                    + $"{report.GuidelinesDropped} guideline(s) that drew on them dropped (the next align distils again from what remains); "
                    + $"{report.RationalesWithheld} other verdict(s) lost their rationale, {report.RunsMarked} run(s) marked.");
                context.Output.Line(report.Guarantee);
            }

            IReadOnlyList<MemoryFileForgetJson> rewritten = folder is null ? []
                : await MemoryFileCommands.ForgetAsync(context, folder, files, ids.ToHashSet(StringComparer.Ordinal), cancellationToken).ConfigureAwait(false);
            context.Output.Result(ForgetResult.From(report, unmatched, rewritten, folder is null ? null : MemoryFileCommands.HistoryWarning));
            if (unmatched.Count == 0)
            {
                return ExitCodes.Ok;
            }

            context.Output.Notice($"error: {unmatched.Count} id(s) matched nothing in experiment '{context.Experiment}'{(folder is null ? "" : " nor in the memory files")}, so nothing was forgotten for them: "
                + string.Join(", ", unmatched.Select(id => $"'{Printable(id)}'"))
                + ". Check the spelling (ids are exact: case and spaces count) and the --experiment.");
            return ExitCodes.Findings;
        });
        return command;
    }

    // Ids are the user's data: control characters are shown as U+FFFD, not sent to the terminal.
    private static string Printable(string id) => string.Concat(id.Select(c => char.IsControl(c) ? '\uFFFD' : c));
}
