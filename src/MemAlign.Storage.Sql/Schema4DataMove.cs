using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using MemAlign.Evaluation;
using MemAlign.Storage.Sql.Rows;

namespace MemAlign.Storage.Sql;

/// <summary>
/// Schema 4's data move, from the JSON text schema 3 kept it in: the keys the memalign tool and the evaluator wrote
/// into a run's settings (judge, version, judges, experiment_report, forgotten_traces) go to <c>eval_runs</c>' columns
/// and the experiment tables; the label schema's keys in a judge version's settings go to <c>judges</c>' columns; each
/// result's list of retrieved traces becomes rows of <c>eval_result_examples</c>. What is left in the settings is the
/// user's own. Code, not SQL, because SQLite's and PostgreSQL's JSON functions differ, and because a moved report is
/// written by the same code as a new one.
/// </summary>
internal static partial class Schema4DataMove
{
    public static async Task MoveAsync(DbConnection connection, DbTransaction tx, CancellationToken cancellationToken)
    {
        await MoveRunSettingsAsync(connection, tx, cancellationToken).ConfigureAwait(false);
        await MoveLabelSchemasAsync(connection, tx, cancellationToken).ConfigureAwait(false);
        await MoveRetrievedAsync(connection, tx, cancellationToken).ConfigureAwait(false);
    }

    private static async Task MoveRunSettingsAsync(DbConnection connection, DbTransaction tx, CancellationToken cancellationToken)
    {
        var runs = await SqlSession.QueryAsync(connection, tx, "SELECT run_id, name, settings FROM eval_runs", [],
            row => (Id: row.Text("run_id"), Name: row.Text("name"), Settings: row.Text("settings")), cancellationToken).ConfigureAwait(false);
        foreach (var run in runs)
        {
            var settings = StoredJson.ReadStrings(run.Settings).ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
            string? judge = null;
            int? version = null;
            if (settings.Remove("experiment_report", out var json))
            {
                var report = ReadReport(run.Id, json);
                judge = report.JudgeName;
                // memalign experiment named its runs "experiment JUDGE@VERSION".
                version = ExperimentRunName().Match(run.Name) is { Success: true } name && name.Groups["judge"].Value == judge
                    ? int.Parse(name.Groups["version"].Value, CultureInfo.InvariantCulture) : null;
                await ExperimentReportRows.WriteAsync(connection, tx, run.Id, WithoutForgottenMarks(report), cancellationToken).ConfigureAwait(false);
            }

            // The evaluator recorded the judges it ran; memalign evaluate added the one judge's name and version.
            if (settings.TryGetValue("judges", out var judges) && !judges.Contains(',', StringComparison.Ordinal))
            {
                judge = judges;
                settings.Remove("judges");
                if (settings.GetValueOrDefault("judge") == judges && Number(settings.GetValueOrDefault("version")) is { } ran)
                {
                    version = ran;
                    settings.Remove("judge");
                    settings.Remove("version");
                }
            }

            var forgotten = settings.Remove("forgotten_traces", out var count) ? Number(count) ?? 0 : 0;
            await SqlSession.ExecuteAsync(connection, tx, "UPDATE eval_runs SET settings = @s, judge_name = @j, judge_version = @v, forgotten_traces = @f WHERE run_id = @r",
                [("@s", StoredJson.Strings(settings)), ("@j", judge), ("@v", version), ("@f", forgotten), ("@r", run.Id)], cancellationToken).ConfigureAwait(false);
        }
    }

    // Schema 3's forgetting replaced a forgotten trace's id in a report by this mark; the trace is gone, so is its place.
    private static ExperimentReport WithoutForgottenMarks(ExperimentReport report)
    {
        static List<string> Kept(IReadOnlyList<string> ids) => [.. ids.Where(id => id != SqlForgetting.ForgottenMark)];
        return report with
        {
            FoldDetails = [.. report.FoldDetails.Select(f => f with { TrainTraceIds = Kept(f.TrainTraceIds), TestTraceIds = Kept(f.TestTraceIds), MemoryTraceIds = Kept(f.MemoryTraceIds) })],
            HumanAgreement = report.HumanAgreement is { } agreement
                ? agreement with { MostDisagreed = [.. agreement.MostDisagreed.Where(d => d.TraceId != SqlForgetting.ForgottenMark)] }
                : null,
        };
    }

