using System.Data.Common;

namespace MemAlign.Storage.Sql.Rows;

/// <summary>A row of <c>judge_examples</c>.</summary>
internal sealed record ExampleRow(string ExampleId, string TraceId, string Value, string? Rationale, string Fields, string EmbeddedField, byte[] Vector, string Fingerprint, bool Distilled)
{
    public const string Columns = "example_id, trace_id, value, rationale, fields, embedded_field, vector, fingerprint, distilled";

    public static ExampleRow Read(DbDataReader row) => new(
        row.Text("example_id"), row.Text("trace_id"), row.Text("value"), row.NullableText("rationale"), row.Text("fields"),
        row.Text("embedded_field"), row.Bytes("vector"), row.Text("fingerprint"), row.Int("distilled") != 0);

    public EpisodicExample ToExample() => new(
        ExampleId, TraceId, StoredJson.ReadValue(Value), Rationale, StoredJson.ReadStrings(Fields), EmbeddedField, StoredJson.ReadVector(Vector), Fingerprint, Distilled);
}
