using System.Data.Common;
using System.Text.Json;

namespace MemAlign.Storage.Sql;

/// <summary>
/// The store's schema, as forward migrations. A store records its schema version; opening one written
/// by a newer MemAlign (a higher version than <see cref="Latest"/>) fails with a message saying so.
/// </summary>
internal static class SqlSchema
{
    private static readonly Migration[] Migrations =
    [
        // 1: the first schema.
        new([
            "CREATE TABLE experiments (name TEXT PRIMARY KEY, created_at BIGINT NOT NULL)",
            "CREATE TABLE traces (experiment TEXT NOT NULL, trace_id TEXT NOT NULL, inputs TEXT, outputs TEXT, expectations TEXT, metadata TEXT NOT NULL, created_at BIGINT NOT NULL, PRIMARY KEY (experiment, trace_id))",
            "CREATE INDEX traces_by_time ON traces (experiment, created_at, trace_id)",
            "CREATE TABLE trace_tags (experiment TEXT NOT NULL, trace_id TEXT NOT NULL, tag_key TEXT NOT NULL, tag_value TEXT NOT NULL, PRIMARY KEY (experiment, trace_id, tag_key))",
            "CREATE INDEX trace_tags_by_value ON trace_tags (experiment, tag_key, tag_value, trace_id)",
            "CREATE TABLE assessments (experiment TEXT NOT NULL, assessment_id TEXT NOT NULL, trace_id TEXT NOT NULL, name TEXT NOT NULL, name_key TEXT NOT NULL, value TEXT NOT NULL, rationale TEXT, source_type TEXT NOT NULL, source_id TEXT NOT NULL, created_at BIGINT NOT NULL, updated_at BIGINT NOT NULL, PRIMARY KEY (experiment, assessment_id))",
            "CREATE INDEX assessments_by_trace ON assessments (experiment, trace_id)",
            "CREATE INDEX assessments_by_name ON assessments (experiment, name_key, source_type, trace_id)",
            "CREATE TABLE judges (experiment TEXT NOT NULL, name TEXT NOT NULL, version INTEGER NOT NULL, created_at BIGINT NOT NULL, definition TEXT NOT NULL, settings TEXT NOT NULL, embedding_model TEXT NOT NULL, embedding_dimensions INTEGER NOT NULL, retrieval_k INTEGER NOT NULL, PRIMARY KEY (experiment, name, version))",
            "CREATE TABLE judge_guidelines (experiment TEXT NOT NULL, name TEXT NOT NULL, version INTEGER NOT NULL, ordinal INTEGER NOT NULL, text TEXT NOT NULL, user_written INTEGER NOT NULL, PRIMARY KEY (experiment, name, version, ordinal))",
            "CREATE TABLE judge_guideline_sources (experiment TEXT NOT NULL, name TEXT NOT NULL, version INTEGER NOT NULL, ordinal INTEGER NOT NULL, trace_id TEXT NOT NULL, PRIMARY KEY (experiment, name, version, ordinal, trace_id))",
            "CREATE INDEX judge_guideline_sources_by_trace ON judge_guideline_sources (experiment, trace_id)",
            "CREATE TABLE judge_examples (experiment TEXT NOT NULL, name TEXT NOT NULL, version INTEGER NOT NULL, ordinal INTEGER NOT NULL, example_id TEXT NOT NULL, trace_id TEXT NOT NULL, value TEXT NOT NULL, rationale TEXT, fields TEXT NOT NULL, embedded_field TEXT NOT NULL, vector {binary} NOT NULL, fingerprint TEXT NOT NULL, distilled INTEGER NOT NULL, PRIMARY KEY (experiment, name, version, ordinal))",
            "CREATE INDEX judge_examples_by_trace ON judge_examples (experiment, trace_id)",
            "CREATE TABLE eval_runs (run_id TEXT PRIMARY KEY, experiment TEXT NOT NULL, name TEXT NOT NULL, created_at BIGINT NOT NULL, settings TEXT NOT NULL)",
            "CREATE TABLE eval_results (run_id TEXT NOT NULL, trace_id TEXT NOT NULL, judge_name TEXT NOT NULL, value TEXT, rationale TEXT, error_kind TEXT, error TEXT, model TEXT, input_tokens BIGINT NOT NULL, output_tokens BIGINT NOT NULL, latency_ms DOUBLE PRECISION NOT NULL, created_at BIGINT NOT NULL, PRIMARY KEY (run_id, trace_id, judge_name))",
            "CREATE INDEX eval_results_by_trace ON eval_results (trace_id)",
        ]),

        // 2: one current assessment per trace, feedback name and source, with the superseded ones kept;
        // what content an assessment rated; the version a judge version was built on; what a verdict drew on.
        new([
            "ALTER TABLE traces ADD COLUMN content_hash TEXT",
            "ALTER TABLE assessments ADD COLUMN rated_content TEXT",
            "CREATE TABLE assessment_history (experiment TEXT NOT NULL, assessment_id TEXT NOT NULL, trace_id TEXT NOT NULL, name TEXT NOT NULL, name_key TEXT NOT NULL, value TEXT NOT NULL, rationale TEXT, source_type TEXT NOT NULL, source_id TEXT NOT NULL, created_at BIGINT NOT NULL, updated_at BIGINT NOT NULL, rated_content TEXT, superseded_at BIGINT NOT NULL)",
            "CREATE INDEX assessment_history_by_trace ON assessment_history (experiment, trace_id)",
            // Stores written before this kept several labels of one reviewer (one per list position): the newest stays current.
            "INSERT INTO assessment_history (experiment, assessment_id, trace_id, name, name_key, value, rationale, source_type, source_id, created_at, updated_at, rated_content, superseded_at) " +
            "SELECT a.experiment, a.assessment_id, a.trace_id, a.name, a.name_key, a.value, a.rationale, a.source_type, a.source_id, a.created_at, a.updated_at, a.rated_content, a.updated_at FROM assessments a " +
            "WHERE EXISTS (SELECT 1 FROM assessments b WHERE b.experiment = a.experiment AND b.trace_id = a.trace_id AND b.name_key = a.name_key AND b.source_type = a.source_type " +
            "AND b.source_id = a.source_id AND (b.updated_at > a.updated_at OR (b.updated_at = a.updated_at AND b.assessment_id > a.assessment_id)))",
            "DELETE FROM assessments WHERE EXISTS (SELECT 1 FROM assessment_history h WHERE h.experiment = assessments.experiment AND h.assessment_id = assessments.assessment_id)",
            "CREATE UNIQUE INDEX assessments_current ON assessments (experiment, trace_id, name_key, source_type, source_id)",
            "ALTER TABLE judges ADD COLUMN base_version INTEGER",
            "ALTER TABLE eval_results ADD COLUMN retrieved TEXT",
            "ALTER TABLE eval_results ADD COLUMN redacted INTEGER NOT NULL DEFAULT 0",
        ]),

        // 3: labeling sessions: their settings and their queues (the labels are assessments).
        new([
            "CREATE TABLE label_sessions (experiment TEXT NOT NULL, name TEXT NOT NULL, judge TEXT NOT NULL, filter TEXT, reviewers TEXT NOT NULL, labels_per_trace INTEGER NOT NULL, queue_order TEXT NOT NULL, created_at BIGINT NOT NULL, PRIMARY KEY (experiment, name))",
            "CREATE TABLE label_session_items (experiment TEXT NOT NULL, session TEXT NOT NULL, position INTEGER NOT NULL, trace_id TEXT NOT NULL, PRIMARY KEY (experiment, session, position))",
            "CREATE INDEX label_session_items_by_trace ON label_session_items (experiment, trace_id)",
        ]),

        // 4: first-class data out of JSON text: a run's kind, judge, version and forgotten count as columns; experiment reports
        // in their own table with the traces they name as rows; the traces a verdict was shown examples of as rows; the label
        // schema as columns of its judge version. So forgetting deletes and counts rows, and edits no JSON.
        new([
            "ALTER TABLE eval_runs ADD COLUMN kind TEXT NOT NULL DEFAULT 'Evaluation'",
            "ALTER TABLE eval_runs ADD COLUMN judge_name TEXT",
            "ALTER TABLE eval_runs ADD COLUMN judge_version INTEGER",
            "ALTER TABLE eval_runs ADD COLUMN forgotten_traces INTEGER NOT NULL DEFAULT 0",
            "CREATE INDEX eval_runs_by_judge ON eval_runs (experiment, judge_name, kind, created_at)",
            "CREATE TABLE experiment_reports (run_id TEXT PRIMARY KEY, report TEXT NOT NULL)",
            "CREATE TABLE experiment_fold_traces (run_id TEXT NOT NULL, fold INTEGER NOT NULL, role TEXT NOT NULL, position INTEGER NOT NULL, trace_id TEXT NOT NULL, PRIMARY KEY (run_id, fold, role, position))",
            "CREATE INDEX experiment_fold_traces_by_trace ON experiment_fold_traces (trace_id)",
            "CREATE TABLE experiment_disagreed_traces (run_id TEXT NOT NULL, position INTEGER NOT NULL, trace_id TEXT NOT NULL, disagreement DOUBLE PRECISION NOT NULL, labels TEXT NOT NULL, PRIMARY KEY (run_id, position))",
            "CREATE INDEX experiment_disagreed_traces_by_trace ON experiment_disagreed_traces (trace_id)",
            "CREATE TABLE eval_result_examples (run_id TEXT NOT NULL, trace_id TEXT NOT NULL, judge_name TEXT NOT NULL, position INTEGER NOT NULL, example_trace_id TEXT NOT NULL, PRIMARY KEY (run_id, trace_id, judge_name, position))",
            "CREATE INDEX eval_result_examples_by_example ON eval_result_examples (example_trace_id)",
            "ALTER TABLE judges ADD COLUMN label_title TEXT",
            "ALTER TABLE judges ADD COLUMN label_instruction TEXT",
            "ALTER TABLE judges ADD COLUMN label_comment TEXT",
        ],
        Schema4DataMove.MoveAsync,
        [
            "UPDATE eval_runs SET kind = 'Experiment' WHERE run_id IN (SELECT run_id FROM experiment_reports)",
            "ALTER TABLE eval_results DROP COLUMN retrieved",
        ]),

        // 5: version numbers are never reused: each judge name's highest number ever given (a deleted version's included; before
        // this schema, the highest one still in a judge version or named by a run); traces forgotten (by a hash of the id, not the id), which every later write of
        // judge memory or verdicts checks, so a write that read a trace before it was forgotten cannot bring it back;
        // what each reviewer labelled through the labeling app, newest step last, so that undo reverts only that (also
        // after a restart): the value given, and what it replaced (null: the label was new).
        new([
            "CREATE TABLE judge_names (experiment TEXT NOT NULL, name TEXT NOT NULL, last_version INTEGER NOT NULL, PRIMARY KEY (experiment, name))",
            "INSERT INTO judge_names (experiment, name, last_version) SELECT experiment, name, MAX(version) FROM (" +
            "SELECT experiment, name, version FROM judges UNION ALL " +
            "SELECT experiment, judge_name, judge_version FROM eval_runs WHERE judge_name IS NOT NULL AND judge_version IS NOT NULL) v GROUP BY experiment, name",
            "CREATE TABLE forgotten_traces (experiment TEXT NOT NULL, trace_hash TEXT NOT NULL, forgotten_at BIGINT NOT NULL, PRIMARY KEY (experiment, trace_hash))",
            "CREATE TABLE label_steps (experiment TEXT NOT NULL, session TEXT NOT NULL, reviewer TEXT NOT NULL, step BIGINT NOT NULL, trace_id TEXT NOT NULL, assessment_id TEXT NOT NULL, " +
            "value TEXT NOT NULL, rationale TEXT, replaced_value TEXT, replaced_rationale TEXT, PRIMARY KEY (experiment, session, reviewer, step))",
            "CREATE INDEX label_steps_by_trace ON label_steps (experiment, trace_id)",
        ]),

        // 6: what judging costs: the input tokens a provider read from its prompt cache, the output tokens a reasoning model spent on hidden reasoning; in a cascade, which stage answered;
        // the provider batches a run submitted, so that resuming it collects them instead of paying twice. Labels worth
        // learning from: whether a label was given after its giver saw the judge's verdict (null: not recorded, as for
        // imports and earlier labels); when a labeling session shows the judge (null: sessions made before, which show it
        // after the label, as new ones do by default); one episodic example per trace, with its reviewers and the number of labels it stands for.
        new([
            "ALTER TABLE assessments ADD COLUMN judge_shown INTEGER",
            "ALTER TABLE assessment_history ADD COLUMN judge_shown INTEGER",
            "ALTER TABLE label_sessions ADD COLUMN show_judge TEXT",
            "ALTER TABLE label_steps ADD COLUMN replaced_judge_shown INTEGER",
            "ALTER TABLE judge_examples ADD COLUMN reviewers TEXT",
            "ALTER TABLE judge_examples ADD COLUMN weight INTEGER NOT NULL DEFAULT 1",
            "ALTER TABLE eval_results ADD COLUMN cached_input_tokens BIGINT NOT NULL DEFAULT 0",
            "ALTER TABLE eval_results ADD COLUMN reasoning_tokens BIGINT NOT NULL DEFAULT 0",
            "ALTER TABLE eval_results ADD COLUMN answered_by TEXT",
            "CREATE TABLE eval_run_batches (run_id TEXT NOT NULL, judge_name TEXT NOT NULL, batch_id TEXT NOT NULL, input_file_id TEXT, state TEXT NOT NULL, " +
            "created_at BIGINT NOT NULL, updated_at BIGINT NOT NULL, PRIMARY KEY (run_id, judge_name, batch_id))",
        ]),

        // 7: a pairwise judge's answers with the candidates in both orders ("A|B": as given, then swapped and mapped back), so
        // position consistency is reported from stored runs; null for any other result.
        new([
            "ALTER TABLE eval_results ADD COLUMN pairwise TEXT",
        ]),

        // 8: no index of a trace's labels beside assessments_current, whose first columns it repeated (experiment, trace_id): every
        // lookup of a trace's labels uses that one, and each label written updated both (a tenth of a bulk import's writing).
        new([
            "DROP INDEX assessments_by_trace",
        ]),
    ];

