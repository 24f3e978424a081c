using System.Runtime.CompilerServices;
using System.Threading.Channels;
using MemAlign.Storage;
using MemAlign.Telemetry;

namespace MemAlign.Evaluation;

/// <summary>What an evaluation produced.</summary>
public sealed class EvaluationResult
{
    internal EvaluationResult(string? runId, IReadOnlyList<EvaluationRecord> records, int completed, int errors, int resumed, TimeSpan elapsed,
        IReadOnlyList<EvaluationBatch>? batches = null, int pending = 0)
    {
        Batches = batches ?? [];
        Pending = pending;
        RunId = runId;
        Records = records;
        Completed = completed;
        Errors = errors;
        Resumed = resumed;
        Elapsed = elapsed;
    }

    /// <summary>The stored run, when the evaluation had a store.</summary>
    public string? RunId { get; }

    /// <summary>Every result (kept from a resumed run, then new ones), unless the options said not to keep them.</summary>
    public IReadOnlyList<EvaluationRecord> Records { get; }

    /// <summary>Results finished by this call.</summary>
    public int Completed { get; }

    /// <summary>Of those, errors.</summary>
    public int Errors { get; }

    /// <summary>Results kept from the resumed run, whose calls were not repeated.</summary>
    public int Resumed { get; }

    /// <summary>Wall time of this call.</summary>
    public TimeSpan Elapsed { get; }

    /// <summary>The batches this call submitted or collected, in their last state (a batch evaluation's; empty otherwise).</summary>
    public IReadOnlyList<EvaluationBatch> Batches { get; }

    /// <summary>
    /// Rows a batch evaluation left unjudged: their batch ended (expired, cancelled) before reaching them and they were
    /// not sent again in this call. Resuming the run sends them. Always 0 for a streaming evaluation.
    /// </summary>
    public int Pending { get; }

    /// <summary>The results with a value: only these should go to experts for labelling.</summary>
    public IEnumerable<EvaluationRecord> Ok => Records.Where(r => r.IsOk);

    /// <summary>The results with an error, and why.</summary>
    public IEnumerable<EvaluationRecord> Failed => Records.Where(r => !r.IsOk);
}

/// <summary>
/// Runs judges over traces with bounded concurrency, reporting progress, honouring cancellation, and
/// saving each result to the store as it finishes, so a run that is cancelled or killed resumes where
/// it stopped. A failure on one trace is an error result, never the end of the run.
/// </summary>
public static partial class Evaluator
{
    private const int WriteBatch = 256;

    /// <summary>Runs <paramref name="judges"/> over <paramref name="traces"/>.</summary>
    public static Task<EvaluationResult> RunAsync(IReadOnlyList<IJudge> judges, IEnumerable<Trace> traces, EvaluationOptions? options = null,
        IProgress<EvaluationProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(traces);
        return RunAsync(judges, traces.ToAsyncEnumerable(), options, progress, cancellationToken);
    }

