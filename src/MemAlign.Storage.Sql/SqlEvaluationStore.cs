using System.Data.Common;
using System.Runtime.CompilerServices;
using MemAlign.Evaluation;
using MemAlign.Storage.Sql.Rows;

namespace MemAlign.Storage.Sql;

/// <summary>
/// Evaluation runs (<c>eval_runs</c>), their results (<c>eval_results</c>, with the traces each verdict was shown
/// examples of in <c>eval_result_examples</c>) and experiments' reports (<see cref="ExperimentReportRows"/>) over SQL.
/// </summary>
internal sealed partial class SqlEvaluationStore(SqlSession session) : IEvaluationStore
{
    // Rows per statement: a few hundred parameters, well inside SQLite's and PostgreSQL's limits.
    private const int RowsPerStatement = 200;

    public Task<EvaluationRun> CreateEvaluationRunAsync(string experiment, string name, IReadOnlyDictionary<string, string>? settings = null,
        string? judgeName = null, int? judgeVersion = null, CancellationToken cancellationToken = default) =>
        CreateRunAsync(experiment, name, EvaluationRunKind.Evaluation, settings, judgeName, judgeVersion, (_, _, _) => Task.CompletedTask, cancellationToken);

    public Task<EvaluationRun> SaveExperimentReportAsync(string experiment, string name, ExperimentReport report, int? judgeVersion = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(report);
        return CreateRunAsync(experiment, name, EvaluationRunKind.Experiment, null, report.JudgeName, judgeVersion,
            (connection, tx, run) => ExperimentReportRows.WriteAsync(connection, tx, run.Id, report, cancellationToken), cancellationToken);
    }

    public async Task<ExperimentReport?> GetExperimentReportAsync(string experiment, string runId, CancellationToken cancellationToken = default) =>
        await session.RunAsync($"reading the report of run '{runId}'", async connection =>
            await IsRunOfAsync(connection, null, experiment, runId, cancellationToken).ConfigureAwait(false)
                ? await ExperimentReportRows.ReadAsync(connection, runId, cancellationToken).ConfigureAwait(false)
                : null, cancellationToken).ConfigureAwait(false);

    public async Task<EvaluationRun?> GetEvaluationRunAsync(string experiment, string runId, CancellationToken cancellationToken = default)
    {
        var runs = await session.RunAsync($"reading evaluation run '{runId}'", connection => SqlSession.QueryAsync(connection, null,
            $"SELECT {EvaluationRunRow.Columns} FROM eval_runs WHERE experiment = @e AND run_id = @r", [("@e", experiment), ("@r", runId)], EvaluationRunRow.Read, cancellationToken),
            cancellationToken).ConfigureAwait(false);
        return runs.Count > 0 ? runs[0].ToRun() : null;
    }

    public async Task<IReadOnlyList<EvaluationRun>> ListEvaluationRunsAsync(string experiment, CancellationToken cancellationToken = default) =>
        (await session.RunAsync($"listing evaluation runs of experiment '{experiment}'", connection => SqlSession.QueryAsync(connection, null,
            $"SELECT {EvaluationRunRow.Columns} FROM eval_runs WHERE experiment = @e ORDER BY created_at DESC, run_id", [("@e", experiment)], EvaluationRunRow.Read, cancellationToken),
            cancellationToken).ConfigureAwait(false)).Select(r => r.ToRun()).ToList();

    public async Task<EvaluationRun?> GetLatestEvaluationRunAsync(string experiment, string judgeName, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(judgeName);
        var runs = await session.RunAsync($"finding the latest evaluation run of judge '{judgeName}'", connection => SqlSession.QueryAsync(connection, null,
            $"SELECT {EvaluationRunRow.Columns} FROM eval_runs WHERE experiment = @e AND judge_name = @j AND kind = @k ORDER BY created_at DESC, run_id LIMIT 1",
            [("@e", experiment), ("@j", judgeName), ("@k", nameof(EvaluationRunKind.Evaluation))], EvaluationRunRow.Read, cancellationToken), cancellationToken).ConfigureAwait(false);
        return runs.Count > 0 ? runs[0].ToRun() : null;
    }

