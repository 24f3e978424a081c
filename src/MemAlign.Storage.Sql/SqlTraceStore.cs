using System.Data.Common;
using System.Runtime.CompilerServices;
using MemAlign.Storage.Sql.Rows;

namespace MemAlign.Storage.Sql;

/// <summary>Traces, their tags and assessments, and experiments, over SQL.</summary>
internal sealed class SqlTraceStore(SqlSession session) : ITraceStore
{
    /// <summary>The tables a bulk write grows, whose statistics <see cref="SqlDialect.RefreshStatisticsAsync"/> refreshes.</summary>
    private static readonly string[] WrittenTables = ["traces", "trace_tags", "assessments"];

    private readonly StatisticsSchedule _statistics = new();

    public async Task<IReadOnlyList<string>> ListExperimentsAsync(CancellationToken cancellationToken = default) =>
        await session.RunAsync("listing experiments", connection =>
            SqlSession.QueryAsync(connection, null, "SELECT name FROM experiments ORDER BY name", [], row => row.Text("name"), cancellationToken), cancellationToken).ConfigureAwait(false);

    public Task CreateExperimentAsync(string experiment, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(experiment);
        return session.WriteAsync($"creating experiment '{experiment}'",
            (connection, tx) => SqlSession.EnsureExperimentAsync(connection, tx, experiment, session.Now, cancellationToken), cancellationToken);
    }

    public async Task<int> AddTracesAsync(string experiment, IEnumerable<Trace> traces, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(experiment);
        ArgumentNullException.ThrowIfNull(traces);
        var written = 0;
        foreach (var batch in traces.Chunk(SqlSession.BatchSize))
        {
            foreach (var trace in batch)
            {
                trace.EnsureStorable();
            }

            written += await session.WriteAsync($"adding traces to experiment '{experiment}'", async (connection, tx) =>
            {
                await SqlSession.EnsureExperimentAsync(connection, tx, experiment, session.Now, cancellationToken).ConfigureAwait(false);
                await SqlTraceWriter.WriteAsync(session.Dialect, connection, tx, experiment, batch, session.Now, cancellationToken).ConfigureAwait(false);
                return batch.Length;
            }, cancellationToken).ConfigureAwait(false);
            if (batch.Length >= SqlSession.BulkBatchMinimum)
            {
                session.Dialect.BulkBatchCommitted();
            }

            if (_statistics.Record(experiment, batch.Length))
            {
                await session.RunAsync($"refreshing statistics for experiment '{experiment}'",
                    async connection => { await session.Dialect.RefreshStatisticsAsync(connection, WrittenTables, cancellationToken).ConfigureAwait(false); return 0; },
                    cancellationToken).ConfigureAwait(false);
            }
        }

        return written;
    }

    public async Task<Trace?> GetTraceAsync(string experiment, string traceId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(experiment);
        ArgumentNullException.ThrowIfNull(traceId);
        var traces = await session.RunAsync($"reading trace '{traceId}'", connection => ReadTracesAsync(connection, experiment,
            $"SELECT {TraceRow.Columns} FROM traces t WHERE t.experiment = @e AND t.trace_id = @t", [("@e", experiment), ("@t", traceId)], cancellationToken),
            cancellationToken).ConfigureAwait(false);
        return traces.Count == 0 ? null : traces[0];
    }

    public async Task<IReadOnlyList<Trace>> GetTracesAsync(string experiment, IReadOnlyCollection<string> traceIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(experiment);
        ArgumentNullException.ThrowIfNull(traceIds);
        var found = new List<Trace>(traceIds.Count);
        foreach (var chunk in traceIds.Distinct(StringComparer.Ordinal).Chunk(SqlSession.InListSize))
        {
            var (inList, parameters) = SqlParameters.InList(session.Dialect, chunk);
            parameters.Add(("@e", experiment));
            found.AddRange(await session.RunAsync($"reading {chunk.Length} trace(s)", connection => ReadTracesAsync(connection, experiment,
                $"SELECT {TraceRow.Columns} FROM traces t WHERE t.experiment = @e AND t.trace_id IN ({inList})", parameters, cancellationToken), cancellationToken).ConfigureAwait(false));
        }

        return found;
    }

