using System.Data.Common;
using System.Runtime.CompilerServices;

namespace MemAlign.Storage.Sql;

/// <summary>
/// The store over SQL, shared by SQLite and PostgreSQL: the same tables and statements (both accept
/// <c>@name</c> parameters, <c>ON CONFLICT</c> and <c>LIMIT</c>), with the differences in <see cref="SqlDialect"/>.
/// Every write is one transaction; readers never see half of one.
/// </summary>
public abstract class SqlMemAlignStore : IMemAlignStore
{
    private const int BatchSize = 1_000;
    private const int PageSize = 500;
    private const int InListSize = 400;

    private static readonly string[] JudgePartTables = ["judge_guideline_sources", "judge_guidelines", "judge_examples"];

    private readonly SqlDialect _dialect;

    private protected SqlMemAlignStore(SqlDialect dialect)
    {
        _dialect = dialect;
    }

    /// <inheritdoc />
    public string Description => _dialect.Description;

    /// <summary>Opens the store: migrates the schema and makes sure the default experiment exists.</summary>
    private protected async Task InitializeAsync(CancellationToken cancellationToken)
    {
        await RunAsync("opening the store", async connection =>
        {
            await SqlSchema.MigrateAsync(_dialect, connection, cancellationToken).ConfigureAwait(false);
            await WriteAsync(connection, (tx) => EnsureExperimentAsync(connection, tx, IMemAlignStore.DefaultExperiment, cancellationToken), cancellationToken).ConfigureAwait(false);
            return 0;
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<string>> ListExperimentsAsync(CancellationToken cancellationToken = default) =>
        await RunAsync("listing experiments", async connection =>
        {
            var names = new List<string>();
            await using var command = Command(connection, null, "SELECT name FROM experiments ORDER BY name");
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                names.Add(reader.GetString(0));
            }

            return names;
        }, cancellationToken).ConfigureAwait(false);

    /// <inheritdoc />
    public Task CreateExperimentAsync(string experiment, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(experiment);
        return RunAsync($"creating experiment '{experiment}'", connection =>
            WriteAsync(connection, tx => EnsureExperimentAsync(connection, tx, experiment, cancellationToken), cancellationToken), cancellationToken);
    }

    /// <inheritdoc />
    public async Task<int> AddTracesAsync(string experiment, IEnumerable<Trace> traces, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(experiment);
        ArgumentNullException.ThrowIfNull(traces);
        var written = 0;
        foreach (var batch in traces.Chunk(BatchSize))
        {
            written += await RunAsync($"adding traces to experiment '{experiment}'", connection => WriteAsync(connection, async tx =>
            {
                await EnsureExperimentAsync(connection, tx, experiment, cancellationToken).ConfigureAwait(false);
                foreach (var trace in batch)
                {
                    await WriteTraceAsync(connection, tx, experiment, trace, cancellationToken).ConfigureAwait(false);
                }

                return batch.Length;
            }, cancellationToken), cancellationToken).ConfigureAwait(false);
        }

        return written;
    }

    /// <inheritdoc />
    public async Task<Trace?> GetTraceAsync(string experiment, string traceId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(experiment);
        ArgumentNullException.ThrowIfNull(traceId);
        return await RunAsync($"reading trace '{traceId}'", async connection =>
        {
            var traces = await ReadTracesAsync(connection, experiment,
                "SELECT trace_id, inputs, outputs, expectations, metadata, created_at FROM traces WHERE experiment = @e AND trace_id = @t",
                [("@e", experiment), ("@t", traceId)], cancellationToken).ConfigureAwait(false);
            return traces.Count == 0 ? null : traces[0];
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<Trace> SearchTracesAsync(string experiment, TraceQuery query, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(experiment);
        ArgumentNullException.ThrowIfNull(query);
        var filters = new List<string> { "t.experiment = @e" };
        var parameters = new List<(string, object?)> { ("@e", experiment) };
        if (query.Tag is { } tag)
        {
            filters.Add("EXISTS (SELECT 1 FROM trace_tags g WHERE g.experiment = t.experiment AND g.trace_id = t.trace_id AND g.tag_key = @tk AND g.tag_value = @tv)");
            parameters.Add(("@tk", tag.Key));
            parameters.Add(("@tv", tag.Value));
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

        foreach (var (name, source, key) in new[] { (query.HasHumanFeedback, "HUMAN", "@hf"), (query.HasJudgeAssessment, "LLM_JUDGE", "@ja") })
        {
            if (name is not null)
            {
                filters.Add($"EXISTS (SELECT 1 FROM assessments a WHERE a.experiment = t.experiment AND a.trace_id = t.trace_id AND a.name_key = {key} AND a.source_type = '{source}')");
                parameters.Add((key, NameKey(name)));
            }
        }

        // Keyset pages keep memory flat however many traces match.
        var remaining = query.Limit ?? int.MaxValue;
        (long Ticks, string Id)? after = null;
        while (remaining > 0)
        {
            var page = Math.Min(PageSize, remaining);
            var pageFilters = new List<string>(filters);
            var pageParameters = new List<(string, object?)>(parameters);
            if (after is { } last)
            {
                pageFilters.Add("(t.created_at > @lc OR (t.created_at = @lc AND t.trace_id > @li))");
                pageParameters.Add(("@lc", last.Ticks));
                pageParameters.Add(("@li", last.Id));
            }

            var sql = $"SELECT t.trace_id, t.inputs, t.outputs, t.expectations, t.metadata, t.created_at FROM traces t WHERE {string.Join(" AND ", pageFilters)} ORDER BY t.created_at, t.trace_id LIMIT {page}";
            var traces = await RunAsync($"searching traces of experiment '{experiment}'",
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

    /// <inheritdoc />
    public Task TagTraceAsync(string experiment, string traceId, string key, string value, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        ArgumentNullException.ThrowIfNull(value);
        return RunAsync($"tagging trace '{traceId}'", connection => WriteAsync(connection, async tx =>
        {
            await RequireTraceAsync(connection, tx, experiment, traceId, cancellationToken).ConfigureAwait(false);
            await ExecuteAsync(connection, tx,
                "INSERT INTO trace_tags (experiment, trace_id, tag_key, tag_value) VALUES (@e, @t, @k, @v) ON CONFLICT (experiment, trace_id, tag_key) DO UPDATE SET tag_value = excluded.tag_value",
                [("@e", experiment), ("@t", traceId), ("@k", key), ("@v", value)], cancellationToken).ConfigureAwait(false);
            return 0;
        }, cancellationToken), cancellationToken);
    }

    /// <inheritdoc />
    public Task LogAssessmentAsync(string experiment, string traceId, Assessment assessment, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(assessment);
        return RunAsync($"logging assessment '{assessment.Id}' on trace '{traceId}'", connection => WriteAsync(connection, async tx =>
        {
            await RequireTraceAsync(connection, tx, experiment, traceId, cancellationToken).ConfigureAwait(false);
            await WriteAssessmentAsync(connection, tx, experiment, traceId, assessment, cancellationToken).ConfigureAwait(false);
            return 0;
        }, cancellationToken), cancellationToken);
    }

    /// <inheritdoc />
    public Task UpdateAssessmentAsync(string experiment, string assessmentId, FeedbackValue value, string? rationale, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(value);
        return RunAsync($"updating assessment '{assessmentId}'", connection => WriteAsync(connection, async tx =>
        {
            var changed = await ExecuteAsync(connection, tx,
                "UPDATE assessments SET value = @v, rationale = @r, updated_at = @u WHERE experiment = @e AND assessment_id = @a",
                [("@v", StoredJson.Value(value)), ("@r", rationale), ("@u", DateTimeOffset.UtcNow.UtcTicks), ("@e", experiment), ("@a", assessmentId)], cancellationToken).ConfigureAwait(false);
            return changed == 0
                ? throw new KeyNotFoundException($"Experiment '{experiment}' in {Description} has no assessment '{assessmentId}'.")
                : changed;
        }, cancellationToken), cancellationToken);
    }

    /// <inheritdoc />
    public async Task<bool> DeleteAssessmentAsync(string experiment, string assessmentId, CancellationToken cancellationToken = default) =>
        await RunAsync($"deleting assessment '{assessmentId}'", connection => WriteAsync(connection, tx =>
            ExecuteAsync(connection, tx, "DELETE FROM assessments WHERE experiment = @e AND assessment_id = @a", [("@e", experiment), ("@a", assessmentId)], cancellationToken),
            cancellationToken), cancellationToken).ConfigureAwait(false) > 0;

    /// <inheritdoc />
    public async Task<JudgeVersionInfo> RegisterJudgeAsync(string experiment, JudgeDefinition definition, JudgeMemory memory,
        IReadOnlyDictionary<string, string>? settings = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(experiment);
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(memory);
        var createdAt = DateTimeOffset.UtcNow;
        var version = await RunAsync($"registering judge '{definition.Name}'", connection => WriteAsync(connection, async tx =>
        {
            await EnsureExperimentAsync(connection, tx, experiment, cancellationToken).ConfigureAwait(false);
            await _dialect.LockJudgeNameAsync(connection, tx, experiment, definition.Name, cancellationToken).ConfigureAwait(false);
            var next = Convert.ToInt32(await ScalarAsync(connection, tx, "SELECT COALESCE(MAX(version), 0) + 1 FROM judges WHERE experiment = @e AND name = @n",
                [("@e", experiment), ("@n", definition.Name)], cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture);
            await WriteJudgeAsync(connection, tx, experiment, definition, memory, settings ?? new Dictionary<string, string>(), next, createdAt, cancellationToken).ConfigureAwait(false);
            return next;
        }, cancellationToken), cancellationToken).ConfigureAwait(false);
        return new JudgeVersionInfo(definition.Name, version, createdAt, definition.Model, definition.ValueType, memory.Guidelines.Count, memory.Examples.Count);
    }

    /// <inheritdoc />
    public async Task<RegisteredJudge?> GetJudgeAsync(string experiment, string name, int? version = null, CancellationToken cancellationToken = default) =>
        await RunAsync($"loading judge '{name}'", connection => ReadJudgeAsync(connection, experiment, name, version, cancellationToken), cancellationToken).ConfigureAwait(false);

    /// <inheritdoc />
    public async Task<IReadOnlyList<JudgeVersionInfo>> ListJudgesAsync(string experiment, CancellationToken cancellationToken = default) =>
        await RunAsync($"listing judges of experiment '{experiment}'", connection => ReadVersionInfosAsync(connection,
            "SELECT j.name, j.version, j.created_at, j.definition, " + CountColumns + " FROM judges j WHERE j.experiment = @e AND j.version = (SELECT MAX(version) FROM judges m WHERE m.experiment = j.experiment AND m.name = j.name) ORDER BY j.name",
            [("@e", experiment)], cancellationToken), cancellationToken).ConfigureAwait(false);

    /// <inheritdoc />
    public async Task<IReadOnlyList<JudgeVersionInfo>> ListJudgeVersionsAsync(string experiment, string name, CancellationToken cancellationToken = default) =>
        await RunAsync($"listing versions of judge '{name}'", connection => ReadVersionInfosAsync(connection,
            "SELECT j.name, j.version, j.created_at, j.definition, " + CountColumns + " FROM judges j WHERE j.experiment = @e AND j.name = @n ORDER BY j.version",
            [("@e", experiment), ("@n", name)], cancellationToken), cancellationToken).ConfigureAwait(false);

    /// <inheritdoc />
    public async Task<int> DeleteJudgeAsync(string experiment, string name, int? version = null, CancellationToken cancellationToken = default) =>
        await RunAsync($"deleting judge '{name}'", connection => WriteAsync(connection, async tx =>
        {
            var filter = version is null ? "experiment = @e AND name = @n" : "experiment = @e AND name = @n AND version = @v";
            List<(string, object?)> parameters = [("@e", experiment), ("@n", name), ("@v", version)];
            foreach (var table in JudgePartTables)
            {
                await ExecuteAsync(connection, tx, $"DELETE FROM {table} WHERE {filter}", parameters, cancellationToken).ConfigureAwait(false);
            }

            return await ExecuteAsync(connection, tx, $"DELETE FROM judges WHERE {filter}", parameters, cancellationToken).ConfigureAwait(false);
        }, cancellationToken), cancellationToken).ConfigureAwait(false);

    /// <inheritdoc />
    public async Task<ForgetReport> ForgetAsync(string experiment, IEnumerable<string> traceIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(traceIds);
        var ids = traceIds.Distinct(StringComparer.Ordinal).ToList();
        var report = await RunAsync($"forgetting {ids.Count} trace(s)", connection => WriteAsync(connection, async tx =>
        {
            var total = new ForgetReport();
            foreach (var chunk in ids.Chunk(InListSize))
            {
                var (inList, parameters) = InList(chunk);
                parameters.Add(("@e", experiment));
                async Task<int> Delete(string table, string column = "trace_id") =>
                    await ExecuteAsync(connection, tx, $"DELETE FROM {table} WHERE experiment = @e AND {column} IN ({inList})", parameters, cancellationToken).ConfigureAwait(false);

                var evaluations = await ExecuteAsync(connection, tx,
                    $"DELETE FROM eval_results WHERE trace_id IN ({inList}) AND run_id IN (SELECT run_id FROM eval_runs WHERE experiment = @e)", parameters, cancellationToken).ConfigureAwait(false);
                await Delete("trace_tags").ConfigureAwait(false);
                total = total with
                {
                    Assessments = total.Assessments + await Delete("assessments").ConfigureAwait(false),
                    Traces = total.Traces + await Delete("traces").ConfigureAwait(false),
                    Examples = total.Examples + await Delete("judge_examples").ConfigureAwait(false),
                    GuidelineSources = total.GuidelineSources + await Delete("judge_guideline_sources").ConfigureAwait(false),
                    EvaluationResults = total.EvaluationResults + evaluations,
                };
            }

            var dropped = await ExecuteAsync(connection, tx,
                "DELETE FROM judge_guidelines WHERE experiment = @e AND user_written = 0 AND NOT EXISTS (SELECT 1 FROM judge_guideline_sources s " +
                "WHERE s.experiment = judge_guidelines.experiment AND s.name = judge_guidelines.name AND s.version = judge_guidelines.version AND s.ordinal = judge_guidelines.ordinal)",
                [("@e", experiment)], cancellationToken).ConfigureAwait(false);
            return total with { GuidelinesDropped = dropped };
        }, cancellationToken), cancellationToken).ConfigureAwait(false);

        try
        {
            await _dialect.EraseFreedSpaceAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException and not StoreException)
        {
            throw _dialect.Translate(e, "erasing forgotten data");
        }

        return report;
    }

    /// <inheritdoc />
    public async Task<EvaluationRun> CreateEvaluationRunAsync(string experiment, string name, IReadOnlyDictionary<string, string>? settings = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(experiment);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var run = new EvaluationRun("run-" + Guid.NewGuid().ToString("N")[..12], experiment, name, DateTimeOffset.UtcNow, settings ?? new Dictionary<string, string>());
        await RunAsync($"creating evaluation run '{name}'", connection => WriteAsync(connection, async tx =>
        {
            await EnsureExperimentAsync(connection, tx, experiment, cancellationToken).ConfigureAwait(false);
            return await ExecuteAsync(connection, tx, "INSERT INTO eval_runs (run_id, experiment, name, created_at, settings) VALUES (@r, @e, @n, @c, @s)",
                [("@r", run.Id), ("@e", experiment), ("@n", name), ("@c", run.CreatedAt.UtcTicks), ("@s", StoredJson.Strings(run.Settings))], cancellationToken).ConfigureAwait(false);
        }, cancellationToken), cancellationToken).ConfigureAwait(false);
        return run;
    }

    /// <inheritdoc />
    public async Task<EvaluationRun?> GetEvaluationRunAsync(string runId, CancellationToken cancellationToken = default)
    {
        var runs = await RunAsync($"reading evaluation run '{runId}'", connection => ReadRunsAsync(connection,
            "SELECT run_id, experiment, name, created_at, settings FROM eval_runs WHERE run_id = @r", [("@r", runId)], cancellationToken), cancellationToken).ConfigureAwait(false);
        return runs.Count > 0 ? runs[0] : null;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<EvaluationRun>> ListEvaluationRunsAsync(string experiment, CancellationToken cancellationToken = default) =>
        await RunAsync($"listing evaluation runs of experiment '{experiment}'", connection => ReadRunsAsync(connection,
            "SELECT run_id, experiment, name, created_at, settings FROM eval_runs WHERE experiment = @e ORDER BY created_at DESC, run_id", [("@e", experiment)], cancellationToken),
            cancellationToken).ConfigureAwait(false);

    /// <inheritdoc />
    public async Task SaveEvaluationResultsAsync(string runId, IEnumerable<EvaluationRecord> records, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(records);
        foreach (var batch in records.Chunk(BatchSize))
        {
            await RunAsync($"saving results of evaluation run '{runId}'", connection => WriteAsync(connection, async tx =>
            {
                foreach (var record in batch)
                {
                    await ExecuteAsync(connection, tx,
                        "INSERT INTO eval_results (run_id, trace_id, judge_name, value, rationale, error_kind, error, model, input_tokens, output_tokens, latency_ms, created_at) " +
                        "VALUES (@r, @t, @j, @v, @ra, @ek, @er, @m, @it, @ot, @l, @c) ON CONFLICT (run_id, trace_id, judge_name) DO UPDATE SET value = excluded.value, " +
                        "rationale = excluded.rationale, error_kind = excluded.error_kind, error = excluded.error, model = excluded.model, input_tokens = excluded.input_tokens, " +
                        "output_tokens = excluded.output_tokens, latency_ms = excluded.latency_ms, created_at = excluded.created_at",
                        [("@r", runId), ("@t", record.TraceId), ("@j", record.JudgeName), ("@v", record.Value is null ? null : StoredJson.Value(record.Value)),
                         ("@ra", record.Rationale), ("@ek", record.Error?.Kind.ToString()), ("@er", record.Error?.Message), ("@m", record.Model),
                         ("@it", record.Usage.InputTokens), ("@ot", record.Usage.OutputTokens), ("@l", record.Latency.TotalMilliseconds), ("@c", record.CreatedAt.UtcTicks)],
                        cancellationToken).ConfigureAwait(false);
                }

                return batch.Length;
            }, cancellationToken), cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<EvaluationRecord> GetEvaluationResultsAsync(string runId, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        (string Trace, string Judge)? after = null;
        while (true)
        {
            var filter = after is null ? "run_id = @r" : "run_id = @r AND (trace_id > @lt OR (trace_id = @lt AND judge_name > @lj))";
            List<(string, object?)> parameters = [("@r", runId), ("@lt", after?.Trace), ("@lj", after?.Judge)];
            var page = await RunAsync($"reading results of evaluation run '{runId}'", async connection =>
            {
                var records = new List<EvaluationRecord>();
                await using var command = Command(connection, null,
                    $"SELECT trace_id, judge_name, value, rationale, error_kind, error, model, input_tokens, output_tokens, latency_ms, created_at FROM eval_results WHERE {filter} ORDER BY trace_id, judge_name LIMIT {PageSize}",
                    parameters);
                await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    records.Add(new EvaluationRecord
                    {
                        TraceId = reader.GetString(0),
                        JudgeName = reader.GetString(1),
                        Value = reader.IsDBNull(2) ? null : StoredJson.ReadValue(reader.GetString(2)),
                        Rationale = reader.IsDBNull(3) ? null : reader.GetString(3),
                        Error = reader.IsDBNull(4) ? null : new JudgeError(Enum.Parse<JudgeErrorKind>(reader.GetString(4)), reader.IsDBNull(5) ? "" : reader.GetString(5)),
                        Model = reader.IsDBNull(6) ? null : reader.GetString(6),
                        Usage = new TokenUsage(reader.GetInt64(7), reader.GetInt64(8)),
                        Latency = TimeSpan.FromMilliseconds(reader.GetDouble(9)),
                        CreatedAt = new DateTimeOffset(reader.GetInt64(10), TimeSpan.Zero),
                    });
                }

                return records;
            }, cancellationToken).ConfigureAwait(false);
            foreach (var record in page)
            {
                yield return record;
            }

            if (page.Count < PageSize)
            {
                yield break;
            }

            after = (page[^1].TraceId, page[^1].JudgeName);
        }
    }

    /// <inheritdoc />
    public virtual ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        return ValueTask.CompletedTask;
    }

    private const string CountColumns =
        "(SELECT COUNT(*) FROM judge_guidelines g WHERE g.experiment = j.experiment AND g.name = j.name AND g.version = j.version), " +
        "(SELECT COUNT(*) FROM judge_examples x WHERE x.experiment = j.experiment AND x.name = j.name AND x.version = j.version)";

    // --- writing -----------------------------------------------------------------------------------

    private static Task<int> EnsureExperimentAsync(DbConnection connection, DbTransaction tx, string experiment, CancellationToken cancellationToken) =>
        ExecuteAsync(connection, tx, "INSERT INTO experiments (name, created_at) VALUES (@n, @c) ON CONFLICT (name) DO NOTHING",
            [("@n", experiment), ("@c", DateTimeOffset.UtcNow.UtcTicks)], cancellationToken);

    private async Task RequireTraceAsync(DbConnection connection, DbTransaction tx, string experiment, string traceId, CancellationToken cancellationToken)
    {
        var found = await ScalarAsync(connection, tx, "SELECT COUNT(*) FROM traces WHERE experiment = @e AND trace_id = @t", [("@e", experiment), ("@t", traceId)], cancellationToken).ConfigureAwait(false);
        if (Convert.ToInt64(found, System.Globalization.CultureInfo.InvariantCulture) == 0)
        {
            throw new KeyNotFoundException($"Experiment '{experiment}' in {Description} has no trace '{traceId}'.");
        }
    }

    private static async Task WriteTraceAsync(DbConnection connection, DbTransaction tx, string experiment, Trace trace, CancellationToken cancellationToken)
    {
        await ExecuteAsync(connection, tx,
            "INSERT INTO traces (experiment, trace_id, inputs, outputs, expectations, metadata, created_at) VALUES (@e, @t, @i, @o, @x, @m, @c) " +
            "ON CONFLICT (experiment, trace_id) DO UPDATE SET inputs = excluded.inputs, outputs = excluded.outputs, expectations = excluded.expectations, metadata = excluded.metadata, created_at = excluded.created_at",
            [("@e", experiment), ("@t", trace.Id), ("@i", StoredJson.Element(trace.Inputs)), ("@o", StoredJson.Element(trace.Outputs)), ("@x", StoredJson.Element(trace.Expectations)),
             ("@m", StoredJson.Strings(trace.Metadata)), ("@c", trace.CreatedAt.UtcTicks)], cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(connection, tx, "DELETE FROM trace_tags WHERE experiment = @e AND trace_id = @t", [("@e", experiment), ("@t", trace.Id)], cancellationToken).ConfigureAwait(false);
        foreach (var (key, value) in trace.Tags)
        {
            await ExecuteAsync(connection, tx, "INSERT INTO trace_tags (experiment, trace_id, tag_key, tag_value) VALUES (@e, @t, @k, @v)",
                [("@e", experiment), ("@t", trace.Id), ("@k", key), ("@v", value)], cancellationToken).ConfigureAwait(false);
        }

        foreach (var assessment in trace.Assessments)
        {
            await WriteAssessmentAsync(connection, tx, experiment, trace.Id, assessment, cancellationToken).ConfigureAwait(false);
        }
    }

    private static Task<int> WriteAssessmentAsync(DbConnection connection, DbTransaction tx, string experiment, string traceId, Assessment assessment, CancellationToken cancellationToken) =>
        ExecuteAsync(connection, tx,
            "INSERT INTO assessments (experiment, assessment_id, trace_id, name, name_key, value, rationale, source_type, source_id, created_at, updated_at) " +
            "VALUES (@e, @a, @t, @n, @k, @v, @r, @st, @si, @c, @u) ON CONFLICT (experiment, assessment_id) DO UPDATE SET trace_id = excluded.trace_id, name = excluded.name, " +
            "name_key = excluded.name_key, value = excluded.value, rationale = excluded.rationale, source_type = excluded.source_type, source_id = excluded.source_id, " +
            "created_at = excluded.created_at, updated_at = excluded.updated_at",
            [("@e", experiment), ("@a", assessment.Id), ("@t", traceId), ("@n", assessment.Name), ("@k", NameKey(assessment.Name)), ("@v", StoredJson.Value(assessment.Value)),
             ("@r", assessment.Rationale), ("@st", SourceName(assessment.Source.Type)), ("@si", assessment.Source.Id), ("@c", assessment.CreatedAt.UtcTicks), ("@u", assessment.UpdatedAt.UtcTicks)],
            cancellationToken);

    private static async Task WriteJudgeAsync(DbConnection connection, DbTransaction tx, string experiment, JudgeDefinition definition, JudgeMemory memory,
        IReadOnlyDictionary<string, string> settings, int version, DateTimeOffset createdAt, CancellationToken cancellationToken)
    {
        List<(string, object?)> key = [("@e", experiment), ("@n", definition.Name), ("@v", version)];
        await ExecuteAsync(connection, tx,
            "INSERT INTO judges (experiment, name, version, created_at, definition, settings, embedding_model, embedding_dimensions, retrieval_k) VALUES (@e, @n, @v, @c, @d, @s, @em, @ed, @k)",
            [.. key, ("@c", createdAt.UtcTicks), ("@d", StoredJson.Definition(definition)), ("@s", StoredJson.Strings(settings)),
             ("@em", memory.EmbeddingModelId), ("@ed", memory.EmbeddingDimensions), ("@k", memory.RetrievalK)], cancellationToken).ConfigureAwait(false);
        for (var i = 0; i < memory.Guidelines.Count; i++)
        {
            var guideline = memory.Guidelines[i];
            await ExecuteAsync(connection, tx, "INSERT INTO judge_guidelines (experiment, name, version, ordinal, text, user_written) VALUES (@e, @n, @v, @o, @t, @u)",
                [.. key, ("@o", i), ("@t", guideline.Text), ("@u", guideline.IsUserWritten ? 1 : 0)], cancellationToken).ConfigureAwait(false);
            foreach (var source in guideline.SourceTraceIds)
            {
                await ExecuteAsync(connection, tx, "INSERT INTO judge_guideline_sources (experiment, name, version, ordinal, trace_id) VALUES (@e, @n, @v, @o, @t)",
                    [.. key, ("@o", i), ("@t", source)], cancellationToken).ConfigureAwait(false);
            }
        }

        for (var i = 0; i < memory.Examples.Count; i++)
        {
            var example = memory.Examples[i];
            await ExecuteAsync(connection, tx,
                "INSERT INTO judge_examples (experiment, name, version, ordinal, example_id, trace_id, value, rationale, fields, embedded_field, vector, fingerprint, distilled) " +
                "VALUES (@e, @n, @v, @o, @x, @t, @va, @r, @f, @ef, @vec, @fp, @di)",
                [.. key, ("@o", i), ("@x", example.Id), ("@t", example.TraceId), ("@va", StoredJson.Value(example.Value)), ("@r", example.Rationale),
                 ("@f", StoredJson.Strings(example.Fields)), ("@ef", example.EmbeddedField), ("@vec", StoredJson.Vector(example.Vector)), ("@fp", example.Fingerprint),
                 ("@di", example.IsDistilled ? 1 : 0)], cancellationToken).ConfigureAwait(false);
        }
    }

    // --- reading -----------------------------------------------------------------------------------

    private static async Task<List<Trace>> ReadTracesAsync(DbConnection connection, string experiment, string sql, IReadOnlyList<(string, object?)> parameters, CancellationToken cancellationToken)
    {
        var rows = new List<(string Id, object Inputs, object Outputs, object Expectations, string Metadata, long Created)>();
        await using (var command = Command(connection, null, sql, parameters))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                rows.Add((reader.GetString(0), reader.GetValue(1), reader.GetValue(2), reader.GetValue(3), reader.GetString(4), reader.GetInt64(5)));
            }
        }

        if (rows.Count == 0)
        {
            return [];
        }

        var tags = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);
        var assessments = new Dictionary<string, List<Assessment>>(StringComparer.Ordinal);
        foreach (var chunk in rows.Select(r => r.Id).Chunk(InListSize))
        {
            var (inList, inParameters) = InList(chunk);
            inParameters.Add(("@e", experiment));
            await using (var command = Command(connection, null, $"SELECT trace_id, tag_key, tag_value FROM trace_tags WHERE experiment = @e AND trace_id IN ({inList})", inParameters))
            await using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
            {
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    var id = reader.GetString(0);
                    (tags.TryGetValue(id, out var map) ? map : tags[id] = new(StringComparer.Ordinal))[reader.GetString(1)] = reader.GetString(2);
                }
            }

            await using (var command = Command(connection, null,
                $"SELECT trace_id, assessment_id, name, value, rationale, source_type, source_id, created_at, updated_at FROM assessments WHERE experiment = @e AND trace_id IN ({inList}) ORDER BY created_at, assessment_id",
                inParameters))
            await using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
            {
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    var id = reader.GetString(0);
                    var assessment = new Assessment(reader.GetString(2), StoredJson.ReadValue(reader.GetString(3)),
                        new AssessmentSource(SourceType(reader.GetString(5)), reader.GetString(6)), reader.IsDBNull(4) ? null : reader.GetString(4),
                        new DateTimeOffset(reader.GetInt64(7), TimeSpan.Zero))
                    {
                        Id = reader.GetString(1),
                        UpdatedAt = new DateTimeOffset(reader.GetInt64(8), TimeSpan.Zero),
                    };
                    (assessments.TryGetValue(id, out var list) ? list : assessments[id] = []).Add(assessment);
                }
            }
        }

        return rows.Select(r => new Trace(r.Id)
        {
            Inputs = StoredJson.ReadElement(r.Inputs),
            Outputs = StoredJson.ReadElement(r.Outputs),
            Expectations = StoredJson.ReadElement(r.Expectations),
            Metadata = StoredJson.ReadStrings(r.Metadata),
            CreatedAt = new DateTimeOffset(r.Created, TimeSpan.Zero),
            Tags = tags.TryGetValue(r.Id, out var t) ? t : new Dictionary<string, string>(),
            Assessments = assessments.TryGetValue(r.Id, out var a) ? a : [],
        }).ToList();
    }

    private static async Task<RegisteredJudge?> ReadJudgeAsync(DbConnection connection, string experiment, string name, int? version, CancellationToken cancellationToken)
    {
        List<(string, object?)> parameters = [("@e", experiment), ("@n", name), ("@v", version)];
        var filter = version is null
            ? "experiment = @e AND name = @n AND version = (SELECT MAX(version) FROM judges WHERE experiment = @e AND name = @n)"
            : "experiment = @e AND name = @n AND version = @v";
        int resolved;
        long createdAt;
        string definitionJson, settingsJson, embeddingModel;
        int dimensions, k;
        await using (var command = Command(connection, null, $"SELECT version, created_at, definition, settings, embedding_model, embedding_dimensions, retrieval_k FROM judges WHERE {filter}", parameters))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                return null;
            }

            (resolved, createdAt, definitionJson, settingsJson, embeddingModel, dimensions, k) =
                (reader.GetInt32(0), reader.GetInt64(1), reader.GetString(2), reader.GetString(3), reader.GetString(4), reader.GetInt32(5), reader.GetInt32(6));
        }

        List<(string, object?)> key = [("@e", experiment), ("@n", name), ("@v", resolved)];
        var sources = new Dictionary<int, List<string>>();
        await using (var command = Command(connection, null, "SELECT ordinal, trace_id FROM judge_guideline_sources WHERE experiment = @e AND name = @n AND version = @v", key))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                (sources.TryGetValue(reader.GetInt32(0), out var list) ? list : sources[reader.GetInt32(0)] = []).Add(reader.GetString(1));
            }
        }

        var guidelines = new List<Guideline>();
        await using (var command = Command(connection, null, "SELECT ordinal, text FROM judge_guidelines WHERE experiment = @e AND name = @n AND version = @v ORDER BY ordinal", key))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                guidelines.Add(new Guideline(reader.GetString(1), sources.TryGetValue(reader.GetInt32(0), out var list) ? list : null));
            }
        }

        var examples = new List<EpisodicExample>();
        await using (var command = Command(connection, null,
            "SELECT example_id, trace_id, value, rationale, fields, embedded_field, vector, fingerprint, distilled FROM judge_examples WHERE experiment = @e AND name = @n AND version = @v ORDER BY ordinal", key))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                examples.Add(new EpisodicExample(reader.GetString(0), reader.GetString(1), StoredJson.ReadValue(reader.GetString(2)), reader.IsDBNull(3) ? null : reader.GetString(3),
                    StoredJson.ReadStrings(reader.GetString(4)), reader.GetString(5), StoredJson.ReadVector((byte[])reader.GetValue(6)), reader.GetString(7), reader.GetInt32(8) != 0));
            }
        }

        var definition = StoredJson.ReadDefinition(definitionJson);
        var memory = new JudgeMemory(guidelines, examples, embeddingModel, dimensions, k);
        var info = new JudgeVersionInfo(name, resolved, new DateTimeOffset(createdAt, TimeSpan.Zero), definition.Model, definition.ValueType, guidelines.Count, examples.Count);
        return new RegisteredJudge(info, definition, memory, StoredJson.ReadStrings(settingsJson));
    }

