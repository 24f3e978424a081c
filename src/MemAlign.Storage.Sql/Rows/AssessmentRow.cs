using System.Data.Common;

namespace MemAlign.Storage.Sql.Rows;

/// <summary>A row of <c>assessments</c>.</summary>
internal sealed record AssessmentRow(string TraceId, string AssessmentId, string Name, string Value, string? Rationale, string SourceType, string SourceId, long CreatedAt, long UpdatedAt)
{
    public const string Columns = "trace_id, assessment_id, name, value, rationale, source_type, source_id, created_at, updated_at";

    public static AssessmentRow Read(DbDataReader row) => new(
        row.Text("trace_id"), row.Text("assessment_id"), row.Text("name"), row.Text("value"), row.NullableText("rationale"),
        row.Text("source_type"), row.Text("source_id"), row.Long("created_at"), row.Long("updated_at"));

    public Assessment ToAssessment() =>
        new(Name, StoredJson.ReadValue(Value), new AssessmentSource(SourceTypeOf(SourceType), SourceId), Rationale, new DateTimeOffset(CreatedAt, TimeSpan.Zero))
        {
            Id = AssessmentId,
            UpdatedAt = new DateTimeOffset(UpdatedAt, TimeSpan.Zero),
        };

    private static AssessmentSourceType SourceTypeOf(string name) => AssessmentSource.TryParseType(name, out var type)
        ? type
        : throw new InvalidDataException($"An assessment in the store has the source type '{name}', which is not HUMAN, LLM_JUDGE or CODE.");
}
