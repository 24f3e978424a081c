using System.Data.Common;
using MemAlign.Storage.Sql.Rows;

namespace MemAlign.Storage.Sql;

internal static partial class SqlTraceWriter
{
    private const string StageTraces = "memalign_stage_traces";
    private const string StageTags = "memalign_stage_tags";
    private const string StageAssessments = "memalign_stage_assessments";

    // The batch is loaded into temporary tables (the dialect's bulk copy), then merged: one statement per table, whatever the batch size.
    private static async Task WriteStagedAsync(SqlDialect dialect, DbConnection connection, DbTransaction transaction, string experiment, IReadOnlyList<Trace> batch,
        DateTimeOffset now, CancellationToken cancellationToken)
    {
        var forgotten = await AnyForgottenAsync(connection, transaction, experiment, cancellationToken).ConfigureAwait(false);
        if (!forgotten && await CopiedAsNewAsync(dialect, connection, transaction, experiment, batch, cancellationToken).ConfigureAwait(false))
        {
            return;
        }


        // A batch of traces new to the store (a first import) has no tags to delete nor assessments to keep in history: those
        // two statements join the staged rows to the whole stored tables, the costliest part of a batch, and would match nothing.
        var anyStored = (await LabelledOrTaggedAsync(dialect, connection, transaction, experiment, batch, cancellationToken).ConfigureAwait(false)).Count > 0;
        SqlColumn[] traceColumns = [.. TraceColumns, new("id_hash", "TEXT")];
        var stages = new (string Table, SqlColumn[] Columns, IEnumerable<object?[]> Rows)[]
        {
            (StageTraces, traceColumns, batch.Select(t => (object?[])[.. TraceValues(t), forgotten ? SqlForgetting.Hash(t.Id) : null])),
            (StageTags, TagColumns, TagRows(batch, experiment: null)),
            (StageAssessments, AssessmentColumns, AssessmentRows(batch, experiment: null)),
        };
        foreach (var (table, columns, rows) in stages)
        {
            await ExecuteAsync($"CREATE TEMPORARY TABLE {table} ({string.Join(", ", columns.Select(c => $"{c.Name} {c.Type}"))})", []).ConfigureAwait(false);
            await dialect.InsertRowsAsync(connection, transaction, table, columns, rows, onConflict: null, cancellationToken).ConfigureAwait(false);
        }

        List<(string, object?)> e = [("@e", experiment)];
        await ExecuteAsync($"INSERT INTO traces (experiment, {Names(TraceColumns)}) SELECT @e, {Names(TraceColumns)} FROM {StageTraces} WHERE 1 = 1 " +
            $"ON CONFLICT (experiment, trace_id) DO UPDATE SET {Updates(TraceColumns[1..])}", e).ConfigureAwait(false);
        if (anyStored)
        {
            await ExecuteAsync($"DELETE FROM trace_tags WHERE experiment = @e AND trace_id IN (SELECT trace_id FROM {StageTraces})", e).ConfigureAwait(false);
        }

        if (forgotten)
        {
            await ExecuteAsync($"DELETE FROM forgotten_traces WHERE experiment = @e AND trace_hash IN (SELECT id_hash FROM {StageTraces})", e).ConfigureAwait(false);
        }

        await ExecuteAsync($"INSERT INTO trace_tags (experiment, {Names(TagColumns)}) SELECT @e, {Names(TagColumns)} FROM {StageTags}", e).ConfigureAwait(false);
        var current = string.Join(", ", AssessmentRow.Columns.Split(", ").Select(c => "a." + c));
        if (anyStored)
        {
            await ExecuteAsync($"INSERT INTO assessment_history ({AssessmentRow.Columns}, experiment, superseded_at) SELECT {current}, a.experiment, @now FROM assessments a " +
                $"JOIN {StageAssessments} s ON a.trace_id = s.trace_id AND a.name_key = s.name_key AND a.source_type = s.source_type AND a.source_id = s.source_id " +
                "WHERE a.experiment = @e AND (a.value <> s.value OR COALESCE(a.rationale, '') <> COALESCE(s.rationale, '') " +
                "OR COALESCE(a.rated_content, '') <> COALESCE(s.rated_content, '') OR a.name <> s.name OR COALESCE(a.judge_shown, -1) <> COALESCE(s.judge_shown, -1))", [.. e, ("@now", now.UtcTicks)]).ConfigureAwait(false);
        }

        await ExecuteAsync($"INSERT INTO assessments (experiment, {Names(AssessmentColumns)}) SELECT @e, {Names(AssessmentColumns)} FROM {StageAssessments} WHERE 1 = 1 " +
            $"ON CONFLICT (experiment, trace_id, name_key, source_type, source_id) DO UPDATE SET {AssessmentUpdates}", e).ConfigureAwait(false);
        foreach (var (table, _, _) in stages)
        {
            await ExecuteAsync($"DROP TABLE {table}", []).ConfigureAwait(false);
        }

        Task<int> ExecuteAsync(string sql, IReadOnlyList<(string, object?)> parameters) => SqlSession.ExecuteAsync(connection, transaction, sql, parameters, cancellationToken);
    }