    public async Task<IReadOnlyDictionary<string, string>> GetContentFingerprintsAsync(string experiment, IReadOnlyCollection<string> traceIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(experiment);
        ArgumentNullException.ThrowIfNull(traceIds);
        var ids = traceIds.Distinct(StringComparer.Ordinal).ToList();
        return await session.RunAsync($"reading the content fingerprints of {ids.Count} trace(s)", async connection =>
        {
            var found = new Dictionary<string, string>(ids.Count, StringComparer.Ordinal);
            foreach (var chunk in ids.Chunk(SqlSession.InListSize))
            {
                var (inList, parameters) = SqlParameters.InList(session.Dialect, chunk);
                parameters.Add(("@e", experiment));
                // A row written before fingerprints were stored has none: its content is read and fingerprinted as a loaded trace would be.
                var rows = await SqlSession.QueryAsync(connection, null,
                    "SELECT trace_id, content_hash, CASE WHEN content_hash IS NULL THEN inputs END AS inputs, CASE WHEN content_hash IS NULL THEN outputs END AS outputs, " +
                    $"CASE WHEN content_hash IS NULL THEN expectations END AS expectations FROM traces WHERE experiment = @e AND trace_id IN ({inList})", parameters,
                    row => (Id: row.Text("trace_id"), Hash: row.NullableText("content_hash"), Inputs: row.Value("inputs"), Outputs: row.Value("outputs"),
                        Expectations: row.Value("expectations")), cancellationToken).ConfigureAwait(false);
                foreach (var row in rows)
                {
                    found[row.Id] = row.Hash ?? new Trace(row.Id)
                    {
                        Inputs = StoredJson.ReadElement(row.Inputs),
                        Outputs = StoredJson.ReadElement(row.Outputs),
                        Expectations = StoredJson.ReadElement(row.Expectations),
                    }.ContentFingerprint;
                }
            }

            return (IReadOnlyDictionary<string, string>)found;
        }, cancellationToken).ConfigureAwait(false);
    }

    public async IAsyncEnumerable<Trace> SearchTracesAsync(string experiment, TraceQuery query, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(experiment);
        ArgumentNullException.ThrowIfNull(query);
        var filters = new List<string> { "t.experiment = @e" };
        var parameters = new List<(string, object?)> { ("@e", experiment) };
        foreach (var (tag, i) in query.Tags.Concat(query.Tag is { } one ? [one] : []).Select((tag, i) => (tag, i)))
        {
            var (key, value) = ("@tk" + i.ToString(System.Globalization.CultureInfo.InvariantCulture), "@tv" + i.ToString(System.Globalization.CultureInfo.InvariantCulture));
            filters.Add($"EXISTS (SELECT 1 FROM trace_tags g WHERE g.experiment = t.experiment AND g.trace_id = t.trace_id AND g.tag_key = {key} AND g.tag_value = {value})");
            parameters.Add((key, tag.Key));
            parameters.Add((value, tag.Value));
        }

        if (query.From is { } from)
        {
            filters.Add("t.created_at >= @from");
            parameters.Add(("@from", from.UtcTicks));
        }

        if (query.To is { } to)
        {
            filters.Add("t.created_at < @to");
            parameters.Add(("@to", to.UtcTicks));
        }

        foreach (var (name, source, key) in new[] { (query.HasHumanFeedback, AssessmentSourceType.Human, "@hf"), (query.HasJudgeAssessment, AssessmentSourceType.LlmJudge, "@ja") })
        {
            if (name is not null)
            {
                filters.Add($"EXISTS (SELECT 1 FROM assessments a WHERE a.experiment = t.experiment AND a.trace_id = t.trace_id AND a.name_key = {key} AND a.source_type = {key}s)");
                parameters.Add((key, Assessment.NameKey(name)));
                parameters.Add((key + "s", SourceTypeColumn.Name(source)));
            }
        }

        // Keyset pages keep memory flat however many traces match.
        var remaining = query.Limit ?? int.MaxValue;
        (long Ticks, string Id)? after = null;
        while (remaining > 0)
        {
            var page = Math.Min(SqlSession.PageSize, remaining);
            var pageFilters = new List<string>(filters);
            var pageParameters = new List<(string, object?)>(parameters);
            if (after is { } last)
            {
                pageFilters.Add("(t.created_at > @lc OR (t.created_at = @lc AND t.trace_id > @li))");
                pageParameters.Add(("@lc", last.Ticks));
                pageParameters.Add(("@li", last.Id));
            }

            var sql = $"SELECT {TraceRow.Columns} FROM traces t WHERE {string.Join(" AND ", pageFilters)} ORDER BY t.created_at, t.trace_id LIMIT {page}";
            var traces = await session.RunAsync($"searching traces of experiment '{experiment}'",
                connection => ReadTracesAsync(connection, experiment, sql, pageParameters, cancellationToken), cancellationToken).ConfigureAwait(false);
            foreach (var trace in traces)
            {
                yield return trace;
            }

            if (traces.Count < page)
            {
                yield break;
            }

            remaining -= traces.Count;
            after = (traces[^1].CreatedAt.UtcTicks, traces[^1].Id);
        }
    }

