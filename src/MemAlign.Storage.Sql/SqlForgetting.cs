using System.Data.Common;
using System.Text.RegularExpressions;

namespace MemAlign.Storage.Sql;

/// <summary>
/// Forgetting over SQL, in one transaction: the traces' rows go from every table; guidelines that drew on
/// them go too (their text could repeat a rationale), and what they also drew on is marked for distillation
/// again; other verdicts that were shown the traces' examples lose their rationale; experiment runs that name
/// the traces (in their folds or most disagreed traces) lose those rows and count them as forgotten. Only rows
/// are deleted and columns set: no JSON text is edited. Then the dialect erases the freed space.
/// </summary>
internal sealed class SqlForgetting(SqlSession session) : IForgetting
{
    public const string WithheldRationale = "[withheld: this verdict drew on examples of traces since forgotten]";

    public const string ForgottenMark = "[forgotten trace]";

    // Where a trace id can be named, keyed by experiment, or by run (and the column naming it).
    private static readonly string[] TablesOfTheExperiment = ["traces", "assessments", "assessment_history", "judge_examples", "judge_guideline_sources", "label_session_items"];

    private static readonly (string Table, string Column)[] TablesOfRuns =
        [("eval_results", "trace_id"), ("eval_result_examples", "example_trace_id"), ("experiment_fold_traces", "trace_id"), ("experiment_disagreed_traces", "trace_id")];

    // Rows of runs (keyed by run id alone) in the experiment @e.
    private const string OfTheExperiment = "run_id IN (SELECT run_id FROM eval_runs WHERE experiment = @e)";

