using System.Data.Common;
using MemAlign.Storage.Sql.Rows;

namespace MemAlign.Storage.Sql;

/// <summary>The judge registry over SQL: each version a snapshot in <c>judges</c> (with its label schema), <c>judge_guidelines</c> (with sources) and <c>judge_examples</c>.</summary>
internal sealed class SqlJudgeRegistry(SqlSession session) : IJudgeRegistry
{
    /// <summary>The tables holding a version's memory, each keyed by (experiment, name, version, ...).</summary>
    public static readonly string[] MemoryTables = ["judge_guideline_sources", "judge_guidelines", "judge_examples"];

    public async Task<JudgeVersionInfo> RegisterJudgeAsync(string experiment, JudgeDefinition definition, JudgeMemory memory,
        IReadOnlyDictionary<string, string>? settings = null, int? baseVersion = null, LabelSchema? labelSchema = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(experiment);
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(memory);
        if (labelSchema is not null && Assessment.NameKey(labelSchema.Name) != Assessment.NameKey(definition.Name))
        {
            throw new ArgumentException($"The label schema '{labelSchema.Name}' is not for judge '{definition.Name}'; register a judge with its own label schema.", nameof(labelSchema));
        }

        var createdAt = session.Now;
        var traceIds = memory.Examples.Select(e => e.TraceId).Concat(memory.Guidelines.SelectMany(g => g.SourceTraceIds)).Distinct(StringComparer.Ordinal).ToList();
        var (version, latest, guidelines, examples) = await session.WriteAsync($"registering judge '{definition.Name}'", async (connection, tx) =>
        {
            await SqlSession.EnsureExperimentAsync(connection, tx, experiment, createdAt, cancellationToken).ConfigureAwait(false);
            await session.Dialect.LockJudgeNameAsync(connection, tx, experiment, definition.Name, cancellationToken).ConfigureAwait(false);
            await session.Dialect.LockForgettingAsync(connection, tx, experiment, exclusive: false, cancellationToken).ConfigureAwait(false);
            List<(string, object?)> name = [("@e", experiment), ("@n", definition.Name)];
            var latest = (int)await SqlSession.CountAsync(connection, tx, "SELECT COALESCE(MAX(version), 0) FROM judges WHERE experiment = @e AND name = @n",
                name, cancellationToken).ConfigureAwait(false);
            if (baseVersion is { } expected && expected != latest)
            {
                throw new StaleJudgeVersionException(definition.Name, expected, latest);
            }

            // A number once given is never given again, even after its version was deleted: a run names its version by number.
            var version = 1 + (int)Math.Max(latest, await SqlSession.CountAsync(connection, tx, "SELECT COALESCE(MAX(last_version), 0) FROM judge_names WHERE experiment = @e AND name = @n",
                name, cancellationToken).ConfigureAwait(false));
            await SqlSession.ExecuteAsync(connection, tx, "INSERT INTO judge_names (experiment, name, last_version) VALUES (@e, @n, @v) ON CONFLICT (experiment, name) DO UPDATE SET last_version = excluded.last_version",
                [.. name, ("@v", version)], cancellationToken).ConfigureAwait(false);
            await WriteAsync(session.Dialect, connection, tx, experiment, definition, memory, labelSchema, settings ?? new Dictionary<string, string>(), version, latest == 0 ? null : latest, createdAt,
                cancellationToken).ConfigureAwait(false);

            // Traces forgotten since the memory was built (an align that read them before a forget) leave it as forgetting leaves every version.
            var forgotten = await SqlForgetting.ForgottenAsync(session.Dialect, connection, tx, experiment, traceIds, cancellationToken).ConfigureAwait(false);
            var (droppedGuidelines, droppedExamples) = (0, 0);
            foreach (var chunk in forgotten.Chunk(SqlSession.InListSize))
            {
                var dropped = await SqlForgetting.ForgetFromMemoryAsync(session.Dialect, connection, tx, "experiment = @e AND name = @n AND version = @v", chunk, [.. name, ("@v", version)], cancellationToken)
                    .ConfigureAwait(false);
                (droppedGuidelines, droppedExamples) = (droppedGuidelines + dropped.Guidelines, droppedExamples + dropped.Examples);
            }

            return (version, latest == 0 ? (int?)null : latest, memory.Guidelines.Count - droppedGuidelines, memory.Examples.Count - droppedExamples);
        }, cancellationToken).ConfigureAwait(false);
        return new JudgeVersionInfo(definition.Name, version, createdAt, definition.Model, definition.ValueType, guidelines, examples, latest);
    }

