namespace MemAlign;

/// <summary>
/// One labelled example as a <c>*.memalign.json</c> file holds it: what an <see cref="EpisodicExample"/>
/// holds, without the vector (the judge embeds <see cref="EmbeddedText"/> again at first use), and with the
/// reviewer when the exporter knew who labelled it.
/// </summary>
public sealed class JudgeMemoryFileExample
{
    internal JudgeMemoryFileExample(
        string traceId, string id, FeedbackValue value, string? rationale, string? reviewer,
        string embeddedField, IReadOnlyDictionary<string, string> fields, string fingerprint, bool isDistilled)
    {
        TraceId = traceId;
        Id = id;
        Value = value;
        Rationale = rationale;
        Reviewer = reviewer;
        EmbeddedField = embeddedField;
        Fields = fields;
        Fingerprint = fingerprint;
        IsDistilled = isDistilled;
    }

    /// <summary>The trace the example comes from.</summary>
    public string TraceId { get; }

    /// <summary>The id of the human assessment the example comes from.</summary>
    public string Id { get; }

    /// <summary>The expert's verdict.</summary>
    public FeedbackValue Value { get; }

    /// <summary>The expert's rationale, if given.</summary>
    public string? Rationale { get; }

    /// <summary>Who gave the verdict, when the exporter knew.</summary>
    public string? Reviewer { get; }

    /// <summary>The field whose text retrieval compares.</summary>
    public string EmbeddedField { get; }

    /// <summary>The trace fields the rubric uses, by variable name, as the prompt shows them.</summary>
    public IReadOnlyDictionary<string, string> Fields { get; }

    /// <summary>A digest of the feedback and fields; a re-align with an equal digest costs nothing.</summary>
    public string Fingerprint { get; }

    /// <summary>Whether its rationale has been through distillation.</summary>
    public bool IsDistilled { get; }

    /// <summary>The embedded field's text.</summary>
    public string EmbeddedText => Fields.TryGetValue(EmbeddedField, out var text) ? text : "";

    internal EpisodicExample ToEpisodic(ReadOnlyMemory<float> vector) =>
        new(Id, TraceId, Value, Rationale, Fields, EmbeddedField, vector, Fingerprint, IsDistilled);

    internal static JudgeMemoryFileExample From(EpisodicExample example, string? reviewer) =>
        new(example.TraceId, example.Id, example.Value, example.Rationale, reviewer, example.EmbeddedField,
            new SortedDictionary<string, string>(example.Fields.ToDictionary(), StringComparer.Ordinal), example.Fingerprint, example.IsDistilled);
}
