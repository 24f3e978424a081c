using System.Data.Common;
using MemAlign.Evaluation;

namespace MemAlign.Storage.Sql.Rows;

/// <summary>A row of <c>eval_run_batches</c>: a batch a run submitted, its state kept by name.</summary>
internal sealed record EvaluationBatchRow(string JudgeName, string BatchId, string? InputFileId, string State, long CreatedAt, long UpdatedAt)
{
    public const string Columns = "judge_name, batch_id, input_file_id, state, created_at, updated_at";

    public static EvaluationBatchRow Read(DbDataReader row) => new(
        row.Text("judge_name"), row.Text("batch_id"), row.NullableText("input_file_id"), row.Text("state"), row.Long("created_at"), row.Long("updated_at"));

    public EvaluationBatch ToBatch() => new(JudgeName, BatchId, Enum.Parse<ChatBatchState>(State), new DateTimeOffset(CreatedAt, TimeSpan.Zero), new DateTimeOffset(UpdatedAt, TimeSpan.Zero))
    {
        InputFileId = InputFileId,
    };
}
