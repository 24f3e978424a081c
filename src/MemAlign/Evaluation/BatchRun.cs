using MemAlign.Models;

namespace MemAlign.Evaluation;

/// <summary>
/// One call of <see cref="Evaluator.RunBatchAsync(IReadOnlyList{IJudge}, IAsyncEnumerable{Trace}, EvaluationOptions?, BatchEvaluationOptions?, IProgress{BatchEvaluationProgress}?, CancellationToken)"/>:
/// rounds of collecting the run's running batches, then one pass over the traces that turns collected rows into
/// results and gathers the rows still to send, then submitting those. The store is told of a batch before it is
/// polled, and of its end only after its results are saved, so a resume never submits a row twice.
/// </summary>
internal sealed class BatchRun(
    IReadOnlyList<Judge> judges,
    EvaluationOptions options,
    BatchEvaluationOptions batchOptions,
    string? runId,
    List<EvaluationRecord> records,
    HashSet<(string Trace, string Judge)> done,
    IProgress<BatchEvaluationProgress>? progress)
{
    private const int WriteBatch = 256;

    private readonly Dictionary<string, Judge> _judges = judges.ToDictionary(j => j.Name, StringComparer.Ordinal);

    // The prompts sent in this call, so collecting their replies needs no second retrieval; a resume rebuilds them.
    private readonly Dictionary<(string Judge, string Trace), JudgePrompt> _prompts = [];

    // Rows collected from ended batches, by judge and custom id (the trace id).
    private readonly Dictionary<(string Judge, string Trace), (ChatBatchResult Result, string BatchId, TimeSpan Latency)> _collected = [];

    // Every batch this call touched, in its last state, by id.
    private readonly Dictionary<string, EvaluationBatch> _batches = new(StringComparer.Ordinal);

    private readonly List<EvaluationRecord> _unsaved = [];

    public int Resumed { get; } = done.Count;

    public int Completed { get; private set; }

    public int Errors { get; private set; }

    public int Pending { get; private set; }

    public IReadOnlyList<EvaluationBatch> Batches => [.. _batches.Values];

    public async Task RunAsync(IAsyncEnumerable<Trace> traces, CancellationToken cancellationToken)
    {
        var store = options.Store;
        List<EvaluationBatch> running = store is null || runId is null ? [] :
            [.. (await store.GetEvaluationBatchesAsync(options.Experiment, runId, cancellationToken).ConfigureAwait(false)).Where(b => !b.State.IsEnded())];
        var submissions = 0;
        var maxSubmissions = batchOptions.ResubmitUnfinished ? 2 : 1;
        while (true)
        {
            var ended = new List<(EvaluationBatch Saved, ChatBatch Seen)>();
            foreach (var batch in running)
            {
                ended.Add((batch, await CollectAsync(batch, cancellationToken).ConfigureAwait(false)));
            }

            var pending = await PassAsync(traces, cancellationToken).ConfigureAwait(false);
            foreach (var (saved, seen) in ended)
            {
                // Ended is saved only now that its rows are: a crash before this collects it again, never submits it again.
                await SaveBatchAsync(saved with { State = seen.State }).ConfigureAwait(false);
            }

            _collected.Clear();
            if (ended.Where(e => e.Seen.State == ChatBatchState.Failed).Select(e => (Failed: e.Seen, Of: e.Saved)).FirstOrDefault() is ({ } failed, { } of))
            {
                throw new InvalidOperationException(
                    $"Batch '{failed.Id}' of judge '{of.JudgeName}' was refused by the provider: {failed.Error ?? "no reason given"}. None of its rows was judged; "
                    + $"the results saved so far are kept{(runId is null ? "" : $", and resuming run '{runId}' submits the rest again")}.");
            }

            Pending = pending.Sum(p => p.Value.Count);
            if (Pending == 0 || submissions == maxSubmissions)
            {
                return;
            }

            running = await SubmitAsync(pending, cancellationToken).ConfigureAwait(false);
            submissions++;
        }
    }

    /// <summary>Polls a batch until it ends, then reads its rows.</summary>
    private async Task<ChatBatch> CollectAsync(EvaluationBatch batch, CancellationToken cancellationToken)
    {
        var judge = _judges.TryGetValue(batch.JudgeName, out var found) ? found : throw new ArgumentException(
            $"Run '{runId}' has batch '{batch.BatchId}' of judge '{batch.JudgeName}', which is not among the judges given: resume the run with that judge.");
        var client = judge.BatchClient ?? throw new NotSupportedException($"Judge '{judge.Name}' has no batch API to collect batch '{batch.BatchId}' with.");
        var state = batch.State;
        ChatBatch seen;
        while (true)
        {
            try
            {
                seen = await client.GetAsync(batch.BatchId, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (TransientFailures.IsTransient(e, cancellationToken))
            {
                // A blip in a wait of hours is not the end of the batch: look again at the next poll.
                await Task.Delay(batchOptions.PollInterval, options.TimeProvider, cancellationToken).ConfigureAwait(false);
                continue;
            }

            Report(batch.JudgeName, seen);
            if (seen.IsEnded)
            {
                break;
            }

            if (seen.State != state)
            {
                state = seen.State;
                await SaveBatchAsync(batch with { State = state }).ConfigureAwait(false);
            }

            await Task.Delay(batchOptions.PollInterval, options.TimeProvider, cancellationToken).ConfigureAwait(false);
        }

        var latency = options.TimeProvider.GetUtcNow() - batch.CreatedAt;
        await foreach (var row in client.ReadResultsAsync(seen, cancellationToken).ConfigureAwait(false))
        {
            _collected[(batch.JudgeName, row.CustomId)] = (row, seen.Id, latency);
        }

        return seen;
    }

    /// <summary>
    /// One pass over the traces: collected rows become results, local judges answer, prompts that cannot be built are
    /// errors as in a streaming run, and every other row not yet done is a request to send.
    /// </summary>
    private async Task<Dictionary<Judge, List<ChatBatchRequest>>> PassAsync(IAsyncEnumerable<Trace> traces, CancellationToken cancellationToken)
    {
        var pending = new Dictionary<Judge, List<ChatBatchRequest>>();
        try
        {
            await foreach (var trace in traces.WithCancellation(cancellationToken).ConfigureAwait(false))
            {
                foreach (var judge in judges)
                {
                    var key = (judge.Name, trace.Id);
                    if (done.Contains((trace.Id, judge.Name)))
                    {
                        continue;
                    }

                    // A pairwise trace takes two calls, the second in the order the first does not show: judged directly.
                    if (judge.IsLocal || PairwiseTrace.IsPairwise(trace))
                    {
                        await AddAsync(EvaluationRecord.From(await judge.EvaluateAsync(trace, cancellationToken).ConfigureAwait(false))).ConfigureAwait(false);
                        continue;
                    }

                    var collected = _collected.TryGetValue(key, out var row) && !row.Result.Unfinished;
                    JudgePrompt? prompt = null;
                    if (!collected || !_prompts.Remove(key, out prompt))
                    {
                        var (built, request, failed) = await judge.BatchRequestAsync(trace, cancellationToken).ConfigureAwait(false);
                        if (built is null)
                        {
                            await AddAsync(EvaluationRecord.From(new JudgeVerdict(failed!))).ConfigureAwait(false);
                            continue;
                        }

                        prompt = built;
                        if (!collected)
                        {
                            _prompts[key] = built;
                            (pending.TryGetValue(judge, out var list) ? list : pending[judge] = []).Add(request!);
                            continue;
                        }
                    }

                    var verdict = judge.BatchVerdict(prompt!, row.Result, row.BatchId, row.Latency);
                    await AddAsync(EvaluationRecord.From(new JudgeVerdict(verdict)) with { Batched = true }).ConfigureAwait(false);
                }
            }
        }
        finally
        {
            // Whatever finished is saved, also when the run is being cancelled.
            await FlushAsync().ConfigureAwait(false);
        }

        return pending;
    }

    private async Task<List<EvaluationBatch>> SubmitAsync(Dictionary<Judge, List<ChatBatchRequest>> pending, CancellationToken cancellationToken)
    {
        var submitted = new List<EvaluationBatch>();
        foreach (var (judge, requests) in pending)
        {
            foreach (var chunk in requests.Chunk(batchOptions.MaxRequestsPerBatch))
            {
                var seen = await judge.BatchClient!.SubmitAsync(chunk, cancellationToken).ConfigureAwait(false);
                var now = options.TimeProvider.GetUtcNow();
                var batch = new EvaluationBatch(judge.Name, seen.Id, seen.State.IsEnded() ? ChatBatchState.Validating : seen.State, now, now) { InputFileId = seen.InputFileId };
                await SaveBatchAsync(batch).ConfigureAwait(false);
                Report(judge.Name, seen);
                submitted.Add(batch);
            }
        }

        return submitted;
    }

    // Not the run's token: a batch that exists is recorded even while the run is being cancelled.
    private async Task SaveBatchAsync(EvaluationBatch batch)
    {
        batch = batch with { UpdatedAt = options.TimeProvider.GetUtcNow() };
        _batches[batch.BatchId] = batch;
        if (options.Store is { } store && runId is not null)
        {
            await store.SaveEvaluationBatchAsync(options.Experiment, runId, batch, CancellationToken.None).ConfigureAwait(false);
        }
    }

    private async Task AddAsync(EvaluationRecord record)
    {
        done.Add((record.TraceId, record.JudgeName));
        Completed++;
        Errors += record.IsOk ? 0 : 1;
        if (options.KeepResults)
        {
            records.Add(record);
        }

        _unsaved.Add(record);
        if (_unsaved.Count >= WriteBatch)
        {
            await FlushAsync().ConfigureAwait(false);
        }

        progress?.Report(new BatchEvaluationProgress(runId, null, null, Completed, Errors, Resumed));
    }

    private async Task FlushAsync()
    {
        if (options.Store is { } store && runId is not null && _unsaved.Count > 0)
        {
            await store.SaveEvaluationResultsAsync(options.Experiment, runId, _unsaved, CancellationToken.None).ConfigureAwait(false);
        }

        _unsaved.Clear();
    }

    private void Report(string judge, ChatBatch batch) => progress?.Report(new BatchEvaluationProgress(runId, judge, batch, Completed, Errors, Resumed));
}
