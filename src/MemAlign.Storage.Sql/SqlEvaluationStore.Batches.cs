using MemAlign.Evaluation;
using MemAlign.Storage.Sql.Rows;

namespace MemAlign.Storage.Sql;

// The batches a run submitted (eval_run_batches), so that resuming it collects them instead of paying twice.
internal sealed partial class SqlEvaluationStore
{
    public async Task SaveEvaluationBatchAsync(string experiment, string runId, EvaluationBatch batch, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentException.ThrowIfNullOrWhiteSpace(batch.JudgeName);
        ArgumentException.ThrowIfNullOrWhiteSpace(batch.BatchId);
        await session.WriteAsync($"saving batch '{batch.BatchId}' of evaluation run '{runId}'", async (connection, tx) =>
        {
            if (!await IsRunOfAsync(connection, tx, experiment, runId, cancellationToken).ConfigureAwait(false))
            {
                throw new InvalidOperationException($"Experiment '{experiment}' has no evaluation run '{runId}' to save batch '{batch.BatchId}' to.");
            }

            // The first save's creation time and input file stay: later saves only move the state on.
            return await SqlSession.ExecuteAsync(connection, tx,
                "INSERT INTO eval_run_batches (run_id, judge_name, batch_id, input_file_id, state, created_at, updated_at) VALUES (@r, @j, @b, @f, @s, @c, @u) " +
                "ON CONFLICT (run_id, judge_name, batch_id) DO UPDATE SET state = excluded.state, updated_at = excluded.updated_at, " +
                "input_file_id = COALESCE(eval_run_batches.input_file_id, excluded.input_file_id)",
                [("@r", runId), ("@j", batch.JudgeName), ("@b", batch.BatchId), ("@f", batch.InputFileId), ("@s", batch.State.ToString()),
                 ("@c", batch.CreatedAt.UtcTicks), ("@u", batch.UpdatedAt.UtcTicks)], cancellationToken).ConfigureAwait(false);
        }, cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<EvaluationBatch>> GetEvaluationBatchesAsync(string experiment, string runId, CancellationToken cancellationToken = default) =>
        (await session.RunAsync($"reading the batches of evaluation run '{runId}'", connection => SqlSession.QueryAsync(connection, null,
            $"SELECT {EvaluationBatchRow.Columns} FROM eval_run_batches b WHERE b.run_id = @r AND EXISTS (SELECT 1 FROM eval_runs r WHERE r.run_id = b.run_id AND r.experiment = @e) " +
            "ORDER BY b.created_at, b.batch_id", [("@r", runId), ("@e", experiment)], EvaluationBatchRow.Read, cancellationToken), cancellationToken).ConfigureAwait(false))
        .Select(r => r.ToBatch()).ToList();
}
