using System.Data.Common;
using MemAlign.Storage.Sql.Rows;

namespace MemAlign.Storage.Sql;

/// <summary>
/// Writes a batch of traces with their tags and assessments in one transaction. Two ways, one result: with prepared
/// statements straight into the tables (SQLite, where a statement is a function call and binding its values the cost), or, where the dialect loads rows in bulk (PostgreSQL's COPY), staged in temporary tables and merged with one
/// statement per table (<see cref="WriteStagedAsync"/>). Either way a trace written again gets exactly its new tags, its
/// forgotten mark cleared, and each assessment upserted on (trace, name, source) with the one it replaces kept in history.
/// Both merge sets of rows, so a batch is cut into runs in which each trace and each assessment key comes once, written
/// in order: a trace or label repeated in a batch ends as the last one, exactly as written one by one.
/// </summary>
internal static partial class SqlTraceWriter
{
    private static readonly SqlColumn Text = new("", "TEXT");

    /// <summary>The columns of <c>traces</c> a trace fills (but the experiment).</summary>
    private static readonly SqlColumn[] TraceColumns =
        [.. SqlColumn.Texts("trace_id", "inputs", "outputs", "expectations", "metadata"), new("created_at", "BIGINT"), new("content_hash", "TEXT")];

    private static readonly SqlColumn[] TagColumns = SqlColumn.Texts("trace_id", "tag_key", "tag_value");

    /// <summary>The columns of <c>assessments</c> (but the experiment), in the order of <see cref="AssessmentRow.Columns"/>.</summary>
    private static readonly SqlColumn[] AssessmentColumns =
        [.. SqlColumn.Texts("trace_id", "assessment_id", "name", "name_key", "value", "rationale", "source_type", "source_id"), new("created_at", "BIGINT"), new("updated_at", "BIGINT"),
         new("rated_content", "TEXT"), new("judge_shown", "INTEGER")];

    /// <summary>What an assessment is compared on before it replaces the current one of its trace, name and source.</summary>
    private static readonly string[] HistoryColumns = ["trace_id", "name_key", "source_type", "source_id", "value", "rationale", "rated_content", "name", "judge_shown"];

    /// <summary>Copies the current assessment of a trace, name and source to history when the one about to be written differs from it.</summary>
    public static readonly string KeepReplacedInHistory =
        $"INSERT INTO assessment_history ({AssessmentRow.Columns}, experiment, superseded_at) SELECT {AssessmentRow.Columns}, experiment, @now FROM assessments " +
        "WHERE experiment = @e AND trace_id = @trace_id AND name_key = @name_key AND source_type = @source_type AND source_id = @source_id " +
        "AND (value <> @value OR COALESCE(rationale, '') <> COALESCE(@rationale, '') OR COALESCE(rated_content, '') <> COALESCE(@rated_content, '') OR name <> @name " +
        "OR COALESCE(judge_shown, -1) <> COALESCE(@judge_shown, -1))";

    /// <summary>Writes the current assessment of a trace, name and source (its id and creation time stay those first written).</summary>
    public static readonly string AssessmentUpsert =
        $"INSERT INTO assessments (experiment, {Names(AssessmentColumns)}) VALUES (@e, {Parameters(AssessmentColumns)}) " +
        $"ON CONFLICT (experiment, trace_id, name_key, source_type, source_id) DO UPDATE SET {AssessmentUpdates}";

    private const string AssessmentUpdates =
        "name = excluded.name, value = excluded.value, rationale = excluded.rationale, updated_at = excluded.updated_at, rated_content = excluded.rated_content, judge_shown = excluded.judge_shown";