    public async Task SaveEvaluationResultsAsync(string experiment, string runId, IEnumerable<EvaluationRecord> records, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(records);
        foreach (var batch in records.Chunk(SqlSession.BatchSize))
        {
            await session.WriteAsync($"saving results of evaluation run '{runId}'", async (connection, tx) =>
            {
                await session.Dialect.LockForgettingAsync(connection, tx, experiment, exclusive: false, cancellationToken).ConfigureAwait(false);
                if (!await IsRunOfAsync(connection, tx, experiment, runId, cancellationToken).ConfigureAwait(false))
                {
                    throw new InvalidOperationException($"Experiment '{experiment}' has no evaluation run '{runId}' to save results to.");
                }

                foreach (var record in batch)
                {
                    await SqlSession.ExecuteAsync(connection, tx,
                        "INSERT INTO eval_results (run_id, trace_id, judge_name, value, rationale, error_kind, error, model, input_tokens, output_tokens, latency_ms, created_at, redacted, cached_input_tokens, answered_by, reasoning_tokens, pairwise) " +
                        "VALUES (@r, @t, @j, @v, @ra, @ek, @er, @m, @it, @ot, @l, @c, @rd, @ct, @ab, @rt, @pw) ON CONFLICT (run_id, trace_id, judge_name) DO UPDATE SET value = excluded.value, " +
                        "rationale = excluded.rationale, error_kind = excluded.error_kind, error = excluded.error, model = excluded.model, input_tokens = excluded.input_tokens, " +
                        "output_tokens = excluded.output_tokens, latency_ms = excluded.latency_ms, created_at = excluded.created_at, redacted = excluded.redacted, " +
                        "cached_input_tokens = excluded.cached_input_tokens, answered_by = excluded.answered_by, reasoning_tokens = excluded.reasoning_tokens, pairwise = excluded.pairwise",
                        [("@r", runId), ("@t", record.TraceId), ("@j", record.JudgeName), ("@v", record.Value is null ? null : StoredJson.Value(record.Value)),
                         ("@ra", record.Rationale), ("@ek", record.Error?.Kind.ToString()), ("@er", record.Error?.Message), ("@m", record.Model),
                         ("@it", record.Usage.InputTokens), ("@ot", record.Usage.OutputTokens), ("@l", record.Latency.TotalMilliseconds), ("@c", record.CreatedAt.UtcTicks),
                         ("@rd", record.Redacted ? 1 : 0), ("@ct", record.Usage.CachedInputTokens), ("@ab", record.AnsweredBy?.ToString()), ("@rt", record.Usage.ReasoningTokens), ("@pw", record.Pairwise?.ToString())],
                        cancellationToken).ConfigureAwait(false);
                }

                await ReplaceRetrievedAsync(connection, tx, runId, batch, cancellationToken).ConfigureAwait(false);

                // Verdicts on (or shown examples of) traces forgotten while the run was judging them are kept as forgetting keeps them.
                var forgotten = await SqlForgetting.ForgottenAsync(session.Dialect, connection, tx, experiment, batch.SelectMany(r => r.RetrievedExampleIds.Append(r.TraceId)), cancellationToken).ConfigureAwait(false);
                foreach (var chunk in forgotten.Chunk(SqlSession.InListSize))
                {
                    await SqlForgetting.ForgetFromResultsAsync(session.Dialect, connection, tx, "run_id = @r", chunk, [("@r", runId)], cancellationToken).ConfigureAwait(false);
                }

                return batch.Length;
            }, cancellationToken).ConfigureAwait(false);
        }
    }