    /// <summary>Runs <paramref name="judges"/> over <paramref name="traces"/>, pulling traces only as fast as they are judged.</summary>
    /// <exception cref="ArgumentException">No judges, two judges with one name, a judge version for several judges, or a resume without a store or of an unknown run.</exception>
    /// <exception cref="OperationCanceledException">Cancelled; the results finished so far are saved first.</exception>
    public static async Task<EvaluationResult> RunAsync(IReadOnlyList<IJudge> judges, IAsyncEnumerable<Trace> traces, EvaluationOptions? options = null,
        IProgress<EvaluationProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(traces);
        options = Checked(judges, options);
        using var activity = EvaluationRunTelemetry.Start(judges, options.JudgeVersion);
        var started = options.TimeProvider.GetTimestamp();
        var store = options.Store;
        var (runId, records, done) = await StartAsync(judges, options, batch: false, cancellationToken).ConfigureAwait(false);
        var resumed = done.Count;
        activity?.SetTag(TelemetryNames.RunId, runId);
        int completed = 0, errors = 0;
        // Bounded, so that judging never runs far ahead of saving: memory stays flat however many traces stream through.
        var results = Channel.CreateBounded<EvaluationRecord>(new BoundedChannelOptions(4 * WriteBatch) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });
        var writer = store is null ? Task.CompletedTask : SaveAsync(store, options.Experiment, runId!, results.Reader);
        try
        {
            await Parallel.ForEachAsync(
                Pending(judges, traces, done, cancellationToken),
                new ParallelOptions { MaxDegreeOfParallelism = options.MaxConcurrency, CancellationToken = cancellationToken },
                async (item, token) =>
                {
                    var record = await JudgeAsync(item.Judge, item.Trace, token).ConfigureAwait(false);
                    var finished = Interlocked.Increment(ref completed);
                    var failed = record.IsOk ? Volatile.Read(ref errors) : Interlocked.Increment(ref errors);
                    if (options.KeepResults)
                    {
                        lock (records)
                        {
                            records.Add(record);
                        }
                    }

                    if (store is not null)
                    {
                        // Not the run's token: a finished result is saved even if the run is being cancelled.
                        await results.Writer.WriteAsync(record, CancellationToken.None).ConfigureAwait(false);
                    }

                    progress?.Report(new EvaluationProgress(finished, failed, resumed, record));
                }).ConfigureAwait(false);
        }
        finally
        {
            // Whatever finished is saved, also when the run was cancelled.
            results.Writer.TryComplete();
            await writer.ConfigureAwait(false);
        }