    public async Task<RegisteredJudge?> GetJudgeAsync(string experiment, string name, int? version = null, CancellationToken cancellationToken = default) =>
        await session.RunAsync($"loading judge '{name}'", connection => ReadAsync(connection, experiment, name, version, cancellationToken), cancellationToken).ConfigureAwait(false);

    public async Task<IReadOnlyList<JudgeVersionInfo>> ListJudgesAsync(string experiment, CancellationToken cancellationToken = default) =>
        (await session.RunAsync($"listing judges of experiment '{experiment}'", connection => SqlSession.QueryAsync(connection, null,
            $"SELECT {JudgeSummaryRow.Columns} FROM judges j WHERE j.experiment = @e AND j.version = (SELECT MAX(version) FROM judges m WHERE m.experiment = j.experiment AND m.name = j.name) ORDER BY j.name",
            [("@e", experiment)], JudgeSummaryRow.Read, cancellationToken), cancellationToken).ConfigureAwait(false)).Select(r => r.ToInfo()).ToList();

    public async Task<IReadOnlyList<JudgeVersionInfo>> ListJudgeVersionsAsync(string experiment, string name, CancellationToken cancellationToken = default) =>
        (await session.RunAsync($"listing versions of judge '{name}'", connection => SqlSession.QueryAsync(connection, null,
            $"SELECT {JudgeSummaryRow.Columns} FROM judges j WHERE j.experiment = @e AND j.name = @n ORDER BY j.version",
            [("@e", experiment), ("@n", name)], JudgeSummaryRow.Read, cancellationToken), cancellationToken).ConfigureAwait(false)).Select(r => r.ToInfo()).ToList();

    public async Task<int> DeleteJudgeAsync(string experiment, string name, int? version = null, CancellationToken cancellationToken = default) =>
        await session.WriteAsync($"deleting judge '{name}'", async (connection, tx) =>
        {
            var (filter, parameters) = version is { } v
                ? ("experiment = @e AND name = @n AND version = @v", new List<(string, object?)> { ("@e", experiment), ("@n", name), ("@v", v) })
                : ("experiment = @e AND name = @n", new List<(string, object?)> { ("@e", experiment), ("@n", name) });
            foreach (var table in MemoryTables)
            {
                await SqlSession.ExecuteAsync(connection, tx, $"DELETE FROM {table} WHERE {filter}", parameters, cancellationToken).ConfigureAwait(false);
            }

            return await SqlSession.ExecuteAsync(connection, tx, $"DELETE FROM judges WHERE {filter}", parameters, cancellationToken).ConfigureAwait(false);
        }, cancellationToken).ConfigureAwait(false);

