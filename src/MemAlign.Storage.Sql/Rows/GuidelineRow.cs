using System.Data.Common;

namespace MemAlign.Storage.Sql.Rows;

/// <summary>A row of <c>judge_guidelines</c>.</summary>
internal sealed record GuidelineRow(int Ordinal, string Text, bool UserWritten)
{
    public static GuidelineRow Read(DbDataReader row) => new(row.Int("ordinal"), row.Text("text"), row.Int("user_written") != 0);
}

/// <summary>A row of <c>judge_guideline_sources</c>.</summary>
internal sealed record GuidelineSourceRow(int Ordinal, string TraceId)
{
    public static GuidelineSourceRow Read(DbDataReader row) => new(row.Int("ordinal"), row.Text("trace_id"));
}
