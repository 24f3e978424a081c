using System.Runtime.CompilerServices;
using MemAlign.Evaluation;
using MemAlign.Storage.Sql.Rows;

namespace MemAlign.Storage.Sql;

/// <summary>Evaluation runs (<c>eval_runs</c>) and their results (<c>eval_results</c>) over SQL.</summary>
internal sealed class SqlEvaluationStore(SqlSession session) : IEvaluationStore
{
    public async Task<EvaluationRun> CreateEvaluationRunAsync(string experiment, string name, IReadOnlyDictionary<string, string>? settings = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(experiment);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var run = new EvaluationRun("run-" + Guid.NewGuid().ToString("N")[..12], experiment, name, session.Now, settings ?? new Dictionary<string, string>());
        await session.WriteAsync($"creating evaluation run '{name}'", async (connection, tx) =>
        {
            await SqlSession.EnsureExperimentAsync(connection, tx, experiment, run.CreatedAt, cancellationToken).ConfigureAwait(false);
            return await SqlSession.ExecuteAsync(connection, tx, "INSERT INTO eval_runs (run_id, experiment, name, created_at, settings) VALUES (@r, @e, @n, @c, @s)",
                [("@r", run.Id), ("@e", experiment), ("@n", name), ("@c", run.CreatedAt.UtcTicks), ("@s", StoredJson.Strings(run.Settings))], cancellationToken).ConfigureAwait(false);
        }, cancellationToken).ConfigureAwait(false);
        return run;
    }

    public async Task<EvaluationRun?> GetEvaluationRunAsync(string runId, CancellationToken cancellationToken = default)
    {
        var runs = await session.RunAsync($"reading evaluation run '{runId}'", connection => SqlSession.QueryAsync(connection, null,
            $"SELECT {EvaluationRunRow.Columns} FROM eval_runs WHERE run_id = @r", [("@r", runId)], EvaluationRunRow.Read, cancellationToken), cancellationToken).ConfigureAwait(false);
        return runs.Count > 0 ? runs[0].ToRun() : null;
    }

    public async Task<IReadOnlyList<EvaluationRun>> ListEvaluationRunsAsync(string experiment, CancellationToken cancellationToken = default) =>
        (await session.RunAsync($"listing evaluation runs of experiment '{experiment}'", connection => SqlSession.QueryAsync(connection, null,
            $"SELECT {EvaluationRunRow.Columns} FROM eval_runs WHERE experiment = @e ORDER BY created_at DESC, run_id", [("@e", experiment)], EvaluationRunRow.Read, cancellationToken),
            cancellationToken).ConfigureAwait(false)).Select(r => r.ToRun()).ToList();

    public async Task SaveEvaluationResultsAsync(string runId, IEnumerable<EvaluationRecord> records, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(records);
        foreach (var batch in records.Chunk(SqlSession.BatchSize))
        {
            await session.WriteAsync($"saving results of evaluation run '{runId}'", async (connection, tx) =>
            {
                foreach (var record in batch)
                {
                    await SqlSession.ExecuteAsync(connection, tx,
                        "INSERT INTO eval_results (run_id, trace_id, judge_name, value, rationale, error_kind, error, model, input_tokens, output_tokens, latency_ms, created_at, retrieved, redacted) " +
                        "VALUES (@r, @t, @j, @v, @ra, @ek, @er, @m, @it, @ot, @l, @c, @re, @rd) ON CONFLICT (run_id, trace_id, judge_name) DO UPDATE SET value = excluded.value, " +
                        "rationale = excluded.rationale, error_kind = excluded.error_kind, error = excluded.error, model = excluded.model, input_tokens = excluded.input_tokens, " +
                        "output_tokens = excluded.output_tokens, latency_ms = excluded.latency_ms, created_at = excluded.created_at, retrieved = excluded.retrieved, redacted = excluded.redacted",
                        [("@r", runId), ("@t", record.TraceId), ("@j", record.JudgeName), ("@v", record.Value is null ? null : StoredJson.Value(record.Value)),
                         ("@ra", record.Rationale), ("@ek", record.Error?.Kind.ToString()), ("@er", record.Error?.Message), ("@m", record.Model),
                         ("@it", record.Usage.InputTokens), ("@ot", record.Usage.OutputTokens), ("@l", record.Latency.TotalMilliseconds), ("@c", record.CreatedAt.UtcTicks),
                         ("@re", record.RetrievedExampleIds.Count == 0 ? null : StoredJson.List(record.RetrievedExampleIds)), ("@rd", record.Redacted ? 1 : 0)],
                        cancellationToken).ConfigureAwait(false);
                }

                return batch.Length;
            }, cancellationToken).ConfigureAwait(false);
        }
    }

    public async IAsyncEnumerable<EvaluationRecord> GetEvaluationResultsAsync(string runId, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        // Keyset pages keep memory flat however large the run.
        (string Trace, string Judge)? after = null;
        while (true)
        {
            var (filter, parameters) = after is { } last
                ? ("run_id = @r AND (trace_id > @lt OR (trace_id = @lt AND judge_name > @lj))", new List<(string, object?)> { ("@r", runId), ("@lt", last.Trace), ("@lj", last.Judge) })
                : ("run_id = @r", new List<(string, object?)> { ("@r", runId) });
            var page = await session.RunAsync($"reading results of evaluation run '{runId}'", connection => SqlSession.QueryAsync(connection, null,
                $"SELECT {EvaluationResultRow.Columns} FROM eval_results WHERE {filter} ORDER BY trace_id, judge_name LIMIT {SqlSession.PageSize}",
                parameters, EvaluationResultRow.Read, cancellationToken), cancellationToken).ConfigureAwait(false);
            foreach (var row in page)
            {
                yield return row.ToRecord();
            }

            if (page.Count < SqlSession.PageSize)
            {
                yield break;
            }

            after = (page[^1].TraceId, page[^1].JudgeName);
        }
    }
}
