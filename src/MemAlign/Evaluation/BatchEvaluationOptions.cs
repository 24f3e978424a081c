namespace MemAlign.Evaluation;

/// <summary>How a batch evaluation submits and waits (<see cref="Evaluator.RunBatchAsync(IReadOnlyList{IJudge}, IAsyncEnumerable{Trace}, EvaluationOptions?, BatchEvaluationOptions?, IProgress{BatchEvaluationProgress}?, CancellationToken)"/>).</summary>
public sealed record BatchEvaluationOptions
{
    /// <summary>How long to wait between looks at a running batch. Default 30 seconds.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>The most rows one batch holds; more become several batches. Default 50,000 (OpenAI's limit).</summary>
    public int MaxRequestsPerBatch { get; init; } = 50_000;

    /// <summary>
    /// Whether rows a batch never ran (it expired or was cancelled) are submitted again in a new batch, once per call;
    /// the rows it finished are kept and never sent twice. Default <see langword="true"/>; when off, they stay
    /// pending for the next resume.
    /// </summary>
    public bool ResubmitUnfinished { get; init; } = true;

    internal void Validate()
    {
        if (PollInterval < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(PollInterval), PollInterval, $"{nameof(BatchEvaluationOptions)}.{nameof(PollInterval)} must not be negative.");
        }

        if (MaxRequestsPerBatch < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxRequestsPerBatch), MaxRequestsPerBatch, $"{nameof(BatchEvaluationOptions)}.{nameof(MaxRequestsPerBatch)} must be at least 1.");
        }
    }
}

/// <summary>Where a batch evaluation is.</summary>
/// <param name="RunId">The stored run (what to resume), when the evaluation has a store.</param>
/// <param name="JudgeName">The judge whose batch is reported, or <see langword="null"/> between batches.</param>
/// <param name="Batch">The batch as last seen, or <see langword="null"/> while prompts are being built.</param>
/// <param name="Completed">Results finished in this call (values and errors).</param>
/// <param name="Errors">Of those, errors.</param>
/// <param name="Resumed">Results kept from the run being resumed.</param>
public sealed record BatchEvaluationProgress(string? RunId, string? JudgeName, ChatBatch? Batch, int Completed, int Errors, int Resumed);
