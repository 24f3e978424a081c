using System.Data.Common;

namespace MemAlign.Storage.Sql.Rows;

/// <summary>A row of <c>trace_tags</c>.</summary>
internal sealed record TagRow(string TraceId, string Key, string Value)
{
    public static TagRow Read(DbDataReader row) => new(row.Text("trace_id"), row.Text("tag_key"), row.Text("tag_value"));
}