    /// <summary>Writes <paramref name="batch"/> into <paramref name="experiment"/> within <paramref name="transaction"/>.</summary>
    public static async Task WriteAsync(SqlDialect dialect, DbConnection connection, DbTransaction transaction, string experiment, IReadOnlyList<Trace> batch, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        foreach (var run in RunsOfDistinctKeys(batch))
        {
            await (dialect.CopiesInBulk
                ? WriteStagedAsync(dialect, connection, transaction, experiment, run, now, cancellationToken)
                : WriteDirectAsync(dialect, connection, transaction, experiment, run, now, cancellationToken)).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// The values of an assessment's row, in the order of <see cref="AssessmentColumns"/>, after <paramref name="experiment"/> when given
    /// (a table's own rows start with it, staging rows do not); one that does not say what it rated rated <paramref name="content"/>.
    /// </summary>
    public static object?[] AssessmentValues(string traceId, Assessment assessment, string? content, string? experiment = null) =>
        FillAssessmentValues(new object?[(experiment is null ? 0 : 1) + AssessmentColumns.Length], traceId, assessment, content, experiment);

    private static object?[] FillAssessmentValues(object?[] row, string traceId, Assessment assessment, string? content, string? experiment)
    {
        var first = experiment is null ? 0 : 1;
        row[0] = experiment;
        row[first] = traceId;
        row[first + 1] = assessment.Id;
        row[first + 2] = assessment.Name;
        row[first + 3] = Assessment.NameKey(assessment.Name);
        row[first + 4] = StoredJson.Value(assessment.Value);
        row[first + 5] = assessment.Rationale;
        row[first + 6] = SourceTypeColumn.Name(assessment.Source.Type);
        row[first + 7] = assessment.Source.Id;
        row[first + 8] = assessment.CreatedAt.UtcTicks;
        row[first + 9] = assessment.UpdatedAt.UtcTicks;
        row[first + 10] = assessment.RatedContent ?? content;
        row[first + 11] = JudgeShownColumn(assessment.JudgeShown);
        return row;
    }

    /// <summary>How <c>judge_shown</c> holds <see cref="Assessment.JudgeShown"/>: 1, 0, or null when not recorded.</summary>
    public static int? JudgeShownColumn(bool? shown) => shown is { } value ? (value ? 1 : 0) : null;

    /// <summary>The named parameters of <see cref="KeepReplacedInHistory"/> and <see cref="AssessmentUpsert"/> for one assessment row.</summary>
    public static (List<(string, object?)> History, List<(string, object?)> Upsert) AssessmentParameters(string experiment, object?[] row, DateTimeOffset now)
    {
        var named = AssessmentColumns.Select((c, i) => ("@" + c.Name, row[i])).ToList();
        var byName = named.ToDictionary(p => p.Item1, p => p.Item2, StringComparer.Ordinal);
        return ([("@e", experiment), ("@now", now.UtcTicks), .. HistoryColumns.Select(c => ("@" + c, byName["@" + c]))], [("@e", experiment), .. named]);
    }

    // The JSON columns are given as the elements themselves: a dialect writes their text as it is, without a string in between
    // (SQLite binds the raw UTF-8; see SqlDialect.InsertRowsAsync).
    private static object?[] TraceValues(Trace trace, string? experiment = null) =>
        FillTraceValues(new object?[(experiment is null ? 0 : 1) + TraceColumns.Length], trace, experiment);

    private static object?[] FillTraceValues(object?[] row, Trace trace, string? experiment)
    {
        var first = experiment is null ? 0 : 1;
        row[0] = experiment;
        row[first] = trace.Id;
        row[first + 1] = trace.Inputs;
        row[first + 2] = trace.Outputs;
        row[first + 3] = trace.Expectations;
        row[first + 4] = StoredJson.Strings(trace.Metadata);
        row[first + 5] = trace.CreatedAt.UtcTicks;
        row[first + 6] = trace.ContentFingerprint;
        return row;
    }

    // Straight into the tables, the rows of each table at once (the dialect's fastest way). Only the traces already labelled or
    // tagged need work row by row first: their tags deleted, the assessments about to be replaced kept in history.
    private static async Task WriteDirectAsync(SqlDialect dialect, DbConnection connection, DbTransaction transaction, string experiment, IReadOnlyList<Trace> run, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var e = new SqlColumn("experiment", "TEXT");
        var stored = await LabelledOrTaggedAsync(dialect, connection, transaction, experiment, run, cancellationToken).ConfigureAwait(false);
        await dialect.InsertRowsAsync(connection, transaction, "traces", [e, .. TraceColumns], TraceRows(run, experiment),
            $"ON CONFLICT (experiment, trace_id) DO UPDATE SET {Updates(TraceColumns[1..])}", cancellationToken).ConfigureAwait(false);
        if (stored.Count > 0)
        {
            await using var deleteTags = new SqlStatement(connection, transaction, "DELETE FROM trace_tags WHERE experiment = @e AND trace_id = @t", [("@e", e), ("@t", Text)]);
            var byName = AssessmentColumns.ToDictionary(c => c.Name, StringComparer.Ordinal);
            await using var keepHistory = new SqlStatement(connection, transaction, KeepReplacedInHistory,
                [("@e", e), ("@now", new SqlColumn("superseded_at", "BIGINT")), .. HistoryColumns.Select(c => ("@" + c, byName[c]))]);
            var historyIndexes = HistoryColumns.Select(c => Array.FindIndex(AssessmentColumns, a => a.Name == c)).ToArray();
            foreach (var trace in run.Where(t => stored.Contains(t.Id)))
            {
                await deleteTags.ExecuteAsync(cancellationToken, experiment, trace.Id).ConfigureAwait(false);
                foreach (var assessment in trace.Assessments)
                {
                    var row = AssessmentValues(trace.Id, assessment, trace.ContentFingerprint);
                    await keepHistory.ExecuteAsync(cancellationToken, [experiment, now.UtcTicks, .. historyIndexes.Select(i => row[i])]).ConfigureAwait(false);
                }
            }
        }

        if (await AnyForgottenAsync(connection, transaction, experiment, cancellationToken).ConfigureAwait(false))
        {
            await using var unmark = new SqlStatement(connection, transaction, "DELETE FROM forgotten_traces WHERE experiment = @e AND trace_hash = @h", [("@e", e), ("@h", Text)]);
            foreach (var trace in run)
            {
                await unmark.ExecuteAsync(cancellationToken, experiment, SqlForgetting.Hash(trace.Id)).ConfigureAwait(false);
            }
        }

        await dialect.InsertRowsAsync(connection, transaction, "trace_tags", [e, .. TagColumns], TagRows(run, experiment), onConflict: null, cancellationToken).ConfigureAwait(false);
        await dialect.InsertRowsAsync(connection, transaction, "assessments", [e, .. AssessmentColumns], AssessmentRows(run, experiment),
            $"ON CONFLICT (experiment, trace_id, name_key, source_type, source_id) DO UPDATE SET {AssessmentUpdates}", cancellationToken).ConfigureAwait(false);
    }

    // The rows of a batch's traces, tags and assessments, each starting with the experiment when given (a table's own rows) or not
    // (staging rows). Each yields one array, refilled for every row (SqlDialect.InsertRowsAsync reads a row before asking for the
    // next): an import writes a million values, and an array per row, a closure or a boxed enumerator per trace added up.
    private static IEnumerable<object?[]> TraceRows(IReadOnlyList<Trace> batch, string? experiment)
    {
        var row = new object?[(experiment is null ? 0 : 1) + TraceColumns.Length];
        for (var i = 0; i < batch.Count; i++)
        {
            yield return FillTraceValues(row, batch[i], experiment);
        }
    }

    private static IEnumerable<object?[]> TagRows(IReadOnlyList<Trace> batch, string? experiment)
    {
        var first = experiment is null ? 0 : 1;
        var row = new object?[first + TagColumns.Length];
        row[0] = experiment;
        for (var i = 0; i < batch.Count; i++)
        {
            var trace = batch[i];
            if (trace.Tags.Count == 0)
            {
                continue;
            }

            row[first] = trace.Id;
            // A dictionary's own enumerator is a struct; through the interface it is boxed, once per trace.
            if (trace.Tags is Dictionary<string, string> tags)
            {
                foreach (var (key, value) in tags)
                {
                    (row[first + 1], row[first + 2]) = (key, value);
                    yield return row;
                }
            }
            else
            {
                foreach (var (key, value) in trace.Tags)
                {
                    (row[first + 1], row[first + 2]) = (key, value);
                    yield return row;
                }
            }
        }
    }

    private static IEnumerable<object?[]> AssessmentRows(IReadOnlyList<Trace> batch, string? experiment)
    {
        var row = new object?[(experiment is null ? 0 : 1) + AssessmentColumns.Length];
        for (var i = 0; i < batch.Count; i++)
        {
            var trace = batch[i];
            for (var j = 0; j < trace.Assessments.Count; j++)
            {
                yield return FillAssessmentValues(row, trace.Id, trace.Assessments[j], trace.ContentFingerprint, experiment);
            }
        }
    }

    // The traces of the batch that have tags or assessments stored, one query per few hundred ids.
    private static async Task<HashSet<string>> LabelledOrTaggedAsync(SqlDialect dialect, DbConnection connection, DbTransaction transaction, string experiment, IReadOnlyList<Trace> batch,
        CancellationToken cancellationToken)
    {
        var found = new HashSet<string>(StringComparer.Ordinal);
        foreach (var chunk in batch.Select(t => t.Id).Distinct(StringComparer.Ordinal).Chunk(SqlSession.InListSize))
        {
            var (inList, parameters) = SqlParameters.InList(dialect, chunk);
            parameters.Add(("@e", experiment));
            found.UnionWith(await SqlSession.QueryAsync(connection, transaction,
                $"SELECT trace_id FROM trace_tags WHERE experiment = @e AND trace_id IN ({inList}) UNION SELECT trace_id FROM assessments WHERE experiment = @e AND trace_id IN ({inList})",
                parameters, row => row.Text("trace_id"), cancellationToken).ConfigureAwait(false));
        }

        return found;
    }

    // Forgotten marks are rare: when the experiment has none, no trace of the batch needs its mark cleared (nor its id hashed).
    private static async Task<bool> AnyForgottenAsync(DbConnection connection, DbTransaction transaction, string experiment, CancellationToken cancellationToken) =>
        (await SqlSession.QueryAsync(connection, transaction, "SELECT 1 AS found FROM forgotten_traces WHERE experiment = @e LIMIT 1", [("@e", experiment)],
            row => row.Long("found"), cancellationToken).ConfigureAwait(false)).Count > 0;

    // Set-based merging needs each row once: a trace id given again in a batch, or a second assessment of one trace by the same
    // source under the same name, starts a new run, written after the one before it (so the later one wins, as it always has,
    // and the one it replaces goes to history).
    private static IEnumerable<IReadOnlyList<Trace>> RunsOfDistinctKeys(IReadOnlyList<Trace> batch)
    {
        var run = new List<Trace>(batch.Count);
        var ids = new HashSet<string>(batch.Count, StringComparer.Ordinal);
        foreach (var trace in batch.All(t => t.Assessments.Count <= 1) ? batch : batch.SelectMany(Pieces))
        {
            if (!ids.Add(trace.Id))
            {
                yield return run;
                run = [];
                ids.Clear();
                ids.Add(trace.Id);
            }

            run.Add(trace);
        }

        if (run.Count > 0)
        {
            yield return run;
        }
    }

    // A trace carrying one source's assessment under one name more than once is written as pieces in order, the k-th holding
    // each key's k-th assessment (with the trace's content and tags), so each later one replaces the one before it.
    private static IEnumerable<Trace> Pieces(Trace trace)
    {
        if (trace.Assessments.Count <= 1)
        {
            return [trace];
        }

        var pieces = new List<List<Assessment>>();
        var seen = new Dictionary<(string, AssessmentSourceType, string), int>();
        foreach (var assessment in trace.Assessments)
        {
            var key = (Assessment.NameKey(assessment.Name), assessment.Source.Type, assessment.Source.Id);
            var occurrence = seen[key] = seen.TryGetValue(key, out var before) ? before + 1 : 0;
            if (occurrence == pieces.Count)
            {
                pieces.Add([]);
            }

            pieces[occurrence].Add(assessment);
        }

        return pieces.Count <= 1 ? [trace] : pieces.Select(piece => trace.With(assessments: piece));
    }

    private static string Names(IEnumerable<SqlColumn> columns) => string.Join(", ", columns.Select(c => c.Name));

    private static string Parameters(IEnumerable<SqlColumn> columns) => string.Join(", ", columns.Select(c => "@" + c.Name));

    private static string Updates(IEnumerable<SqlColumn> columns) => string.Join(", ", columns.Select(c => $"{c.Name} = excluded.{c.Name}"));
}