    private static async Task<IReadOnlyList<JudgeVersionInfo>> ReadVersionInfosAsync(DbConnection connection, string sql, IReadOnlyList<(string, object?)> parameters, CancellationToken cancellationToken)
    {
        var infos = new List<JudgeVersionInfo>();
        await using var command = Command(connection, null, sql, parameters);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var definition = StoredJson.ReadDefinition(reader.GetString(3));
            infos.Add(new JudgeVersionInfo(reader.GetString(0), reader.GetInt32(1), new DateTimeOffset(reader.GetInt64(2), TimeSpan.Zero), definition.Model, definition.ValueType,
                Convert.ToInt32(reader.GetValue(4), System.Globalization.CultureInfo.InvariantCulture), Convert.ToInt32(reader.GetValue(5), System.Globalization.CultureInfo.InvariantCulture)));
        }

        return infos;
    }

    private static async Task<IReadOnlyList<EvaluationRun>> ReadRunsAsync(DbConnection connection, string sql, IReadOnlyList<(string, object?)> parameters, CancellationToken cancellationToken)
    {
        var runs = new List<EvaluationRun>();
        await using var command = Command(connection, null, sql, parameters);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            runs.Add(new EvaluationRun(reader.GetString(0), reader.GetString(1), reader.GetString(2), new DateTimeOffset(reader.GetInt64(3), TimeSpan.Zero), StoredJson.ReadStrings(reader.GetString(4))));
        }

        return runs;
    }

    // --- plumbing ----------------------------------------------------------------------------------

    /// <summary>Runs <paramref name="work"/> on a fresh pooled connection; provider errors become <see cref="StoreException"/>s naming the store.</summary>
    private async Task<T> RunAsync<T>(string action, Func<DbConnection, Task<T>> work, CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = await _dialect.OpenAsync(cancellationToken).ConfigureAwait(false);
            return await work(connection).ConfigureAwait(false);
        }
        catch (Exception e) when (e is DbException or InvalidOperationException or IOException or System.Net.Sockets.SocketException or TimeoutException && !cancellationToken.IsCancellationRequested)
        {
            throw _dialect.Translate(e, action);
        }
    }

    private Task<int> RunAsync(string action, Func<DbConnection, Task> work, CancellationToken cancellationToken) =>
        RunAsync(action, async connection =>
        {
            await work(connection).ConfigureAwait(false);
            return 0;
        }, cancellationToken);

    private async Task<T> WriteAsync<T>(DbConnection connection, Func<DbTransaction, Task<T>> work, CancellationToken cancellationToken)
    {
        await using var transaction = await _dialect.BeginWriteAsync(connection, cancellationToken).ConfigureAwait(false);
        var result = await work(transaction).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return result;
    }

    private Task<int> WriteAsync(DbConnection connection, Func<DbTransaction, Task> work, CancellationToken cancellationToken) =>
        WriteAsync(connection, async tx =>
        {
            await work(tx).ConfigureAwait(false);
            return 0;
        }, cancellationToken);

    private static DbCommand Command(DbConnection connection, DbTransaction? tx, string sql, IReadOnlyList<(string Name, object? Value)>? parameters = null)
    {
        var command = connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = sql;
        foreach (var (name, value) in parameters ?? [])
        {
            if (!sql.Contains(name, StringComparison.Ordinal))
            {
                continue;
            }

            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value ?? DBNull.Value;
            command.Parameters.Add(parameter);
        }

        return command;
    }

    private static async Task<int> ExecuteAsync(DbConnection connection, DbTransaction tx, string sql, IReadOnlyList<(string, object?)> parameters, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, tx, sql, parameters);
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static async Task<object?> ScalarAsync(DbConnection connection, DbTransaction tx, string sql, IReadOnlyList<(string, object?)> parameters, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, tx, sql, parameters);
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
    }

    private static (string InList, List<(string, object?)> Parameters) InList(string[] values)
    {
        var parameters = new List<(string, object?)>(values.Length + 1);
        var names = new string[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            names[i] = "@p" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            parameters.Add((names[i], values[i]));
        }

        return (string.Join(", ", names), parameters);
    }

    private static string NameKey(string name) => name.Trim().ToLowerInvariant();

    private static string SourceName(AssessmentSourceType type) => type switch
    {
        AssessmentSourceType.Human => "HUMAN",
        AssessmentSourceType.LlmJudge => "LLM_JUDGE",
        _ => "CODE",
    };

    private static AssessmentSourceType SourceType(string name) => name switch
    {
        "HUMAN" => AssessmentSourceType.Human,
        "LLM_JUDGE" => AssessmentSourceType.LlmJudge,
        _ => AssessmentSourceType.Code,
    };
}
