using MemAlign.Evaluation;
using Spectre.Console;

namespace MemAlign.Cli;

/// <summary>Progress for long runs: a Spectre.Console bar on a terminal, plain lines when redirected, nothing with --json.</summary>
internal static class ProgressDisplay
{
    public static async Task<EvaluationResult> RunAsync(CliOutput output, string title, Func<IProgress<EvaluationProgress>?, Task<EvaluationResult>> work)
    {
        if (output.Json)
        {
            return await work(null).ConfigureAwait(false);
        }

        if (!output.Interactive)
        {
            return await work(new PlainLines(output)).ConfigureAwait(false);
        }

        EvaluationResult? result = null;
        // Traces are streamed from the store, so the total is unknown: a pulsing bar, a count and the time, no percentage.
        var progress = AnsiConsole.Progress().Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new ElapsedTimeColumn(), new SpinnerColumn());
        await progress.StartAsync(async context =>
        {
            var bar = context.AddTask(title, maxValue: double.MaxValue);
            bar.IsIndeterminate = true;
            result = await work(new Bar(bar, title)).ConfigureAwait(false);
            bar.StopTask();
        }).ConfigureAwait(false);
        return result!;
    }

    private sealed class PlainLines(CliOutput output) : IProgress<EvaluationProgress>
    {
        public void Report(EvaluationProgress value)
        {
            if (value.Completed % 100 == 0)
            {
                output.Line($"  {value.Completed} judged, {value.Errors} error(s)");
            }
        }
    }

    private sealed class Bar(ProgressTask task, string title) : IProgress<EvaluationProgress>
    {
        public void Report(EvaluationProgress value) => task.Description = $"{title}: {value.Completed} judged, {value.Errors} error(s)";
    }
}