        EvaluationRunTelemetry.Finish(activity, completed, errors, resumed);
        return new EvaluationResult(runId, records, completed, errors, resumed, options.TimeProvider.GetElapsedTime(started));
    }

    /// <summary>
    /// Runs an application over in-memory inputs and yields traces of its answers (inputs from the data,
    /// outputs from <paramref name="predict"/>), ready for <see cref="RunAsync(IReadOnlyList{IJudge}, IAsyncEnumerable{Trace}, EvaluationOptions?, IProgress{EvaluationProgress}?, CancellationToken)"/>.
    /// An application that throws gives a trace without outputs, which judges then report as an error.
    /// </summary>
    public static async IAsyncEnumerable<Trace> PredictAsync<TInput>(IEnumerable<TInput> inputs, Func<TInput, CancellationToken, Task<object?>> predict,
        Func<TInput, int, string>? traceId = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(predict);
        var index = 0;
        foreach (var input in inputs)
        {
            object? output;
            try
            {
                output = await predict(input, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception) when (!cancellationToken.IsCancellationRequested)
            {
                output = null;
            }

            yield return Trace.Create(traceId?.Invoke(input, index) ?? $"row-{index}", input, output);
            index++;
        }
    }

    /// <summary>The options, checked with the judges: at least one, distinct names, a version only for one judge.</summary>
    private static EvaluationOptions Checked(IReadOnlyList<IJudge> judges, EvaluationOptions? options)
    {
        ArgumentNullException.ThrowIfNull(judges);
        options ??= new EvaluationOptions();
        options.Validate();
        if (judges.Count == 0)
        {
            throw new ArgumentException("No judges to evaluate with.", nameof(judges));
        }

        if (judges.GroupBy(j => j.Name, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } twice)
        {
            throw new ArgumentException($"Two judges are named '{twice.Key}'; results are kept per judge name.", nameof(judges));
        }

        if (options.JudgeVersion is not null && judges.Count > 1)
        {
            throw new ArgumentException($"{nameof(EvaluationOptions)}.{nameof(EvaluationOptions.JudgeVersion)} names the version of one judge; this evaluation runs {judges.Count}.", nameof(options));
        }

        return options;
    }

    /// <summary>
    /// Creates the run, or opens the one resumed with the results it keeps (those with a value, and errors unless
    /// they are retried). A streaming resume of a run whose batch is still at the provider is refused: it would pay twice.
    /// </summary>
    private static async Task<(string? RunId, List<EvaluationRecord> Records, HashSet<(string Trace, string Judge)> Done)> StartAsync(
        IReadOnlyList<IJudge> judges, EvaluationOptions options, bool batch, CancellationToken cancellationToken)
    {
        var store = options.Store;
        var records = new List<EvaluationRecord>();
        var done = new HashSet<(string Trace, string Judge)>();
        if (store is null)
        {
            return (null, records, done);
        }

        // A run of one judge records it; a run of several leaves it to each result.
        var runId = options.ResumeRunId ?? (await store.CreateEvaluationRunAsync(options.Experiment, options.RunName, options.RunSettings,
            judges.Count == 1 ? judges[0].Name : null, options.JudgeVersion, cancellationToken).ConfigureAwait(false)).Id;
        if (options.ResumeRunId is null)
        {
            return (runId, records, done);
        }

        _ = await store.GetEvaluationRunAsync(options.Experiment, runId, cancellationToken).ConfigureAwait(false)
            ?? throw new ArgumentException($"Experiment '{options.Experiment}' has no evaluation run '{runId}' to resume ({nameof(EvaluationOptions)}.{nameof(EvaluationOptions.ResumeRunId)}).", nameof(options));
        if (!batch && (await store.GetEvaluationBatchesAsync(options.Experiment, runId, cancellationToken).ConfigureAwait(false)).FirstOrDefault(b => !b.State.IsEnded()) is { } running)
        {
            throw new ArgumentException(
                $"Run '{runId}' has batch '{running.BatchId}' of judge '{running.JudgeName}' still at the provider ({running.State}): resume it with {nameof(Evaluator)}.{nameof(RunBatchAsync)} "
                + "(memalign evaluate --resume RUN), which collects that batch instead of paying for its rows again.", nameof(options));
        }

        await foreach (var record in store.GetEvaluationResultsAsync(options.Experiment, runId, cancellationToken).ConfigureAwait(false))
        {
            if (record.IsOk || !options.RetryErrors)
            {
                done.Add((record.TraceId, record.JudgeName));
                if (options.KeepResults)
                {
                    records.Add(record);
                }
            }
        }

        return (runId, records, done);
    }

    private static async IAsyncEnumerable<(Trace Trace, IJudge Judge)> Pending(IReadOnlyList<IJudge> judges, IAsyncEnumerable<Trace> traces,
        HashSet<(string, string)> done, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var trace in traces.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            foreach (var judge in judges)
            {
                if (!done.Contains((trace.Id, judge.Name)))
                {
                    yield return (trace, judge);
                }
            }
        }
    }

    private static async Task<EvaluationRecord> JudgeAsync(IJudge judge, Trace trace, CancellationToken cancellationToken)
    {
        try
        {
            return EvaluationRecord.From(await judge.EvaluateAsync(trace, cancellationToken).ConfigureAwait(false));
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            // Judges report failures as error verdicts; a custom judge that throws is treated the same way.
            return new EvaluationRecord
            {
                TraceId = trace.Id,
                JudgeName = judge.Name,
                Error = new JudgeError(JudgeErrorKind.ModelFailure, $"Judge '{judge.Name}' failed on trace '{trace.Id}': {Models.TransientFailures.Describe(e, (judge as Judge)?.SecretRedactor ?? SecretRedactor.None)}"),
            };
        }
    }

    private static async Task SaveAsync(IEvaluationStore store, string experiment, string runId, ChannelReader<EvaluationRecord> results)
    {
        var batch = new List<EvaluationRecord>(WriteBatch);
        while (await results.WaitToReadAsync().ConfigureAwait(false))
        {
            while (batch.Count < WriteBatch && results.TryRead(out var record))
            {
                batch.Add(record);
            }

            await store.SaveEvaluationResultsAsync(experiment, runId, batch, CancellationToken.None).ConfigureAwait(false);
            batch.Clear();
        }
    }
}