    public Task TagTraceAsync(string experiment, string traceId, string key, string value, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        ArgumentNullException.ThrowIfNull(value);
        return session.WriteAsync($"tagging trace '{traceId}'", async (connection, tx) =>
        {
            await RequireTraceAsync(connection, tx, experiment, traceId, cancellationToken).ConfigureAwait(false);
            return await SqlSession.ExecuteAsync(connection, tx,
                "INSERT INTO trace_tags (experiment, trace_id, tag_key, tag_value) VALUES (@e, @t, @k, @v) ON CONFLICT (experiment, trace_id, tag_key) DO UPDATE SET tag_value = excluded.tag_value",
                [("@e", experiment), ("@t", traceId), ("@k", key), ("@v", value)], cancellationToken).ConfigureAwait(false);
        }, cancellationToken);
    }

    public Task LogAssessmentAsync(string experiment, string traceId, Assessment assessment, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(assessment);
        assessment.EnsureStorable(traceId);
        return session.WriteAsync($"logging assessment '{assessment.Id}' on trace '{traceId}'", async (connection, tx) =>
        {
            var content = await RequireTraceAsync(connection, tx, experiment, traceId, cancellationToken).ConfigureAwait(false);
            return await WriteAssessmentAsync(connection, tx, experiment, traceId, assessment, content, session.Now, cancellationToken).ConfigureAwait(false);
        }, cancellationToken);
    }

    public Task UpdateAssessmentAsync(string experiment, string assessmentId, FeedbackValue value, string? rationale, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(value);
        return session.WriteAsync($"updating assessment '{assessmentId}'", async (connection, tx) =>
        {
            await KeepInHistoryAsync(connection, tx, experiment, assessmentId, session.Now, cancellationToken).ConfigureAwait(false);
            var changed = await SqlSession.ExecuteAsync(connection, tx,
                "UPDATE assessments SET value = @v, rationale = @r, updated_at = @u WHERE experiment = @e AND assessment_id = @a",
                [("@v", StoredJson.Value(value)), ("@r", rationale), ("@u", session.Now.UtcTicks), ("@e", experiment), ("@a", assessmentId)], cancellationToken).ConfigureAwait(false);
            return changed == 0
                ? throw new KeyNotFoundException($"Experiment '{experiment}' in {session.Dialect.Description} has no assessment '{assessmentId}'.")
                : changed;
        }, cancellationToken);
    }

    /// <summary>Copies an assessment as it is now to the trace's history, superseded at <paramref name="now"/> (before it is changed or deleted).</summary>
    public static Task<int> KeepInHistoryAsync(DbConnection connection, DbTransaction tx, string experiment, string assessmentId, DateTimeOffset now, CancellationToken cancellationToken) =>
        SqlSession.ExecuteAsync(connection, tx,
            $"INSERT INTO assessment_history ({AssessmentRow.Columns}, experiment, superseded_at) SELECT {AssessmentRow.Columns}, experiment, @now FROM assessments WHERE experiment = @e AND assessment_id = @a",
            [("@now", now.UtcTicks), ("@e", experiment), ("@a", assessmentId)], cancellationToken);

    public async Task<IReadOnlyList<Assessment>> GetAssessmentHistoryAsync(string experiment, string traceId, CancellationToken cancellationToken = default) =>
        (await session.RunAsync($"reading the assessment history of trace '{traceId}'", connection => SqlSession.QueryAsync(connection, null,
            $"SELECT {AssessmentRow.Columns} FROM assessment_history WHERE experiment = @e AND trace_id = @t ORDER BY superseded_at, updated_at, assessment_id",
            [("@e", experiment), ("@t", traceId)], AssessmentRow.Read, cancellationToken), cancellationToken).ConfigureAwait(false)).Select(r => r.ToAssessment()).ToList();