    public async IAsyncEnumerable<EvaluationRecord> GetEvaluationResultsAsync(string experiment, string runId, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        if (!await session.RunAsync($"reading evaluation run '{runId}'", connection => IsRunOfAsync(connection, null, experiment, runId, cancellationToken), cancellationToken)
            .ConfigureAwait(false))
        {
            yield break;
        }

        // Keyset pages keep memory flat however large the run.
        (string Trace, string Judge)? after = null;
        while (true)
        {
            var (filter, parameters) = after is { } last
                ? ("run_id = @r AND (trace_id > @lt OR (trace_id = @lt AND judge_name > @lj))", new List<(string, object?)> { ("@r", runId), ("@lt", last.Trace), ("@lj", last.Judge) })
                : ("run_id = @r", new List<(string, object?)> { ("@r", runId) });
            var (page, retrieved) = await session.RunAsync($"reading results of evaluation run '{runId}'", async connection =>
            {
                var rows = await SqlSession.QueryAsync(connection, null, $"SELECT {EvaluationResultRow.Columns} FROM eval_results WHERE {filter} ORDER BY trace_id, judge_name LIMIT {SqlSession.PageSize}",
                    parameters, EvaluationResultRow.Read, cancellationToken).ConfigureAwait(false);
                return (rows, rows.Count == 0 ? [] : await ReadRetrievedAsync(connection, runId, rows[0], rows[^1], cancellationToken).ConfigureAwait(false));
            }, cancellationToken).ConfigureAwait(false);
            foreach (var row in page)
            {
                yield return row.ToRecord(retrieved.TryGetValue((row.TraceId, row.JudgeName), out var ids) ? ids : []);
            }

            if (page.Count < SqlSession.PageSize)
            {
                yield break;
            }

            after = (page[^1].TraceId, page[^1].JudgeName);
        }
    }

    // Whether the run is one of the experiment's: run ids are scoped by experiment like every other key.
    private static async Task<bool> IsRunOfAsync(DbConnection connection, DbTransaction? tx, string experiment, string runId, CancellationToken cancellationToken) =>
        await SqlSession.CountAsync(connection, tx, "SELECT COUNT(*) FROM eval_runs WHERE experiment = @e AND run_id = @r", [("@e", experiment), ("@r", runId)], cancellationToken)
            .ConfigureAwait(false) > 0;

    /// <summary>
    /// The traces each result's verdict was shown examples of, in order (a trace twice when two of its examples were
    /// retrieved), as rows of <c>eval_result_examples</c>: many rows per statement, since a run has thousands.
    /// </summary>
    public static async Task WriteRetrievedAsync(DbConnection connection, DbTransaction tx, string runId,
        IReadOnlyList<(string TraceId, string JudgeName, IReadOnlyList<string> ExampleTraceIds)> results, CancellationToken cancellationToken)
    {
        var rows = results.SelectMany(r => r.ExampleTraceIds.Select((example, position) => (r.TraceId, r.JudgeName, Position: position, Example: example)));
        foreach (var chunk in rows.Chunk(RowsPerStatement))
        {
            var values = new List<string>(chunk.Length);
            List<(string, object?)> parameters = [("@r", runId)];
            for (var i = 0; i < chunk.Length; i++)
            {
                var n = i.ToString(System.Globalization.CultureInfo.InvariantCulture);
                values.Add($"(@r, @t{n}, @j{n}, @p{n}, @x{n})");
                parameters.AddRange([($"@t{n}", chunk[i].TraceId), ($"@j{n}", chunk[i].JudgeName), ($"@p{n}", chunk[i].Position), ($"@x{n}", chunk[i].Example)]);
            }

            await SqlSession.ExecuteAsync(connection, tx, $"INSERT INTO eval_result_examples (run_id, trace_id, judge_name, position, example_trace_id) VALUES {string.Join(", ", values)}",
                parameters, cancellationToken).ConfigureAwait(false);
        }
    }

