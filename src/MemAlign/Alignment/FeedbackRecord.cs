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

    /// <summary>Who gave the winning labels, sorted.</summary>
    public IReadOnlyList<string> Reviewers => Assessments.Select(a => a.Source.Id).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();

    /// <summary>
    /// The trace's one example: the winning labels together (assessments come ordered by id, so the first id names
    /// it and the rationales keep that order), weighted by how many they are.
    /// </summary>
    public EpisodicExample ToExample(ReadOnlyMemory<float> vector, bool isDistilled) =>
        new(Assessments[0].Id, TraceId, Value, EpisodicExample.JoinRationales(Assessments.Select(a => a.Rationale)), Fields, EmbeddedField, vector, Fingerprint,
            isDistilled, Reviewers, Assessments.Count);
}
