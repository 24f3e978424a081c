namespace MemAlign;

/// <summary>
/// One labelled example in a judge's episodic memory: an expert's verdict and rationale on a trace, the
/// trace fields the rubric uses (as the prompt shows them), and the embedding of the one field retrieval
/// compares (the first of inputs, outputs, expectations, conversation, trace that the rubric uses).
/// </summary>
public sealed class EpisodicExample
{
    /// <summary>Creates an example.</summary>
    public EpisodicExample(
        string id,
        string traceId,
        FeedbackValue value,
        string? rationale,
        IReadOnlyDictionary<string, string> fields,
        string embeddedField,
        ReadOnlyMemory<float> vector,
        string fingerprint,
        bool isDistilled)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentException.ThrowIfNullOrWhiteSpace(traceId);
        ArgumentNullException.ThrowIfNull(value);
        ArgumentNullException.ThrowIfNull(fields);
        ArgumentException.ThrowIfNullOrWhiteSpace(embeddedField);
        ArgumentNullException.ThrowIfNull(fingerprint);
        Id = id;
        TraceId = traceId;
        Value = value;
        Rationale = rationale;
        Fields = fields;
        EmbeddedField = embeddedField;
        Vector = vector;
        Fingerprint = fingerprint;
        IsDistilled = isDistilled;
    }

    /// <summary>The id of the human assessment the example comes from.</summary>
    public string Id { get; }

    /// <summary>The trace the example comes from.</summary>
    public string TraceId { get; }

    /// <summary>The expert's verdict.</summary>
    public FeedbackValue Value { get; }

    /// <summary>The expert's rationale, if given.</summary>
    public string? Rationale { get; }

    /// <summary>The trace fields the rubric uses, by variable name, as the prompt shows them.</summary>
    public IReadOnlyDictionary<string, string> Fields { get; }

    /// <summary>The field whose text was embedded.</summary>
    public string EmbeddedField { get; }

    /// <summary>The embedding of <see cref="EmbeddedField"/>, L2-normalised.</summary>
    public ReadOnlyMemory<float> Vector { get; }

    /// <summary>A digest of the feedback and fields; a re-align with an equal digest costs nothing.</summary>
    public string Fingerprint { get; }

    /// <summary>Whether its rationale has been through distillation (false after a failed batch, until a later align distils it).</summary>
    public bool IsDistilled { get; }

    /// <summary>The embedded field's text.</summary>
    public string EmbeddedText => Fields.TryGetValue(EmbeddedField, out var text) ? text : "";

    internal EpisodicExample WithDistilled(bool isDistilled) =>
        new(Id, TraceId, Value, Rationale, Fields, EmbeddedField, Vector, Fingerprint, isDistilled);
}
