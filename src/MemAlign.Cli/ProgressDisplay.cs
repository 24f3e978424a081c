using System.Text.Json;
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

    /// <summary>
    /// Progress of a batch evaluation: the batch's state and its request counts (the bar fills as the provider answers),
    /// a line per change of state when redirected, nothing with --json.
    /// </summary>
    public static async Task<EvaluationResult> RunBatchAsync(CliOutput output, string title, Func<IProgress<BatchEvaluationProgress>?, Task<EvaluationResult>> work)
    {
        if (output.Json)
        {
            return await work(null).ConfigureAwait(false);
        }

        if (!output.Interactive)
        {
            return await work(new BatchLines(output)).ConfigureAwait(false);
        }

        EvaluationResult? result = null;
        var progress = AnsiConsole.Progress().Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new SpinnerColumn());
        await progress.StartAsync(async context =>
        {
            var bar = context.AddTask(title, maxValue: 1);
            bar.IsIndeterminate = true;
            result = await work(new BatchBar(bar, title)).ConfigureAwait(false);
            bar.StopTask();
        }).ConfigureAwait(false);
        return result!;
    }

    /// <summary>"batch_abc: in_progress, 40 of 100 answered, 2 failed".</summary>
    public static string Describe(string judge, ChatBatch batch) =>
        $"{judge} batch {batch.Id}: {JsonNamingPolicy.SnakeCaseLower.ConvertName(batch.State.ToString())}"
        + (batch.Total > 0 ? $", {batch.Completed} of {batch.Total} answered, {batch.Failed} failed" : "");

    private sealed class BatchLines(CliOutput output) : IProgress<BatchEvaluationProgress>
    {
        private string? _last;

        public void Report(BatchEvaluationProgress value)
        {
            if (value is { Batch: { } batch, JudgeName: { } judge } && Describe(judge, batch) is var line && line != _last)
            {
                _last = line;
                output.Line("  " + line);
            }
        }
    }

    private sealed class BatchBar(ProgressTask task, string title) : IProgress<BatchEvaluationProgress>
    {
        public void Report(BatchEvaluationProgress value)
        {
            if (value is { Batch: { } batch, JudgeName: { } judge })
            {
                task.Description = $"{title}: {Describe(judge, batch)}";
                task.IsIndeterminate = batch.Total == 0;
                task.Value = batch.Total == 0 ? 0 : (double)(batch.Completed + batch.Failed) / batch.Total;
            }
            else
            {
                task.Description = $"{title}: {value.Completed} judged, {value.Errors} error(s)";
            }
        }
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