    private static ExperimentReport ReadReport(string runId, string json)
    {
        try
        {
            return StoredJson.ReadReport(json);
        }
        catch (JsonException e)
        {
            throw new JsonException($"run '{runId}' holds an experiment report that cannot be read ({e.Message}).", e);
        }
    }

    // memalign judges register recorded the label schema's title, instruction and comment policy, and memory_from_version (the same as base_version).
    private static async Task MoveLabelSchemasAsync(DbConnection connection, DbTransaction tx, CancellationToken cancellationToken)
    {
        var judges = await SqlSession.QueryAsync(connection, tx, "SELECT experiment, name, version, settings, base_version FROM judges", [],
            row => (Experiment: row.Text("experiment"), Name: row.Text("name"), Version: row.Int("version"), Settings: row.Text("settings"), BaseVersion: row.NullableInt("base_version")),
            cancellationToken).ConfigureAwait(false);
        foreach (var judge in judges)
        {
            var settings = StoredJson.ReadStrings(judge.Settings).ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
            var title = settings.Remove("label_title", out var t) ? t : null;
            var instruction = settings.Remove("label_instruction", out var i) ? i : null;
            var named = settings.Remove("label_comment", out var c);
            // As schema 3 read it: a comment policy it could not parse was Optional.
            LabelComment? comment = named ? Enum.TryParse<LabelComment>(c, out var parsed) ? parsed : LabelComment.Optional
                : title is not null || instruction is not null ? LabelComment.Optional : null;
            if (settings.TryGetValue("memory_from_version", out var from) && Number(from) is { } memoryFrom && memoryFrom == judge.BaseVersion)
            {
                settings.Remove("memory_from_version");
            }

            await SqlSession.ExecuteAsync(connection, tx,
                "UPDATE judges SET settings = @s, label_title = @lt, label_instruction = @li, label_comment = @lc WHERE experiment = @e AND name = @n AND version = @v",
                [("@s", StoredJson.Strings(settings)), ("@lt", title), ("@li", instruction), ("@lc", comment?.ToString()), ("@e", judge.Experiment), ("@n", judge.Name), ("@v", judge.Version)],
                cancellationToken).ConfigureAwait(false);
        }
    }

    // Keyset pages, so a store with many results moves in flat memory.
    private static async Task MoveRetrievedAsync(DbConnection connection, DbTransaction tx, CancellationToken cancellationToken)
    {
        (string Run, string Trace, string Judge)? after = null;
        while (true)
        {
            var (filter, parameters) = after is { } last
                ? ("retrieved IS NOT NULL AND (run_id > @r OR (run_id = @r AND (trace_id > @t OR (trace_id = @t AND judge_name > @j))))",
                   new List<(string, object?)> { ("@r", last.Run), ("@t", last.Trace), ("@j", last.Judge) })
                : ("retrieved IS NOT NULL", []);
            var page = await SqlSession.QueryAsync(connection, tx,
                $"SELECT run_id, trace_id, judge_name, retrieved FROM eval_results WHERE {filter} ORDER BY run_id, trace_id, judge_name LIMIT {SqlSession.PageSize}", parameters,
                row => (Run: row.Text("run_id"), Trace: row.Text("trace_id"), Judge: row.Text("judge_name"), Retrieved: row.Text("retrieved")), cancellationToken).ConfigureAwait(false);
            foreach (var run in page.GroupBy(r => r.Run, StringComparer.Ordinal))
            {
                await SqlEvaluationStore.WriteRetrievedAsync(connection, tx, run.Key, [.. run.Select(r => (r.Trace, r.Judge, StoredJson.ReadList(r.Retrieved)))], cancellationToken)
                    .ConfigureAwait(false);
            }

            if (page.Count < SqlSession.PageSize)
            {
                return;
            }

            after = (page[^1].Run, page[^1].Trace, page[^1].Judge);
        }
    }

    private static int? Number(string? text) => int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : null;

    [GeneratedRegex(@"^experiment (?<judge>.+)@(?<version>[0-9]+)$", RegexOptions.CultureInvariant)]
    private static partial Regex ExperimentRunName();
}