    private static async Task WriteAsync(SqlDialect dialect, DbConnection connection, DbTransaction tx, string experiment, JudgeDefinition definition, JudgeMemory memory, LabelSchema? labelSchema,
        IReadOnlyDictionary<string, string> settings, int version, int? baseVersion, DateTimeOffset createdAt, CancellationToken cancellationToken)
    {
        await SqlSession.ExecuteAsync(connection, tx,
            "INSERT INTO judges (experiment, name, version, created_at, definition, settings, embedding_model, embedding_dimensions, retrieval_k, base_version, " +
            "label_title, label_instruction, label_comment) VALUES (@e, @n, @v, @c, @d, @s, @em, @ed, @k, @b, @lt, @li, @lc)",
            [("@e", experiment), ("@n", definition.Name), ("@v", version), ("@c", createdAt.UtcTicks), ("@d", StoredJson.Definition(definition)), ("@s", StoredJson.Strings(settings)),
             ("@em", memory.EmbeddingModelId), ("@ed", memory.EmbeddingDimensions), ("@k", memory.RetrievalK), ("@b", baseVersion),
             ("@lt", labelSchema?.Title), ("@li", labelSchema?.Instruction), ("@lc", labelSchema?.Comment.ToString())], cancellationToken).ConfigureAwait(false);
        // A version's memory is new rows only: loaded as the dialect loads rows in bulk (prepared inserts, or COPY).
        SqlColumn[] key = [new("experiment", "TEXT"), new("name", "TEXT"), new("version", "INTEGER"), new("ordinal", "INTEGER")];
        object?[] Row(int ordinal, params object?[] values) => [experiment, definition.Name, version, ordinal, .. values];
        await dialect.InsertRowsAsync(connection, tx, "judge_guidelines", [.. key, new("text", "TEXT"), new("user_written", "INTEGER")],
            memory.Guidelines.Select((g, i) => Row(i, g.Text, g.IsUserWritten ? 1 : 0)), onConflict: null, cancellationToken).ConfigureAwait(false);
        await dialect.InsertRowsAsync(connection, tx, "judge_guideline_sources", [.. key, new("trace_id", "TEXT")],
            memory.Guidelines.SelectMany((g, i) => g.SourceTraceIds.Select(source => Row(i, source))), onConflict: null, cancellationToken).ConfigureAwait(false);
        await dialect.InsertRowsAsync(connection, tx, "judge_examples",
            [.. key, .. SqlColumn.Texts("example_id", "trace_id", "value", "rationale", "fields", "embedded_field"), new("vector", dialect.BinaryType), new("fingerprint", "TEXT"),
             new("distilled", "INTEGER"), new("reviewers", "TEXT"), new("weight", "INTEGER")],
            memory.Examples.Select((x, i) => Row(i, x.Id, x.TraceId, StoredJson.Value(x.Value), x.Rationale, StoredJson.Strings(x.Fields), x.EmbeddedField, StoredJson.Vector(x.Vector),
                x.Fingerprint, x.IsDistilled ? 1 : 0, StoredJson.List(x.Reviewers), x.Weight)), onConflict: null, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<RegisteredJudge?> ReadAsync(DbConnection connection, string experiment, string name, int? version, CancellationToken cancellationToken)
    {
        var (filter, parameters) = version is { } v
            ? ("experiment = @e AND name = @n AND version = @v", new List<(string, object?)> { ("@e", experiment), ("@n", name), ("@v", v) })
            : ("experiment = @e AND name = @n AND version = (SELECT MAX(version) FROM judges WHERE experiment = @e AND name = @n)", new List<(string, object?)> { ("@e", experiment), ("@n", name) });
        var rows = await SqlSession.QueryAsync(connection, null, $"SELECT {JudgeRow.Columns} FROM judges WHERE {filter}", parameters, JudgeRow.Read, cancellationToken).ConfigureAwait(false);
        if (rows.Count == 0)
        {
            return null;
        }

        var judge = rows[0];
        List<(string, object?)> key = [("@e", experiment), ("@n", name), ("@v", judge.Version)];
        var sources = (await SqlSession.QueryAsync(connection, null, "SELECT ordinal, trace_id FROM judge_guideline_sources WHERE experiment = @e AND name = @n AND version = @v",
            key, GuidelineSourceRow.Read, cancellationToken).ConfigureAwait(false)).GroupBy(s => s.Ordinal).ToDictionary(g => g.Key, g => g.Select(s => s.TraceId).ToList());
        var guidelines = (await SqlSession.QueryAsync(connection, null, "SELECT ordinal, text, user_written FROM judge_guidelines WHERE experiment = @e AND name = @n AND version = @v ORDER BY ordinal",
            key, GuidelineRow.Read, cancellationToken).ConfigureAwait(false)).Select(g => new Guideline(g.Text, sources.TryGetValue(g.Ordinal, out var list) ? list : null)).ToList();
        var examples = (await SqlSession.QueryAsync(connection, null, $"SELECT {ExampleRow.Columns} FROM judge_examples WHERE experiment = @e AND name = @n AND version = @v ORDER BY ordinal",
            key, ExampleRow.Read, cancellationToken).ConfigureAwait(false)).Select(e => e.ToExample()).ToList();

        var definition = StoredJson.ReadDefinition(judge.Definition);
        var memory = new JudgeMemory(guidelines, examples, judge.EmbeddingModel, judge.EmbeddingDimensions, judge.RetrievalK);
        var info = new JudgeVersionInfo(name, judge.Version, new DateTimeOffset(judge.CreatedAt, TimeSpan.Zero), definition.Model, definition.ValueType, guidelines.Count, examples.Count, judge.BaseVersion);
        return new RegisteredJudge(info, definition, memory, StoredJson.ReadStrings(judge.Settings), judge.LabelSchema(definition));
    }
}
