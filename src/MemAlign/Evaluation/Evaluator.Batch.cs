using MemAlign.Telemetry;

namespace MemAlign.Evaluation;

public static partial class Evaluator
{
    /// <summary>Runs <paramref name="judges"/> over <paramref name="traces"/> through their models' batch APIs (see the other overload).</summary>
    public static Task<EvaluationResult> RunBatchAsync(IReadOnlyList<IJudge> judges, IEnumerable<Trace> traces, EvaluationOptions? options = null,
        BatchEvaluationOptions? batch = null, IProgress<BatchEvaluationProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(traces);
        return RunBatchAsync(judges, traces.ToAsyncEnumerable(), options, batch, progress, cancellationToken);
    }

    /// <summary>
    /// Runs <paramref name="judges"/> over <paramref name="traces"/> through their models' batch APIs (<see cref="IBatchChatClient"/>),
    /// billed at the provider's batch price: each judge's prompts, exactly those <see cref="Judge.EvaluateAsync"/> sends,
    /// go out as one batch (or several, <see cref="BatchEvaluationOptions.MaxRequestsPerBatch"/>), which is polled until it
    /// ends; every reply is read as a judge reads one, and a row that failed is an error result naming its trace.
    /// Local judges need no batch and answer at once.
    /// </summary>
    /// <remarks>
    /// <para>With a store, each batch is saved with the run as soon as it exists (<see cref="Storage.IEvaluationStore.SaveEvaluationBatchAsync"/>),
    /// so resuming the run (<see cref="EvaluationOptions.ResumeRunId"/>) after a crash collects the batch instead of
    /// submitting it again; cancelling while a batch runs leaves it running at the provider, to be collected by a resume.</para>
    /// <para>A batch that expires or is cancelled keeps the rows it finished; the rest go out once more in a new batch
    /// (<see cref="BatchEvaluationOptions.ResubmitUnfinished"/>), so no finished row is paid for twice. A batch cannot feed
    /// an unusable reply back to the model, so such a reply is an error result at once (resume with
    /// <see cref="EvaluationOptions.RetryErrors"/> to judge it again). <paramref name="traces"/> is read once per round
    /// (submitting, then collecting), so it must give the same traces each time, as a store query does.</para>
    /// </remarks>
    /// <exception cref="ArgumentException">As for <see cref="RunAsync(IReadOnlyList{IJudge}, IAsyncEnumerable{Trace}, EvaluationOptions?, IProgress{EvaluationProgress}?, CancellationToken)"/>, or a judge that is not a <see cref="Judge"/>.</exception>
    /// <exception cref="NotSupportedException">A judge's model offers no batch API.</exception>
    /// <exception cref="InvalidOperationException">The provider refused a batch as a whole (its results so far are saved; the run can be resumed).</exception>
    /// <exception cref="OperationCanceledException">Cancelled; results finished so far are saved, and a running batch keeps running.</exception>
    public static async Task<EvaluationResult> RunBatchAsync(IReadOnlyList<IJudge> judges, IAsyncEnumerable<Trace> traces, EvaluationOptions? options = null,
        BatchEvaluationOptions? batch = null, IProgress<BatchEvaluationProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(traces);
        options = Checked(judges, options);
        batch ??= new BatchEvaluationOptions();
        batch.Validate();
        var batchJudges = judges.Select(BatchCapable).ToList();
        using var activity = EvaluationRunTelemetry.Start(judges, options.JudgeVersion);
        var started = options.TimeProvider.GetTimestamp();
        var (runId, records, done) = await StartAsync(judges, options, batch: true, cancellationToken).ConfigureAwait(false);
        activity?.SetTag(TelemetryNames.RunId, runId);
        var run = new BatchRun(batchJudges, options, batch, runId, records, done, progress);
        await run.RunAsync(traces, cancellationToken).ConfigureAwait(false);
        EvaluationRunTelemetry.Finish(activity, run.Completed, run.Errors, run.Resumed);
        return new EvaluationResult(runId, records, run.Completed, run.Errors, run.Resumed, options.TimeProvider.GetElapsedTime(started), run.Batches, run.Pending);
    }

    // A batch is built from a judge's prompt and read with its reply parser, so only MemAlign's judges can go in one.
    private static Judge BatchCapable(IJudge judge)
    {
        ArgumentNullException.ThrowIfNull(judge);
        if (judge is not Judge known)
        {
            throw new ArgumentException($"Judge '{judge.Name}' is a {judge.GetType().Name}, not a MemAlign Judge: a batch is built from a Judge's prompts; evaluate it with {nameof(RunAsync)}.", nameof(judge));
        }

        if (!known.IsLocal && known.BatchClient is null)
        {
            throw new NotSupportedException(
                $"Judge '{known.Name}' calls model '{known.ModelId}' through a chat client that offers no batch API: batch evaluation needs a client whose "
                + $"GetService(typeof({nameof(IBatchChatClient)})) gives one, as MemAlign.OpenAI's do (ModelProviders.CreateChatClient); evaluate it without a batch ({nameof(RunAsync)}).");
        }

        return known;
    }
}
