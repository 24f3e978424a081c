using System.Data.Common;

namespace MemAlign.Storage.Sql.Rows;

/// <summary>A row of <c>traces</c>.</summary>
internal sealed record TraceRow(string TraceId, object Inputs, object Outputs, object Expectations, string Metadata, long CreatedAt)
{
    public const string Columns = "t.trace_id, t.inputs, t.outputs, t.expectations, t.metadata, t.created_at";

    public static TraceRow Read(DbDataReader row) =>
        new(row.Text("trace_id"), row.Value("inputs"), row.Value("outputs"), row.Value("expectations"), row.Text("metadata"), row.Long("created_at"));
}
