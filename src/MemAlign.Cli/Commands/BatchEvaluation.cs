using MemAlign.Evaluation;

namespace MemAlign.Cli.Commands;

/// <summary>
/// <c>memalign evaluate --batch</c>: the evaluation through the provider's Batch API, with the batch's state on the
/// progress bar; Ctrl+C while it polls leaves the batch running and says how to collect it.
/// </summary>
internal static class BatchEvaluation
{
    public static async Task<EvaluationResult> RunAsync(CommandContext context, string judge, IJudge scorer, IAsyncEnumerable<Trace> traces, EvaluationOptions evaluation,
        TimeSpan pollInterval, CancellationToken cancellationToken)
    {
        var runId = evaluation.ResumeRunId;
        ChatBatch? running = null;
        try
        {
            return await ProgressDisplay.RunBatchAsync(context.Output, $"Judging with {judge}", progress => Evaluator.RunBatchAsync(
                [scorer], traces, evaluation, new BatchEvaluationOptions { PollInterval = pollInterval },
                new Watch(progress, p => (runId, running) = (p.RunId ?? runId, p.Batch ?? running)), cancellationToken)).ConfigureAwait(false);
        }
        catch (NotSupportedException e)
        {
            throw new UsageException($"{e.Message} (memalign evaluate without --batch streams the calls instead.)");
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested && runId is not null && running is { IsEnded: false })
        {
            context.Output.Notice($"Batch {running.Id} keeps running at the provider and is saved with run {runId}; collect it (without paying again) with: {ResumeCommand(context, judge, runId)}");
            throw;
        }
        catch (Exception e) when (e is not OperationCanceledException && runId is not null)
        {
            // A failure while submitting may leave a batch at the provider that the run never saw: a resume finds it by its metadata.
            context.Output.Notice($"Run {runId} stopped ({e.GetType().Name}); its results so far are saved, and a resume collects any batch the provider holds for it "
                + $"instead of paying again: {ResumeCommand(context, judge, runId)}");
            throw;
        }
    }

    private static string ResumeCommand(CommandContext context, string judge, string runId) =>
        $"memalign evaluate --judge {judge} --resume {runId}{(context.Experiment == Storage.IMemAlignStore.DefaultExperiment ? "" : $" --experiment {context.Experiment}")}";

    /// <summary>The batches' last states, and the rows left for a resume.</summary>
    public static void Print(CommandContext context, string judge, EvaluationResult result)
    {
        foreach (var batch in result.Batches)
        {
            context.Output.Line($"  batch {batch.BatchId} of {batch.JudgeName}: {System.Text.Json.JsonNamingPolicy.SnakeCaseLower.ConvertName(batch.State.ToString())}");
        }

        if (result.Pending > 0)
        {
            context.Output.Line($"{result.Pending} row(s) were not reached before their batch ended; send them with: memalign evaluate --judge {judge} --resume {result.RunId}");
        }
    }

    // Sees every report (the run id, the running batch) and passes it on to the display, when there is one.
    private sealed class Watch(IProgress<BatchEvaluationProgress>? display, Action<BatchEvaluationProgress> seen) : IProgress<BatchEvaluationProgress>
    {
        public void Report(BatchEvaluationProgress value)
        {
            seen(value);
            display?.Report(value);
        }
    }
}