    // What the saved results were shown replaces what the results they replaced were shown (found first: most results
    // are new); a result given twice is saved as given last.
    private async Task ReplaceRetrievedAsync(DbConnection connection, DbTransaction tx, string runId, EvaluationRecord[] batch, CancellationToken cancellationToken)
    {
        var saved = batch.GroupBy(r => (r.TraceId, r.JudgeName)).Select(g => g.Last()).ToList();
        foreach (var chunk in saved.Chunk(RowsPerStatement))
        {
            var (inList, parameters) = SqlParameters.InList(session.Dialect, [.. chunk.Select(r => r.TraceId).Distinct(StringComparer.Ordinal)]);
            var shown = (await SqlSession.QueryAsync(connection, tx, $"SELECT DISTINCT trace_id, judge_name FROM eval_result_examples WHERE run_id = @r AND trace_id IN ({inList})",
                [("@r", runId), .. parameters], row => (row.Text("trace_id"), row.Text("judge_name")), cancellationToken).ConfigureAwait(false)).ToHashSet();
            foreach (var replaced in chunk.Where(r => shown.Contains((r.TraceId, r.JudgeName))))
            {
                await SqlSession.ExecuteAsync(connection, tx, "DELETE FROM eval_result_examples WHERE run_id = @r AND trace_id = @t AND judge_name = @j",
                    [("@r", runId), ("@t", replaced.TraceId), ("@j", replaced.JudgeName)], cancellationToken).ConfigureAwait(false);
            }
        }

        await WriteRetrievedAsync(connection, tx, runId, [.. saved.Select(r => (r.TraceId, r.JudgeName, r.RetrievedExampleIds))], cancellationToken).ConfigureAwait(false);
    }

    private async Task<EvaluationRun> CreateRunAsync(string experiment, string name, EvaluationRunKind kind, IReadOnlyDictionary<string, string>? settings, string? judgeName, int? judgeVersion,
        Func<DbConnection, DbTransaction, EvaluationRun, Task> withRun, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(experiment);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var run = new EvaluationRun("run-" + Guid.NewGuid().ToString("N")[..12], experiment, name, session.Now, settings ?? new Dictionary<string, string>())
        {
            Kind = kind,
            JudgeName = judgeName,
            JudgeVersion = judgeVersion,
        };
        await session.WriteAsync($"creating {kind.ToString().ToLowerInvariant()} run '{name}'", async (connection, tx) =>
        {
            await SqlSession.EnsureExperimentAsync(connection, tx, experiment, run.CreatedAt, cancellationToken).ConfigureAwait(false);
            await SqlSession.ExecuteAsync(connection, tx,
                "INSERT INTO eval_runs (run_id, experiment, name, created_at, settings, kind, judge_name, judge_version, forgotten_traces) VALUES (@r, @e, @n, @c, @s, @k, @j, @v, 0)",
                [("@r", run.Id), ("@e", experiment), ("@n", name), ("@c", run.CreatedAt.UtcTicks), ("@s", StoredJson.Strings(run.Settings)), ("@k", kind.ToString()),
                 ("@j", judgeName), ("@v", judgeVersion)], cancellationToken).ConfigureAwait(false);
            await withRun(connection, tx, run).ConfigureAwait(false);
            return 0;
        }, cancellationToken).ConfigureAwait(false);
        return run;
    }

    // The retrieved examples of the results from first to last (one page, in key order), by result.
    private static async Task<Dictionary<(string, string), IReadOnlyList<string>>> ReadRetrievedAsync(DbConnection connection, string runId, EvaluationResultRow first, EvaluationResultRow last,
        CancellationToken cancellationToken)
    {
        var rows = await SqlSession.QueryAsync(connection, null,
            "SELECT trace_id, judge_name, example_trace_id FROM eval_result_examples WHERE run_id = @r " +
            "AND (trace_id > @ft OR (trace_id = @ft AND judge_name >= @fj)) AND (trace_id < @lt OR (trace_id = @lt AND judge_name <= @lj)) ORDER BY trace_id, judge_name, position",
            [("@r", runId), ("@ft", first.TraceId), ("@fj", first.JudgeName), ("@lt", last.TraceId), ("@lj", last.JudgeName)],
            row => (Trace: row.Text("trace_id"), Judge: row.Text("judge_name"), Example: row.Text("example_trace_id")), cancellationToken).ConfigureAwait(false);
        return rows.GroupBy(r => (r.Trace, r.Judge)).ToDictionary(g => g.Key, g => (IReadOnlyList<string>)g.Select(r => r.Example).ToList());
    }
}