    public async Task<bool> DeleteAssessmentAsync(string experiment, string assessmentId, CancellationToken cancellationToken = default) =>
        await session.WriteAsync($"deleting assessment '{assessmentId}'", (connection, tx) =>
            SqlSession.ExecuteAsync(connection, tx, "DELETE FROM assessments WHERE experiment = @e AND assessment_id = @a", [("@e", experiment), ("@a", assessmentId)], cancellationToken),
            cancellationToken).ConfigureAwait(false) > 0;

    // The trace's content fingerprint; a missing trace is an error naming it.
    private async Task<string?> RequireTraceAsync(DbConnection connection, DbTransaction tx, string experiment, string traceId, CancellationToken cancellationToken)
    {
        var rows = await SqlSession.QueryAsync(connection, tx, "SELECT content_hash FROM traces WHERE experiment = @e AND trace_id = @t", [("@e", experiment), ("@t", traceId)],
            row => row.NullableText("content_hash"), cancellationToken).ConfigureAwait(false);
        return rows.Count == 0
            ? throw new KeyNotFoundException($"Experiment '{experiment}' in {session.Dialect.Description} has no trace '{traceId}'.")
            : rows[0];
    }

    // One current assessment per (trace, feedback name, source): a different one from the same source
    // replaces it, and the one replaced is kept in assessment_history. An assessment that does not say
    // what it rated rated the trace as it is now.
    /// <summary>Writes the current assessment of its trace, name and source, keeping the one it replaces in history.</summary>
    internal static async Task<int> WriteAssessmentAsync(DbConnection connection, DbTransaction tx, string experiment, string traceId, Assessment assessment,
        string? content, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var (history, upsert) = SqlTraceWriter.AssessmentParameters(experiment, SqlTraceWriter.AssessmentValues(traceId, assessment, content), now);
        await SqlSession.ExecuteAsync(connection, tx, SqlTraceWriter.KeepReplacedInHistory, history, cancellationToken).ConfigureAwait(false);
        return await SqlSession.ExecuteAsync(connection, tx, SqlTraceWriter.AssessmentUpsert, upsert, cancellationToken).ConfigureAwait(false);
    }

    private async Task<List<Trace>> ReadTracesAsync(DbConnection connection, string experiment, string sql, IReadOnlyList<(string, object?)> parameters, CancellationToken cancellationToken)
    {
        var rows = await SqlSession.QueryAsync(connection, null, sql, parameters, TraceRow.Read, cancellationToken).ConfigureAwait(false);
        if (rows.Count == 0)
        {
            return [];
        }

        var tags = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);
        var assessments = new Dictionary<string, List<Assessment>>(StringComparer.Ordinal);
        foreach (var chunk in rows.Select(r => r.TraceId).Chunk(SqlSession.InListSize))
        {
            var (inList, inParameters) = SqlParameters.InList(session.Dialect, chunk);
            inParameters.Add(("@e", experiment));
            foreach (var tag in await SqlSession.QueryAsync(connection, null, $"SELECT trace_id, tag_key, tag_value FROM trace_tags WHERE experiment = @e AND trace_id IN ({inList})",
                inParameters, TagRow.Read, cancellationToken).ConfigureAwait(false))
            {
                (tags.TryGetValue(tag.TraceId, out var map) ? map : tags[tag.TraceId] = new(StringComparer.Ordinal))[tag.Key] = tag.Value;
            }

            foreach (var row in await SqlSession.QueryAsync(connection, null,
                $"SELECT {AssessmentRow.Columns} FROM assessments WHERE experiment = @e AND trace_id IN ({inList}) ORDER BY created_at, assessment_id",
                inParameters, AssessmentRow.Read, cancellationToken).ConfigureAwait(false))
            {
                (assessments.TryGetValue(row.TraceId, out var list) ? list : assessments[row.TraceId] = []).Add(row.ToAssessment());
            }
        }

        return rows.Select(r => new Trace(r.TraceId)
        {
            Inputs = StoredJson.ReadElement(r.Inputs),
            Outputs = StoredJson.ReadElement(r.Outputs),
            Expectations = StoredJson.ReadElement(r.Expectations),
            Metadata = StoredJson.ReadStrings(r.Metadata),
            CreatedAt = new DateTimeOffset(r.CreatedAt, TimeSpan.Zero),
            Tags = tags.TryGetValue(r.TraceId, out var t) ? t : new Dictionary<string, string>(),
            Assessments = assessments.TryGetValue(r.TraceId, out var a) ? a : [],
        }).ToList();
    }
}
