namespace MemAlign;

/// <summary>
/// One labelled trace in a judge's episodic memory: the experts' verdict and rationales on it, the trace
/// fields the rubric uses (as the prompt shows them), and the embedding of the one field retrieval compares
/// (the conversation for a conversation judge, otherwise the first of inputs, outputs, expectations, trace that the
/// rubric uses). A conversation is kept as a transcript shortened to the embedder's token budget
/// (<see cref="EmbeddingTokenLimit"/>): the first user turn, the last turns, and a marker for the turns left out. A trace is one
/// example however many experts labelled it: the agreeing labels (as <see cref="LabelResolution"/> decides)
/// are listed in <see cref="Reviewers"/> and counted in <see cref="Weight"/>, their rationales kept together
/// in <see cref="Rationale"/>. A <see cref="JudgeMemoryFile"/>'s examples are the same, without a vector.
/// </summary>
public sealed class EpisodicExample
{
    /// <summary>Creates an example.</summary>
    /// <param name="id">The id of the first (ordinal) of the agreeing human assessments it stands for.</param>
    /// <param name="traceId">The trace.</param>
    /// <param name="value">The verdict the experts agreed on.</param>
    /// <param name="rationale">Their rationales, kept together (the distinct ones, each trimmed, separated by a blank line), or <see langword="null"/> when none gave one.</param>
    /// <param name="fields">The trace fields the rubric uses.</param>
    /// <param name="embeddedField">The field whose text is embedded.</param>
    /// <param name="vector">The embedding (empty in a memory file, which holds no vectors).</param>
    /// <param name="fingerprint">The digest of the feedback and fields.</param>
    /// <param name="isDistilled">Whether the rationale has been distilled.</param>
    /// <param name="reviewers">Who gave the agreeing labels, where known (none for examples stored before version 6 of the store).</param>
    /// <param name="weight">How many agreeing labels the example stands for: at least 1 and at least as many as <paramref name="reviewers"/>.</param>
    /// <exception cref="ArgumentException">A required argument is blank, a reviewer is blank or repeated, or the weight is below the reviewers' count.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="weight"/> is below 1.</exception>
    public EpisodicExample(
        string id,
        string traceId,
        FeedbackValue value,
        string? rationale,
        IReadOnlyDictionary<string, string> fields,
        string embeddedField,
        ReadOnlyMemory<float> vector,
        string fingerprint,
        bool isDistilled,
        IReadOnlyList<string>? reviewers = null,
        int weight = 1)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentException.ThrowIfNullOrWhiteSpace(traceId);
        ArgumentNullException.ThrowIfNull(value);
        ArgumentNullException.ThrowIfNull(fields);
        ArgumentException.ThrowIfNullOrWhiteSpace(embeddedField);
        ArgumentNullException.ThrowIfNull(fingerprint);
        ArgumentOutOfRangeException.ThrowIfLessThan(weight, 1);
        reviewers ??= [];
        if (reviewers.Any(string.IsNullOrWhiteSpace) || reviewers.Distinct(StringComparer.Ordinal).Count() != reviewers.Count)
        {
            throw new ArgumentException($"Example '{id}' (trace '{traceId}') lists a blank or repeated reviewer.", nameof(reviewers));
        }

        if (reviewers.Count > weight)
        {
            throw new ArgumentException($"Example '{id}' (trace '{traceId}') lists {reviewers.Count} reviewers but stands for {weight} label(s).", nameof(weight));
        }