    /// <summary>The newest schema version this MemAlign knows.</summary>
    public static int Latest => Migrations.Length;

    /// <summary>Every table, for maintenance (vacuum) and tests.</summary>
    public static readonly string[] Tables =
        ["experiments", "traces", "trace_tags", "assessments", "assessment_history", "judges", "judge_guidelines", "judge_guideline_sources", "judge_examples", "eval_runs", "eval_results",
         "eval_result_examples", "experiment_reports", "experiment_fold_traces", "experiment_disagreed_traces", "label_sessions", "label_session_items", "judge_names", "forgotten_traces", "label_steps", "eval_run_batches"];

    /// <summary>Brings the store to the latest schema, one migration per transaction; refuses a newer one.</summary>
    public static async Task MigrateAsync(SqlDialect dialect, DbConnection connection, CancellationToken cancellationToken)
    {
        await using (var create = connection.CreateCommand())
        {
            create.CommandText = "CREATE TABLE IF NOT EXISTS memalign_schema (version INTEGER NOT NULL)";
            await create.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        while (true)
        {
            await using var transaction = await dialect.BeginWriteAsync(connection, cancellationToken).ConfigureAwait(false);
            var current = await CurrentVersionAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
            if (current > Latest)
            {
                throw new StoreException(
                    $"The MemAlign store {dialect.Description} has schema version {current}, written by a newer MemAlign; this version knows schema versions up to {Latest}. Upgrade MemAlign to use it.");
            }

            if (current == Latest)
            {
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                return;
            }

            var migration = Migrations[current];
            await ExecuteAsync(dialect, connection, transaction, migration.Statements, cancellationToken).ConfigureAwait(false);
            if (migration.MoveData is { } move)
            {
                try
                {
                    await move(connection, transaction, cancellationToken).ConfigureAwait(false);
                }
                catch (JsonException e)
                {
                    throw new StoreException($"The MemAlign store {dialect.Description} cannot be upgraded to schema version {current + 1}: {e.Message} It was left as it was.", e);
                }
            }

            await ExecuteAsync(dialect, connection, transaction, migration.After ?? [], cancellationToken).ConfigureAwait(false);

            await using (var record = connection.CreateCommand())
            {
                record.Transaction = transaction;
                record.CommandText = current == 0 ? "INSERT INTO memalign_schema (version) VALUES (1)" : $"UPDATE memalign_schema SET version = {(current + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)}";
                await record.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Checks that the store has the latest schema, writing nothing.</summary>
    public static async Task VerifyAsync(SqlDialect dialect, DbConnection connection, CancellationToken cancellationToken)
    {
        var current = await CurrentVersionAsync(connection, null, cancellationToken).ConfigureAwait(false);

        if (current != Latest)
        {
            throw new StoreException(current > Latest
                ? $"The MemAlign store {dialect.Description} has schema version {current}, written by a newer MemAlign; this version knows schema versions up to {Latest}. Upgrade MemAlign to use it."
                : $"The MemAlign store {dialect.Description} has schema version {current}; it was opened only to read (OpenReadOnlyAsync), and must first be upgraded to version {Latest} by opening it to write (OpenAsync) with write access to it.");
        }
    }

    private static async Task ExecuteAsync(SqlDialect dialect, DbConnection connection, DbTransaction transaction, string[] statements, CancellationToken cancellationToken)
    {
        foreach (var statement in statements)
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = statement.Replace("{binary}", dialect.BinaryType, StringComparison.Ordinal);
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task<int> CurrentVersionAsync(DbConnection connection, DbTransaction? transaction, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT MAX(version) FROM memalign_schema";
        var value = await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
        return value is null or DBNull ? 0 : Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>One schema version: its statements, then code moving what SQL cannot move alike on every backend, then statements that need the moved data.</summary>
    private sealed record Migration(string[] Statements, Func<DbConnection, DbTransaction, CancellationToken, Task>? MoveData = null, string[]? After = null);
}
