namespace MemAlign.Alignment;

/// <summary>The usable expert feedback on one trace: the winning human assessments (all with one value) and the fields the rubric uses.</summary>
internal sealed record FeedbackRecord(
    string TraceId,
    FeedbackValue Value,
    IReadOnlyList<Assessment> Assessments,
    IReadOnlyDictionary<string, string> Fields,
    string EmbeddedField,
    string Fingerprint)
{
    public string EmbeddedText => Fields[EmbeddedField];
}
