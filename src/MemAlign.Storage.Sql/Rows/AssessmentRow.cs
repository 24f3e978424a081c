using System.Data.Common;

namespace MemAlign.Storage.Sql.Rows;

/// <summary>A row of <c>assessments</c>.</summary>
internal sealed record AssessmentRow(
    string TraceId, string AssessmentId, string Name, string NameKey, string Value, string? Rationale, string SourceType, string SourceId, long CreatedAt, long UpdatedAt, string? RatedContent, bool? JudgeShown)
{
    /// <summary>The columns of <c>assessments</c> and <c>assessment_history</c> (but the experiment and, for history, the time superseded).</summary>
    public const string Columns = "trace_id, assessment_id, name, name_key, value, rationale, source_type, source_id, created_at, updated_at, rated_content, judge_shown";

    public static AssessmentRow Read(DbDataReader row) => new(
        row.Text("trace_id"), row.Text("assessment_id"), row.Text("name"), row.Text("name_key"), row.Text("value"), row.NullableText("rationale"),
        row.Text("source_type"), row.Text("source_id"), row.Long("created_at"), row.Long("updated_at"), row.NullableText("rated_content"),
        row.NullableInt("judge_shown") is { } shown ? shown != 0 : null);

    public Assessment ToAssessment() =>
        new(Name, StoredJson.ReadValue(Value), new AssessmentSource(SourceTypeColumn.Parse(SourceType), SourceId), Rationale, new DateTimeOffset(CreatedAt, TimeSpan.Zero))
        {
            Id = AssessmentId,
            UpdatedAt = new DateTimeOffset(UpdatedAt, TimeSpan.Zero),
            RatedContent = RatedContent,
            JudgeShown = JudgeShown,
        };
}
