using System.Data.Common;
using System.Text.RegularExpressions;

namespace MemAlign.Storage.Sql;

/// <summary>
/// Forgetting over SQL, in one transaction: the traces' rows go from every table; guidelines that drew on
/// them go too (their text could repeat a rationale), and what they also drew on is marked for distillation
/// again; other verdicts that were shown the traces' examples lose their rationale; runs that name the
/// traces (experiment reports among them) lose the names and are marked. Then the dialect erases the freed space.
/// </summary>
internal sealed class SqlForgetting(SqlSession session) : IForgetting
{
    public const string WithheldRationale = "[withheld: this verdict drew on examples of traces since forgotten]";

    public const string ForgottenMark = "[forgotten trace]";

    public const string ForgottenTracesSetting = "forgotten_traces";

    public async Task<ForgetReport> ForgetAsync(string experiment, IEnumerable<string> traceIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(traceIds);
        var ids = traceIds.Distinct(StringComparer.Ordinal).ToList();
        var report = await session.WriteAsync($"forgetting {ids.Count} trace(s)", async (connection, tx) =>
        {
            var total = new ForgetReport();
            foreach (var chunk in ids.Chunk(SqlSession.InListSize))
            {
                total = Add(total, await ForgetRowsAsync(connection, tx, experiment, chunk, cancellationToken).ConfigureAwait(false));
            }

            return total with
            {
                RationalesWithheld = await WithholdRationalesAsync(connection, tx, experiment, ids, cancellationToken).ConfigureAwait(false),
                RunsMarked = await MarkRunsAsync(connection, tx, experiment, ids, cancellationToken).ConfigureAwait(false),
            };
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

    private static async Task<ForgetReport> ForgetRowsAsync(DbConnection connection, DbTransaction tx, string experiment, string[] chunk, CancellationToken cancellationToken)
    {
        var (inList, parameters) = SqlParameters.InList(chunk);
        parameters.Add(("@e", experiment));
        Task<int> Execute(string sql) => SqlSession.ExecuteAsync(connection, tx, sql, parameters, cancellationToken);

        // Guidelines that cite a forgotten trace: what else they rest on is distilled again on the next align.
        const string Cites = "EXISTS (SELECT 1 FROM judge_guideline_sources f WHERE f.experiment = {0}.experiment AND f.name = {0}.name AND f.version = {0}.version AND f.ordinal = {0}.ordinal AND f.trace_id IN ({1}))";
        await Execute("UPDATE judge_examples SET distilled = 0 WHERE experiment = @e AND EXISTS (SELECT 1 FROM judge_guideline_sources s WHERE s.experiment = judge_examples.experiment " +
            "AND s.name = judge_examples.name AND s.version = judge_examples.version AND s.trace_id = judge_examples.trace_id AND " + string.Format(System.Globalization.CultureInfo.InvariantCulture, Cites, "s", inList) + ")")
            .ConfigureAwait(false);
        var dropped = await Execute("DELETE FROM judge_guidelines WHERE experiment = @e AND user_written = 0 AND " + string.Format(System.Globalization.CultureInfo.InvariantCulture, Cites, "judge_guidelines", inList))
            .ConfigureAwait(false);
        var sources = await SqlSession.ExecuteAsync(connection, tx,
            "DELETE FROM judge_guideline_sources WHERE experiment = @e AND NOT EXISTS (SELECT 1 FROM judge_guidelines g WHERE g.experiment = judge_guideline_sources.experiment " +
            "AND g.name = judge_guideline_sources.name AND g.version = judge_guideline_sources.version AND g.ordinal = judge_guideline_sources.ordinal)", [("@e", experiment)], cancellationToken)
            .ConfigureAwait(false);

        var evaluations = await Execute($"DELETE FROM eval_results WHERE trace_id IN ({inList}) AND run_id IN (SELECT run_id FROM eval_runs WHERE experiment = @e)").ConfigureAwait(false);
        await Execute($"DELETE FROM trace_tags WHERE experiment = @e AND trace_id IN ({inList})").ConfigureAwait(false);
        var history = await Execute($"DELETE FROM assessment_history WHERE experiment = @e AND trace_id IN ({inList})").ConfigureAwait(false);
        var queued = await Execute($"DELETE FROM label_session_items WHERE experiment = @e AND trace_id IN ({inList})").ConfigureAwait(false);
        return new ForgetReport
        {
            LabelingQueueItems = queued,
            Assessments = history + await Execute($"DELETE FROM assessments WHERE experiment = @e AND trace_id IN ({inList})").ConfigureAwait(false),
            Traces = await Execute($"DELETE FROM traces WHERE experiment = @e AND trace_id IN ({inList})").ConfigureAwait(false),
            Examples = await Execute($"DELETE FROM judge_examples WHERE experiment = @e AND trace_id IN ({inList})").ConfigureAwait(false),
            GuidelineSources = sources,
            GuidelinesDropped = dropped,
            EvaluationResults = evaluations,
        };
    }

    // Other traces' verdicts that were shown a forgotten trace's example keep their value but not their rationale.
    private static async Task<int> WithholdRationalesAsync(DbConnection connection, DbTransaction tx, string experiment, List<string> ids, CancellationToken cancellationToken)
    {
        var withheld = 0;
        foreach (var id in ids)
        {
            var rows = await SqlSession.QueryAsync(connection, tx,
                "SELECT run_id, trace_id, judge_name, retrieved, rationale FROM eval_results WHERE run_id IN (SELECT run_id FROM eval_runs WHERE experiment = @e) " +
                "AND (retrieved LIKE @quoted ESCAPE '!' OR rationale LIKE @bare ESCAPE '!')",
                [("@e", experiment), ("@quoted", Like(System.Text.Json.JsonSerializer.Serialize(id))), ("@bare", Like(id))],
                row => (Run: row.Text("run_id"), Trace: row.Text("trace_id"), Judge: row.Text("judge_name"), Retrieved: row.NullableText("retrieved"), Rationale: row.NullableText("rationale")),
                cancellationToken).ConfigureAwait(false);
            foreach (var row in rows)
            {
                var retrieved = row.Retrieved is null ? [] : StoredJson.ReadList(row.Retrieved);
                var drewOn = retrieved.Contains(id, StringComparer.Ordinal);
                var rationale = drewOn ? WithheldRationale : Mark(row.Rationale, id);
                var remaining = retrieved.Where(r => r != id).ToList();
                await SqlSession.ExecuteAsync(connection, tx,
                    "UPDATE eval_results SET rationale = @ra, retrieved = @re, redacted = CASE WHEN @drew = 1 THEN 1 ELSE redacted END WHERE run_id = @r AND trace_id = @t AND judge_name = @j",
                    [("@ra", rationale), ("@re", remaining.Count == 0 ? null : StoredJson.List(remaining)), ("@drew", drewOn ? 1 : 0), ("@r", row.Run), ("@t", row.Trace), ("@j", row.Judge)],
                    cancellationToken).ConfigureAwait(false);
                withheld += drewOn ? 1 : 0;
            }
        }

        return withheld;
    }

    // Runs whose settings name a forgotten trace (an experiment's fold lists, a run's filter): the name goes, the run says how many went.
    private static async Task<int> MarkRunsAsync(DbConnection connection, DbTransaction tx, string experiment, List<string> ids, CancellationToken cancellationToken)
    {
        var runs = await SqlSession.QueryAsync(connection, tx, "SELECT run_id, settings FROM eval_runs WHERE experiment = @e", [("@e", experiment)],
            row => (Id: row.Text("run_id"), Settings: row.Text("settings")), cancellationToken).ConfigureAwait(false);
        var marked = 0;
        foreach (var run in runs)
        {
            var settings = StoredJson.ReadStrings(run.Settings).ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
            var named = ids.Where(id => settings.Values.Any(v => Regex.IsMatch(v, Token(id)))).ToList();
            if (named.Count == 0)
            {
                continue;
            }

            foreach (var key in settings.Keys.ToList())
            {
                settings[key] = named.Aggregate(settings[key], (text, id) => Mark(text, id)!);
            }

            settings[ForgottenTracesSetting] = ((settings.TryGetValue(ForgottenTracesSetting, out var before) && int.TryParse(before, out var n) ? n : 0) + named.Count)
                .ToString(System.Globalization.CultureInfo.InvariantCulture);
            await SqlSession.ExecuteAsync(connection, tx, "UPDATE eval_runs SET settings = @s WHERE run_id = @r", [("@s", StoredJson.Strings(settings)), ("@r", run.Id)], cancellationToken)
                .ConfigureAwait(false);
            marked++;
        }

        return marked;
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
    };

    // The id as a whole token (not inside a longer id such as "t1-2" or "t1.2"), in plain text or JSON text; a full stop after it ends a sentence.
    private static string Token(string id) => $@"(?<![\w.\-]){Regex.Escape(id)}(?![\w\-]|\.\w)";

    private static string? Mark(string? text, string id) => text is null ? null : Regex.Replace(text, Token(id), ForgottenMark);

    private static string Like(string text) => "%" + text.Replace("!", "!!", StringComparison.Ordinal).Replace("%", "!%", StringComparison.Ordinal).Replace("_", "!_", StringComparison.Ordinal) + "%";
}