        Id = id;
        TraceId = traceId;
        Value = value;
        Rationale = rationale;
        Fields = fields;
        EmbeddedField = embeddedField;
        Vector = vector;
        Fingerprint = fingerprint;
        IsDistilled = isDistilled;
        Reviewers = reviewers.ToArray();
        Weight = weight;
    }

    /// <summary>The id of the first (ordinal) human assessment the example stands for.</summary>
    public string Id { get; }

    /// <summary>The trace the example comes from.</summary>
    public string TraceId { get; }

    /// <summary>The experts' verdict.</summary>
    public FeedbackValue Value { get; }

    /// <summary>The experts' rationales, kept together in the order of their assessment ids; <see langword="null"/> when none gave one.</summary>
    public string? Rationale { get; }

    /// <summary>The trace fields the rubric uses, by variable name, as the prompt shows them.</summary>
    public IReadOnlyDictionary<string, string> Fields { get; }

    /// <summary>The field whose text was embedded.</summary>
    public string EmbeddedField { get; }

    /// <summary>The embedding of <see cref="EmbeddedField"/>, L2-normalised; empty in a <see cref="JudgeMemoryFile"/>.</summary>
    public ReadOnlyMemory<float> Vector { get; }

    /// <summary>A digest of the feedback and fields; a re-align with an equal digest costs nothing.</summary>
    public string Fingerprint { get; }

    /// <summary>Whether its rationale has been through distillation (false after a failed batch, until a later align distils it).</summary>
    public bool IsDistilled { get; }

    /// <summary>Who gave the agreeing labels (assessment source ids), sorted; empty when unknown (examples stored before reviewers were kept).</summary>
    public IReadOnlyList<string> Reviewers { get; }

    /// <summary>
    /// How many agreeing human labels the example stands for (1 for a trace one expert labelled). The local
    /// judge counts a retrieved trace by this weight; retrieval gives the trace one slot whatever its weight.
    /// </summary>
    public int Weight { get; }

    /// <summary>The embedded field's text.</summary>
    public string EmbeddedText => Fields.TryGetValue(EmbeddedField, out var text) ? text : "";

    /// <summary>
    /// Several experts' rationales as one: the distinct non-blank ones, trimmed, in the order given (by assessment
    /// id), separated by a blank line; <see langword="null"/> when there are none.
    /// </summary>
    internal static string? JoinRationales(IEnumerable<string?> rationales)
    {
        ArgumentNullException.ThrowIfNull(rationales);
        var kept = rationales.Where(r => !string.IsNullOrWhiteSpace(r)).Select(r => r!.Trim()).Distinct(StringComparer.Ordinal).ToList();
        return kept.Count == 0 ? null : string.Join("\n\n", kept);
    }

    internal EpisodicExample WithDistilled(bool isDistilled) =>
        new(Id, TraceId, Value, Rationale, Fields, EmbeddedField, Vector, Fingerprint, isDistilled, Reviewers, Weight);

    internal EpisodicExample WithVector(ReadOnlyMemory<float> vector) =>
        new(Id, TraceId, Value, Rationale, Fields, EmbeddedField, vector, Fingerprint, IsDistilled, Reviewers, Weight);

    internal EpisodicExample WithoutVector() => WithVector(ReadOnlyMemory<float>.Empty);

    internal EpisodicExample WithReviewers(IReadOnlyList<string> reviewers) =>
        new(Id, TraceId, Value, Rationale, Fields, EmbeddedField, Vector, Fingerprint, IsDistilled, reviewers, Math.Max(Weight, reviewers.Count));

    /// <summary>
    /// Examples of one trace as one, as memories written before one example per trace stored one per label: the
    /// first by id gives the id, fields, vector and fingerprint; the weights add up; the reviewers and rationales are
    /// kept together; it is distilled when all were.
    /// </summary>
    /// <exception cref="ArgumentException">The examples disagree on the verdict: they cannot be one example.</exception>
    internal static EpisodicExample Merge(IReadOnlyList<EpisodicExample> sameTrace)
    {
        if (sameTrace.Count == 1)
        {
            return sameTrace[0];
        }

        var ordered = sameTrace.OrderBy(e => e.Id, StringComparer.Ordinal).ToList();
        var first = ordered[0];
        if (ordered.FirstOrDefault(e => !e.Value.Equals(first.Value)) is { } other)
        {
            throw new ArgumentException(
                $"Trace '{first.TraceId}' has examples with different verdicts ({first.Value} in '{first.Id}', {other.Value} in '{other.Id}'); a trace is one example, with one verdict.");
        }

        var reviewers = ordered.SelectMany(e => e.Reviewers).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        return new EpisodicExample(first.Id, first.TraceId, first.Value, JoinRationales(ordered.Select(e => e.Rationale)), first.Fields, first.EmbeddedField,
            first.Vector, first.Fingerprint, ordered.All(e => e.IsDistilled), reviewers, Math.Max(ordered.Sum(e => e.Weight), reviewers.Count));
    }
}
