using System.CommandLine;
using MemAlign.Cli.Json;

namespace MemAlign.Cli.Commands;

/// <summary><c>memalign forget --trace ID...</c>: remove traces and everything learned from them, and erase them from storage.</summary>
internal static class ForgetCommand
{
    public static Command Create(GlobalOptions options)
    {
        var trace = new Option<string[]>("--trace") { Description = "Traces to forget (repeat, or list several).", Required = true, AllowMultipleArgumentsPerToken = true };
        var command = new Command("forget", "Forget traces: their assessments, results, and every example and guideline source from them, in every judge version.") { trace };
        CommandRunner.SetBody(command, options, async (context, cancellationToken) =>
        {
            var report = await context.Store.ForgetAsync(context.Experiment, context.Parse.GetValue(trace)!, cancellationToken).ConfigureAwait(false);
            context.Output.Line($"Forgot {report.Traces} trace(s): {report.Assessments} assessment(s), {report.Examples} example(s), {report.EvaluationResults} evaluation result(s); "
                + $"{report.GuidelinesDropped} guideline(s) that drew on them dropped (the next align distils again from what remains); "
                + $"{report.RationalesWithheld} other verdict(s) lost their rationale, {report.RunsMarked} run(s) marked.");
            context.Output.Line(report.Guarantee);
            context.Output.Result(ForgetResult.From(report));
            return ExitCodes.Ok;
        });
        return command;
    }
}
