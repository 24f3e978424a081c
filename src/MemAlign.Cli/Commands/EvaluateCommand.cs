using System.CommandLine;
using System.Text.Json.Nodes;
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
        var command = new Command("evaluate", "Run a judge over stored traces; results are saved as a run as they finish.") { judge, version, filter, resume, concurrency };
        CommandRunner.SetBody(command, options, async (context, cancellationToken) =>
        {
            var registered = await context.JudgeAsync(context.Parse.GetValue(judge)!, context.Parse.GetValue(version), cancellationToken).ConfigureAwait(false);
            IJudge scorer = context.Models.Judge(registered);
            var query = TraceFilter.Parse(context.Parse.GetValue(filter));
            var evaluation = new EvaluationOptions
            {
                Store = context.Store,
                Experiment = context.Experiment,
                RunName = $"evaluate {registered.Info.Name}@{registered.Info.Version}",
                ResumeRunId = context.Parse.GetValue(resume),
                MaxConcurrency = context.Parse.GetValue(concurrency),
            };
            var result = await ProgressDisplay.RunAsync(context.Output, $"Judging with {registered.Info.Name}",
                progress => Evaluator.RunAsync([scorer], context.Store.SearchTracesAsync(context.Experiment, query, cancellationToken), evaluation, progress, cancellationToken)).ConfigureAwait(false);

            context.Output.Line($"Run {result.RunId}: {result.Completed} judged now ({result.Errors} error(s)), {result.Resumed} kept from before.");
            foreach (var failed in result.Failed.Take(10))
            {
                context.Output.Line($"  {failed.TraceId}: {failed.Error}");
            }

            context.Output.Line($"See the agreement with human labels: memalign report {result.RunId}");
            context.Output.Result(new JsonObject
            {
                ["run"] = result.RunId,
                ["judge"] = registered.Info.Name,
                ["version"] = registered.Info.Version,
                ["completed"] = result.Completed,
                ["errors"] = result.Errors,
                ["resumed"] = result.Resumed,
            });
            return result.Errors == 0 ? ExitCodes.Ok : ExitCodes.Findings;
        });
        return command;
    }
}
