namespace MemAlign.Evaluation;

/// <summary>A run: a named set of judge results over traces, or an experiment's report.</summary>
/// <param name="Id">The run's id.</param>
/// <param name="Experiment">The experiment it belongs to.</param>
/// <param name="Name">A name for people.</param>
/// <param name="CreatedAt">When it started.</param>
/// <param name="Settings">Your own extras recorded with it (MemAlign keeps what it knows about a run in the members below).</param>
public sealed record EvaluationRun(string Id, string Experiment, string Name, DateTimeOffset CreatedAt, IReadOnlyDictionary<string, string> Settings)
{
    /// <summary>An evaluation (results per trace) or an experiment (a report).</summary>
    public EvaluationRunKind Kind { get; init; }

    /// <summary>The judge it ran, or <see langword="null"/> for an evaluation of several judges (each result names its own).</summary>
    public string? JudgeName { get; init; }

    /// <summary>The registered version of <see cref="JudgeName"/> it ran, when it ran a registered one.</summary>
    public int? JudgeVersion { get; init; }

    /// <summary>Traces forgotten since the run was made that its records named (an experiment's folds): its figures were computed with them.</summary>
    public int ForgottenTraces { get; init; }
}

/// <summary>One judge's result on one trace in a run: a value, or the error that stopped it.</summary>
public sealed record EvaluationRecord
{
    /// <summary>The trace.</summary>
    public required string TraceId { get; init; }

    /// <summary>The judge.</summary>
    public required string JudgeName { get; init; }

    /// <summary>The value, or <see langword="null"/> for an error.</summary>
    public FeedbackValue? Value { get; init; }

    /// <summary>The judge's rationale.</summary>
    public string? Rationale { get; init; }

    /// <summary>The error, for a result without a value.</summary>
    public JudgeError? Error { get; init; }

    /// <summary>The model that answered.</summary>
    public string? Model { get; init; }

    /// <summary>Tokens used.</summary>
    public TokenUsage Usage { get; init; }

    /// <summary>Model calls made for it (not stored; zero for results read back from a store).</summary>
    public int ModelCalls { get; init; }

    /// <summary>Time taken.</summary>
    public TimeSpan Latency { get; init; }

    /// <summary>When it was recorded.</summary>
    public DateTimeOffset CreatedAt { get; init; } = SystemClock.Default.GetUtcNow();

    /// <summary>The traces whose examples the judge was shown (episodic memory), for a judge with memory.</summary>
    public IReadOnlyList<string> RetrievedExampleIds { get; init; } = [];

    /// <summary>
    /// Whether the rationale was withheld because the verdict drew on examples of traces since forgotten
    /// (its text could repeat theirs); the value stays.
    /// </summary>
    public bool Redacted { get; init; }

    /// <summary>
    /// The verdict's <see cref="JudgeVerdict.Confidence"/>, when its judge gave one. Kept in memory only:
    /// stores do not save it, so results read back from a store have <see langword="null"/>.
    /// </summary>
    public double? Confidence { get; init; }

    /// <summary>
    /// Whether the verdict came back from a batch (<see cref="Evaluator.RunBatchAsync(IReadOnlyList{IJudge}, IAsyncEnumerable{Trace}, EvaluationOptions?, BatchEvaluationOptions?, IProgress{BatchEvaluationProgress}?, CancellationToken)"/>),
    /// whose tokens the provider bills at its batch price. Kept in memory only, like <see cref="Confidence"/>.
    /// </summary>
    public bool Batched { get; init; }

    /// <summary>In a cascade, the stage that answered (stored with the result); <see langword="null"/> outside one.</summary>
    public CascadeStage? AnsweredBy { get; init; }

    /// <summary>
    /// For a pairwise trace, the judge's answers with the candidates in both orders (<see cref="JudgeVerdict.Pairwise"/>);
    /// <see langword="null"/> otherwise. Stored with the result.
    /// </summary>
    public PairwiseOrders? Pairwise { get; init; }

    /// <summary>Whether there is a value.</summary>
    public bool IsOk => Error is null;

    /// <summary>The record of a verdict.</summary>
    public static EvaluationRecord From(JudgeVerdict verdict)
    {
        ArgumentNullException.ThrowIfNull(verdict);
        return new EvaluationRecord
        {
            TraceId = verdict.TraceId,
            JudgeName = verdict.JudgeName,
            Value = verdict.Feedback,
            Rationale = verdict.Rationale,
            Error = verdict.Error,
            Model = verdict.Model,
            Usage = verdict.Usage,
            ModelCalls = verdict.ModelCalls,
            Latency = verdict.Latency,
            RetrievedExampleIds = verdict.RetrievedExampleIds,
            CreatedAt = verdict.CreatedAt,
            Confidence = verdict.Confidence,
            AnsweredBy = verdict.AnsweredBy,
            Pairwise = verdict.Pairwise,
        };
    }
}
