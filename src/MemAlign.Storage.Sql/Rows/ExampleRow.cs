using System.Data.Common;

namespace MemAlign.Storage.Sql.Rows;

/// <summary>
/// A row of <c>judge_examples</c>: one example, so one trace, of a judge version. Rows written before schema 6
/// have no reviewers (null) and weight 1, one row per label; <see cref="JudgeMemory"/> merges them per trace.
/// </summary>
internal sealed record ExampleRow(
    string ExampleId, string TraceId, string Value, string? Rationale, string Fields, string EmbeddedField, byte[] Vector, string Fingerprint, bool Distilled,
    string? Reviewers, int Weight)
{
    public const string Columns = "example_id, trace_id, value, rationale, fields, embedded_field, vector, fingerprint, distilled, reviewers, weight";

    public static ExampleRow Read(DbDataReader row) => new(
        row.Text("example_id"), row.Text("trace_id"), row.Text("value"), row.NullableText("rationale"), row.Text("fields"),
        row.Text("embedded_field"), row.Bytes("vector"), row.Text("fingerprint"), row.Int("distilled") != 0, row.NullableText("reviewers"), row.Int("weight"));

    public EpisodicExample ToExample() => new(
        ExampleId, TraceId, StoredJson.ReadValue(Value), Rationale, StoredJson.ReadStrings(Fields), EmbeddedField, StoredJson.ReadVector(Vector), Fingerprint, Distilled,
        Reviewers is null ? null : StoredJson.ReadList(Reviewers), Weight);
}
