namespace MemAlign;

/// <summary>
/// A judge's verdict on one trace: a value and a rationale, or an <see cref="Error"/> saying why there
/// is none. Errors are results, not exceptions, so that one bad trace never stops a batch.
/// </summary>
public class JudgeVerdict
{
    internal JudgeVerdict(VerdictData data)
    {
        Data = data;
    }

    /// <summary>The judge that gave the verdict.</summary>
    public string JudgeName => Data.JudgeName;

    /// <summary>The trace judged.</summary>
    public string TraceId => Data.TraceId;

    /// <summary>The model that answered (as it reported itself, when it did).</summary>
    public string Model => Data.Model;

    /// <summary>Whether there is a value (<see cref="Error"/> is <see langword="null"/>).</summary>
    public bool IsSuccess => Data.Error is null;

    /// <summary>The value as a <see cref="FeedbackValue"/>, or <see langword="null"/> for an error verdict.</summary>
    public FeedbackValue? Feedback => Data.Feedback;

    /// <summary>The judge's reasoning; for an error verdict, <see langword="null"/>.</summary>
    public string? Rationale => Data.Rationale;

    /// <summary>Why there is no value, or <see langword="null"/> on success.</summary>
    public JudgeError? Error => Data.Error;

    /// <summary>Tokens used by every model call this verdict took, retries included.</summary>
    public TokenUsage Usage => Data.Usage;

    /// <summary>Model calls made, retries included.</summary>
    public int ModelCalls => Data.ModelCalls;

    /// <summary>Wall time from the start of the evaluation to the verdict.</summary>
    public TimeSpan Latency => Data.Latency;

    /// <summary>The trace ids of the examples retrieved from episodic memory for this verdict (empty for an unaligned judge).</summary>
    public IReadOnlyList<string> RetrievedExampleIds => Data.RetrievedExampleIds;

    /// <summary>When the verdict was made.</summary>
    public DateTimeOffset CreatedAt => Data.CreatedAt;

    /// <summary>
    /// How sure the judge is, from 0 to 1, when its model estimates it: the local judge gives the
    /// probability of the class it chose (pass/fail, categorical) or a spread-based score (numeric; see
    /// <see cref="Judge.CreateLocal(JudgeDefinition, JudgeOptions?)"/>). <see langword="null"/> for LLM
    /// judges and for error verdicts.
    /// </summary>
    public double? Confidence => Data.Confidence;

    /// <summary>
    /// In a cascade (a local judge answering where it is confident enough, a model judge answering the rest), the stage
    /// that gave this verdict; <see langword="null"/> for a judge that is not a cascade.
    /// </summary>
    public CascadeStage? AnsweredBy => Data.AnsweredBy;

    /// <summary>
    /// Whether the judge answered its declared "not applicable" value (<see cref="FeedbackValueType.NotApplicable"/>):
    /// the question does not apply to this trace, so <see cref="Feedback"/> is that value, not a rating on the scale.
    /// </summary>
    public bool IsNotApplicable => Data.NotApplicable;

    /// <summary>
    /// For a pairwise trace (<see cref="PairwiseTrace"/>), the judge's answers with the candidates in both orders, mapped to
    /// the canonical names, and whether they agree (<see cref="PairwiseOrders.IsConsistent"/>); <see langword="null"/> for
    /// any other trace and for an error verdict.
    /// </summary>
    public PairwiseOrders? Pairwise => Data.Pairwise;

    internal VerdictData Data { get; }

    /// <summary>The verdict as an assessment with source <see cref="AssessmentSourceType.LlmJudge"/>, named after the judge.</summary>
    /// <exception cref="InvalidOperationException">The verdict is an error and has no value.</exception>
    public Assessment ToAssessment()
    {
        var value = Feedback ?? throw new InvalidOperationException(
            $"Judge '{JudgeName}' has no value for trace '{TraceId}' to record: {Error}");
        return new Assessment(JudgeName, value, AssessmentSource.LlmJudge(Model), Rationale, CreatedAt);
    }

    /// <inheritdoc />
    public override string ToString() =>
        IsSuccess ? $"{JudgeName}({TraceId}) = {Feedback}: {Rationale}" : $"{JudgeName}({TraceId}) failed: {Error}";
}

/// <summary>A verdict of a <see cref="Judge{T}"/>, with its value typed.</summary>
/// <typeparam name="T">The judge's value type.</typeparam>
public sealed class JudgeVerdict<T> : JudgeVerdict
{
    private readonly T _value;

    internal JudgeVerdict(VerdictData data, T value)
        : base(data)
    {
        _value = value;
    }

    /// <summary>The value.</summary>
    /// <exception cref="InvalidOperationException">The verdict is an error (check <see cref="JudgeVerdict.IsSuccess"/> or use <see cref="TryGetValue"/>).</exception>
    public T Value => IsSuccess
        ? _value
        : throw new InvalidOperationException($"Judge '{JudgeName}' has no value for trace '{TraceId}': {Error}");

    /// <summary>Gets the value when there is one.</summary>
    public bool TryGetValue(out T value)
    {
        value = _value;
        return IsSuccess;
    }
}

/// <summary>The facts of a verdict, shared by the typed and untyped views.</summary>
internal sealed record VerdictData(
    string JudgeName,
    string TraceId,
    string Model,
    FeedbackValue? Feedback,
    string? Rationale,
    JudgeError? Error,
    TokenUsage Usage,
    int ModelCalls,
    TimeSpan Latency,
    IReadOnlyList<string> RetrievedExampleIds,
    DateTimeOffset CreatedAt,
    double? Confidence = null)
{
    /// <summary>In a cascade, the stage that answered; <see langword="null"/> outside one.</summary>
    public CascadeStage? AnsweredBy { get; init; }

    /// <summary>Whether the value is the judge's declared "not applicable" value.</summary>
    public bool NotApplicable { get; init; }

    /// <summary>For a pairwise trace, the answers with the candidates in both orders; <see langword="null"/> otherwise.</summary>
    public PairwiseOrders? Pairwise { get; init; }
}