    // A batch none of whose traces is stored (a first import) has nothing to merge: its rows are copied straight into the tables,
    // saving the staging tables and a merge per table (a third of a first import's time on PostgreSQL). Another writer may store one
    // of its traces between the check and the copy: the copy then fails on the key, is rolled back to the savepoint, and the batch is
    // merged after all. False when the batch was not copied.
    private static async Task<bool> CopiedAsNewAsync(SqlDialect dialect, DbConnection connection, DbTransaction transaction, string experiment, IReadOnlyList<Trace> batch,
        CancellationToken cancellationToken)
    {
        if (await AnyTraceStoredAsync(dialect, connection, transaction, experiment, batch, cancellationToken).ConfigureAwait(false))
        {
            return false;
        }

        const string savepoint = "memalign_new_traces";
        await transaction.SaveAsync(savepoint, cancellationToken).ConfigureAwait(false);
        try
        {
            var e = new SqlColumn("experiment", "TEXT");
            await dialect.InsertRowsAsync(connection, transaction, "traces", [e, .. TraceColumns], TraceRows(batch, experiment), null, cancellationToken).ConfigureAwait(false);
            await dialect.InsertRowsAsync(connection, transaction, "trace_tags", [e, .. TagColumns], TagRows(batch, experiment), null, cancellationToken).ConfigureAwait(false);
            await dialect.InsertRowsAsync(connection, transaction, "assessments", [e, .. AssessmentColumns], AssessmentRows(batch, experiment), null, cancellationToken).ConfigureAwait(false);
        }
        catch (DbException error) when (error.SqlState == UniqueViolation)
        {
            await transaction.RollbackAsync(savepoint, cancellationToken).ConfigureAwait(false);
            return false;
        }

        await transaction.ReleaseAsync(savepoint, cancellationToken).ConfigureAwait(false);
        return true;
    }

    private const string UniqueViolation = "23505";

    // Whether any trace of the batch is stored in the experiment. (Tags or labels stored without their trace would make the copy
    // fail on their keys, and the batch be merged: correct, if slower, for what no write path leaves behind.)
    private static async Task<bool> AnyTraceStoredAsync(SqlDialect dialect, DbConnection connection, DbTransaction transaction, string experiment, IReadOnlyList<Trace> batch,
        CancellationToken cancellationToken)
    {
        foreach (var chunk in batch.Select(t => t.Id).Chunk(SqlSession.InListSize))
        {
            var (inList, parameters) = SqlParameters.InList(dialect, chunk);
            parameters.Add(("@e", experiment));
            var found = await SqlSession.QueryAsync(connection, transaction,
                $"SELECT 1 AS found WHERE EXISTS (SELECT 1 FROM traces WHERE experiment = @e AND trace_id IN ({inList}))",
                parameters, row => row.Long("found"), cancellationToken).ConfigureAwait(false);
            if (found.Count > 0)
            {
                return true;
            }
        }

        return false;
    }
}
