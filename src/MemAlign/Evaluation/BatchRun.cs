using MemAlign.Models;

namespace MemAlign.Evaluation;

/// <summary>
/// One call of <see cref="Evaluator.RunBatchAsync(IReadOnlyList{IJudge}, IAsyncEnumerable{Trace}, EvaluationOptions?, BatchEvaluationOptions?, IProgress{BatchEvaluationProgress}?, CancellationToken)"/>:
/// rounds of collecting the run's running batches, then one pass over the traces that turns collected rows into
/// results and gathers the rows still to send, then submitting those. The store is told of a batch before it is
/// polled, and of its end only after its results are saved, so a resume never submits a row twice. Each batch is
/// tagged with its run and judge at the provider, so a resume also finds a batch created but never saved (the
/// process stopped, or the provider's reply was lost, in between).
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

    /// <summary>The metadata key naming the run a batch belongs to.</summary>
    internal const string RunTag = "memalign_run";

    /// <summary>The metadata key naming the judge whose prompts a batch holds.</summary>
    internal const string JudgeTag = "memalign_judge";

    // Provider and local clocks differ: look a little before the run began.
    private static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(10);

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
        progress?.Report(new BatchEvaluationProgress(runId, null, null, 0, 0, Resumed)); // the run id, before anything can fail
        List<EvaluationBatch> running = store is null || runId is null ? [] :
            [.. (await store.GetEvaluationBatchesAsync(options.Experiment, runId, cancellationToken).ConfigureAwait(false)).Where(b => !b.State.IsEnded())];

        // A resume asks the provider for batches it never saved once, and only when it is about to pay for rows.
        var lookedForUnsaved = store is null || runId is null || options.ResumeRunId is null;
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

            if (!lookedForUnsaved)
            {
                lookedForUnsaved = true;
                if (await FindUnsavedAsync(store!, runId!, cancellationToken).ConfigureAwait(false) is { Count: > 0 } found)
                {
                    running = found;
                    continue;
                }
            }

            running = await SubmitAsync(pending, cancellationToken).ConfigureAwait(false);
            submissions++;
        }
    }

    /// <summary>
    /// The batches the provider holds for this run that the store does not (created, then the process stopped or the
    /// reply was lost before the save), saved now so they are collected like any other: never paid for twice.
    /// </summary>
    private async Task<List<EvaluationBatch>> FindUnsavedAsync(Storage.IEvaluationStore store, string run, CancellationToken cancellationToken)
    {
        var found = new List<EvaluationBatch>();
        var known = (await store.GetEvaluationBatchesAsync(options.Experiment, run, cancellationToken).ConfigureAwait(false)).Select(b => b.BatchId).ToHashSet(StringComparer.Ordinal);
        var began = (await store.GetEvaluationRunAsync(options.Experiment, run, cancellationToken).ConfigureAwait(false))?.CreatedAt ?? DateTimeOffset.MinValue;
        var since = began == DateTimeOffset.MinValue ? began : began - ClockSkew;
        foreach (var client in judges.Where(j => !j.IsLocal).Select(j => j.BatchClient!).Distinct())
        {
            await foreach (var batch in client.ListAsync(since, cancellationToken).ConfigureAwait(false))
            {
                if (batch.Metadata.GetValueOrDefault(RunTag) != run || !known.Add(batch.Id)
                    || batch.Metadata.GetValueOrDefault(JudgeTag) is not { } judge || !_judges.TryGetValue(judge, out var owner) || owner.BatchClient != client)
                {
                    continue;
                }

                var adopted = Running(judge, batch, batch.CreatedAt);
                await SaveBatchAsync(adopted).ConfigureAwait(false);
                Report(judge, batch);
                found.Add(adopted);
            }
        }

        return found;
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
                Dictionary<string, string> tags = runId is null ? new() { [JudgeTag] = judge.Name } : new() { [RunTag] = runId, [JudgeTag] = judge.Name };
                var seen = await judge.BatchClient!.SubmitAsync(chunk, tags, cancellationToken).ConfigureAwait(false);
                var batch = Running(judge.Name, seen, createdAt: null);
                await SaveBatchAsync(batch).ConfigureAwait(false);
                Report(judge.Name, seen);
                submitted.Add(batch);
            }
        }

        return submitted;
    }

    /// <summary>
    /// A batch as first saved: running even if the provider says it has ended, since only collecting it reads its rows,
    /// and its end is saved once they are (a crash in between collects it again, never submits it again).
    /// </summary>
    private EvaluationBatch Running(string judge, ChatBatch seen, DateTimeOffset? createdAt)
    {
        var now = options.TimeProvider.GetUtcNow();
        return new EvaluationBatch(judge, seen.Id, seen.IsEnded ? ChatBatchState.Validating : seen.State, createdAt ?? now, now) { InputFileId = seen.InputFileId };
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