    public async Task<ForgetReport> ForgetAsync(string experiment, IEnumerable<string> traceIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(traceIds);
        var ids = traceIds.Distinct(StringComparer.Ordinal).ToList();
        if (ids.Any(string.IsNullOrEmpty))
        {
            throw new ArgumentException("A trace id to forget is empty; name each trace by its id.", nameof(traceIds));
        }

        var forgottenAt = session.Now;
        var report = await session.WriteAsync($"forgetting {ids.Count} trace(s)", async (connection, tx) =>
        {
            // Writers of judge memory and verdicts wait for this transaction, then see its marks (ForgottenAsync).
            await session.Dialect.LockForgettingAsync(connection, tx, experiment, exclusive: true, cancellationToken).ConfigureAwait(false);
            var total = new ForgetReport();
            var marked = new HashSet<string>(StringComparer.Ordinal);
            var matched = new HashSet<string>(StringComparer.Ordinal);
            foreach (var chunk in ids.Chunk(SqlSession.InListSize))
            {
                var found = await MatchedAsync(session.Dialect, connection, tx, experiment, chunk, cancellationToken).ConfigureAwait(false);
                matched.UnionWith(found);
                total = Add(total, await ForgetRowsAsync(session.Dialect, connection, tx, experiment, chunk, cancellationToken).ConfigureAwait(false));
                marked.UnionWith(await MarkRunsAsync(session.Dialect, connection, tx, experiment, chunk, cancellationToken).ConfigureAwait(false));
                foreach (var id in found)
                {
                    await SqlSession.ExecuteAsync(connection, tx, "INSERT INTO forgotten_traces (experiment, trace_hash, forgotten_at) VALUES (@e, @h, @at) ON CONFLICT (experiment, trace_hash) DO NOTHING",
                        [("@e", experiment), ("@h", Hash(id)), ("@at", forgottenAt.UtcTicks)], cancellationToken).ConfigureAwait(false);
                }
            }

            await MarkMentionsAsync(connection, tx, experiment, ids, cancellationToken).ConfigureAwait(false);
            return total with { RunsMarked = marked.Count, UnmatchedTraceIds = [.. ids.Where(id => !matched.Contains(id))] };
        }, cancellationToken).ConfigureAwait(false);

        try
        {
            await session.Dialect.EraseFreedSpaceAsync(SqlSchema.Tables, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException and not StoreException)
        {
            throw session.Dialect.Translate(e, "erasing forgotten data");
        }

        return report with { Guarantee = session.Dialect.ErasureGuarantee };
    }

    /// <summary>Which of <paramref name="traceIds"/> were forgotten in <paramref name="experiment"/> (and not imported again since), read in <paramref name="tx"/>.</summary>
    public static async Task<HashSet<string>> ForgottenAsync(SqlDialect dialect, DbConnection connection, DbTransaction tx, string experiment, IEnumerable<string> traceIds, CancellationToken cancellationToken)
    {
        var forgotten = new HashSet<string>(StringComparer.Ordinal);
        foreach (var chunk in traceIds.Distinct(StringComparer.Ordinal).Chunk(SqlSession.InListSize))
        {
            var byHash = chunk.ToDictionary(Hash, id => id, StringComparer.Ordinal);
            var (inList, parameters) = SqlParameters.InList(dialect, byHash.Keys.ToList());
            parameters.Add(("@e", experiment));
            var hashes = await SqlSession.QueryAsync(connection, tx, $"SELECT trace_hash FROM forgotten_traces WHERE experiment = @e AND trace_hash IN ({inList})", parameters,
                row => row.Text("trace_hash"), cancellationToken).ConfigureAwait(false);
            forgotten.UnionWith(hashes.Select(h => byHash[h]));
        }

        return forgotten;
    }

    /// <summary>
    /// Takes forgetting out of the judge memory rows within <paramref name="scope"/> (a condition on a judge table's own columns):
    /// guidelines that cite one of the traces go (user-written ones stay), what else they drew on is marked for distillation again,
    /// and the traces' examples go. Returns the guidelines dropped, the orphaned sources removed and the examples removed.
    /// </summary>
    public static async Task<(int Guidelines, int Sources, int Examples)> ForgetFromMemoryAsync(SqlDialect dialect, DbConnection connection, DbTransaction tx, string scope, IReadOnlyCollection<string> traceIds,
        IEnumerable<(string, object?)> scopeParameters, CancellationToken cancellationToken)
    {
        var (inList, parameters) = SqlParameters.InList(dialect, [.. traceIds]);
        List<(string, object?)> scoped = [.. scopeParameters];
        parameters.AddRange(scoped);
        Task<int> Execute(string sql) => SqlSession.ExecuteAsync(connection, tx, sql, parameters, cancellationToken);

        // Guidelines that cite a forgotten trace: what else they rest on is distilled again on the next align.
        const string Cites = "EXISTS (SELECT 1 FROM judge_guideline_sources f WHERE f.experiment = {0}.experiment AND f.name = {0}.name AND f.version = {0}.version AND f.ordinal = {0}.ordinal AND f.trace_id IN ({1}))";
        await Execute($"UPDATE judge_examples SET distilled = 0 WHERE {scope} AND EXISTS (SELECT 1 FROM judge_guideline_sources s WHERE s.experiment = judge_examples.experiment " +
            "AND s.name = judge_examples.name AND s.version = judge_examples.version AND s.trace_id = judge_examples.trace_id AND " + string.Format(System.Globalization.CultureInfo.InvariantCulture, Cites, "s", inList) + ")")
            .ConfigureAwait(false);
        var dropped = await Execute($"DELETE FROM judge_guidelines WHERE {scope} AND user_written = 0 AND " + string.Format(System.Globalization.CultureInfo.InvariantCulture, Cites, "judge_guidelines", inList))
            .ConfigureAwait(false);
        var sources = await SqlSession.ExecuteAsync(connection, tx,
            $"DELETE FROM judge_guideline_sources WHERE {scope} AND NOT EXISTS (SELECT 1 FROM judge_guidelines g WHERE g.experiment = judge_guideline_sources.experiment " +
            "AND g.name = judge_guideline_sources.name AND g.version = judge_guideline_sources.version AND g.ordinal = judge_guideline_sources.ordinal)", scoped, cancellationToken).ConfigureAwait(false);
        var examples = await Execute($"DELETE FROM judge_examples WHERE {scope} AND trace_id IN ({inList})").ConfigureAwait(false);
        return (dropped, sources, examples);
    }

    /// <summary>
    /// Takes forgetting out of the verdicts of the runs <paramref name="runScope"/> selects (a condition on <c>run_id</c>): the traces' own
    /// results go, and verdicts that were shown one of their examples lose their rationale. Returns the results removed and the rationales withheld.
    /// </summary>
    public static async Task<(int Results, int Withheld)> ForgetFromResultsAsync(SqlDialect dialect, DbConnection connection, DbTransaction tx, string runScope, IReadOnlyCollection<string> traceIds,
        IEnumerable<(string, object?)> scopeParameters, CancellationToken cancellationToken)
    {
        var (inList, parameters) = SqlParameters.InList(dialect, [.. traceIds]);
        parameters.AddRange(scopeParameters);
        Task<int> Execute(string sql) => SqlSession.ExecuteAsync(connection, tx, sql, parameters, cancellationToken);

        await Execute($"DELETE FROM eval_result_examples WHERE trace_id IN ({inList}) AND {runScope}").ConfigureAwait(false);
        var results = await Execute($"DELETE FROM eval_results WHERE trace_id IN ({inList}) AND {runScope}").ConfigureAwait(false);
        // Other traces' verdicts that were shown a forgotten trace's example keep their value but not their rationale.
        var withheld = await SqlSession.ExecuteAsync(connection, tx,
            $"UPDATE eval_results SET rationale = @w, redacted = 1 WHERE {runScope} AND (redacted = 0 OR rationale IS NULL OR rationale <> @w) AND EXISTS (SELECT 1 FROM eval_result_examples x " +
            $"WHERE x.run_id = eval_results.run_id AND x.trace_id = eval_results.trace_id AND x.judge_name = eval_results.judge_name AND x.example_trace_id IN ({inList}))",
            [.. parameters, ("@w", WithheldRationale)], cancellationToken).ConfigureAwait(false);
        await Execute($"DELETE FROM eval_result_examples WHERE example_trace_id IN ({inList}) AND {runScope}").ConfigureAwait(false);
        return (results, withheld);
    }

    private static async Task<ForgetReport> ForgetRowsAsync(SqlDialect dialect, DbConnection connection, DbTransaction tx, string experiment, string[] chunk, CancellationToken cancellationToken)
    {
        var (inList, parameters) = SqlParameters.InList(dialect, chunk);
        parameters.Add(("@e", experiment));
        Task<int> Execute(string sql) => SqlSession.ExecuteAsync(connection, tx, sql, parameters, cancellationToken);

        var memory = await ForgetFromMemoryAsync(dialect, connection, tx, "experiment = @e", chunk, [("@e", experiment)], cancellationToken).ConfigureAwait(false);
        var results = await ForgetFromResultsAsync(dialect, connection, tx, OfTheExperiment, chunk, [("@e", experiment)], cancellationToken).ConfigureAwait(false);
        await Execute($"DELETE FROM trace_tags WHERE experiment = @e AND trace_id IN ({inList})").ConfigureAwait(false);
        var history = await Execute($"DELETE FROM assessment_history WHERE experiment = @e AND trace_id IN ({inList})").ConfigureAwait(false);
        var queued = await Execute($"DELETE FROM label_session_items WHERE experiment = @e AND trace_id IN ({inList})").ConfigureAwait(false);
        await Execute($"DELETE FROM label_steps WHERE experiment = @e AND trace_id IN ({inList})").ConfigureAwait(false);
        return new ForgetReport
        {
            LabelingQueueItems = queued,
            Assessments = history + await Execute($"DELETE FROM assessments WHERE experiment = @e AND trace_id IN ({inList})").ConfigureAwait(false),
            Traces = await Execute($"DELETE FROM traces WHERE experiment = @e AND trace_id IN ({inList})").ConfigureAwait(false),
            Examples = memory.Examples,
            GuidelineSources = memory.Sources,
            GuidelinesDropped = memory.Guidelines,
            EvaluationResults = results.Results,
            RationalesWithheld = results.Withheld,
        };
    }

    // The ids that name something in the experiment: a trace, a label, an example or guideline source, a verdict, a place in a queue or a run's record, or an earlier forgetting.
    private static async Task<List<string>> MatchedAsync(SqlDialect dialect, DbConnection connection, DbTransaction tx, string experiment, string[] chunk, CancellationToken cancellationToken)
    {
        var (inList, parameters) = SqlParameters.InList(dialect, chunk);
        parameters.Add(("@e", experiment));
        var inExperiment = TablesOfTheExperiment.Select(table => $"SELECT trace_id FROM {table} WHERE experiment = @e AND trace_id IN ({inList})");
        var inRuns = TablesOfRuns.Select(t => $"SELECT {t.Column} AS trace_id FROM {t.Table} WHERE {t.Column} IN ({inList}) AND {OfTheExperiment}");
        var found = await SqlSession.QueryAsync(connection, tx, string.Join(" UNION ", inExperiment.Concat(inRuns)), parameters, row => row.Text("trace_id"), cancellationToken).ConfigureAwait(false);
        var matched = new HashSet<string>(found, StringComparer.Ordinal);
        matched.UnionWith(await ForgottenAsync(dialect, connection, tx, experiment, chunk.Where(id => !matched.Contains(id)), cancellationToken).ConfigureAwait(false));
        return [.. matched];
    }

    /// <summary>How a forgotten trace's id is kept: a hash, not the id.</summary>
    public static string Hash(string traceId) => Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(traceId)));

    // Experiment runs that name a forgotten trace (in a fold, or among the most disagreed): its rows go, and the run counts it as forgotten.
    private static async Task<IEnumerable<string>> MarkRunsAsync(SqlDialect dialect, DbConnection connection, DbTransaction tx, string experiment, string[] chunk, CancellationToken cancellationToken)
    {
        var (inList, parameters) = SqlParameters.InList(dialect, chunk);
        parameters.Add(("@e", experiment));
        var named = await SqlSession.QueryAsync(connection, tx,
            $"SELECT run_id, trace_id FROM experiment_fold_traces WHERE trace_id IN ({inList}) AND {OfTheExperiment} UNION SELECT run_id, trace_id FROM experiment_disagreed_traces WHERE trace_id IN ({inList}) AND {OfTheExperiment}",
            parameters, row => (Run: row.Text("run_id"), Trace: row.Text("trace_id")), cancellationToken).ConfigureAwait(false);
        var runs = named.GroupBy(n => n.Run, StringComparer.Ordinal).ToList();
        foreach (var run in runs)
        {
            await SqlSession.ExecuteAsync(connection, tx, "UPDATE eval_runs SET forgotten_traces = forgotten_traces + @n WHERE run_id = @r",
                [("@n", run.Select(n => n.Trace).Distinct(StringComparer.Ordinal).Count()), ("@r", run.Key)], cancellationToken).ConfigureAwait(false);
        }

        foreach (var table in new[] { "experiment_fold_traces", "experiment_disagreed_traces" })
        {
            await SqlSession.ExecuteAsync(connection, tx, $"DELETE FROM {table} WHERE trace_id IN ({inList}) AND {OfTheExperiment}", parameters, cancellationToken).ConfigureAwait(false);
        }

        return runs.Select(r => r.Key);
    }

    // Free-text rationales that mention a forgotten trace's id (without having been shown its example) get a plain-text mark in its place.
    private static async Task MarkMentionsAsync(DbConnection connection, DbTransaction tx, string experiment, List<string> ids, CancellationToken cancellationToken)
    {
        foreach (var id in ids)
        {
            var rows = await SqlSession.QueryAsync(connection, tx,
                $"SELECT run_id, trace_id, judge_name, rationale FROM eval_results WHERE {OfTheExperiment} AND rationale LIKE @bare ESCAPE '!'",
                [("@e", experiment), ("@bare", Like(id))],
                row => (Run: row.Text("run_id"), Trace: row.Text("trace_id"), Judge: row.Text("judge_name"), Rationale: row.Text("rationale")), cancellationToken).ConfigureAwait(false);
            foreach (var row in rows)
            {
                var marked = Regex.Replace(row.Rationale, Token(id), ForgottenMark);
                if (marked != row.Rationale)
                {
                    await SqlSession.ExecuteAsync(connection, tx, "UPDATE eval_results SET rationale = @ra WHERE run_id = @r AND trace_id = @t AND judge_name = @j",
                        [("@ra", marked), ("@r", row.Run), ("@t", row.Trace), ("@j", row.Judge)], cancellationToken).ConfigureAwait(false);
                }
            }
        }
    }

    private static ForgetReport Add(ForgetReport a, ForgetReport b) => a with
    {
        Traces = a.Traces + b.Traces,
        Assessments = a.Assessments + b.Assessments,
        Examples = a.Examples + b.Examples,
        GuidelineSources = a.GuidelineSources + b.GuidelineSources,
        GuidelinesDropped = a.GuidelinesDropped + b.GuidelinesDropped,
        EvaluationResults = a.EvaluationResults + b.EvaluationResults,
        LabelingQueueItems = a.LabelingQueueItems + b.LabelingQueueItems,
        RationalesWithheld = a.RationalesWithheld + b.RationalesWithheld,
    };

    // The id as a whole token (not inside a longer id such as "t1-2" or "t1.2"); a full stop after it ends a sentence.
    private static string Token(string id) => $@"(?<![\w.\-]){Regex.Escape(id)}(?![\w\-]|\.\w)";

    private static string Like(string text) => "%" + text.Replace("!", "!!", StringComparison.Ordinal).Replace("%", "!%", StringComparison.Ordinal).Replace("_", "!_", StringComparison.Ordinal) + "%";
}
