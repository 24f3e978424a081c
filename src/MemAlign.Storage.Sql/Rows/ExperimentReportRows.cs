using System.Data.Common;
using MemAlign.Evaluation;

namespace MemAlign.Storage.Sql.Rows;

/// <summary>
/// An experiment's report: its JSON without trace ids in <c>experiment_reports</c>, the traces of its folds in
/// <c>experiment_fold_traces</c> and its most disagreed traces in <c>experiment_disagreed_traces</c>. So forgetting
/// a trace deletes rows that name it and never edits the JSON.
/// </summary>
internal static class ExperimentReportRows
{
    private const string Train = "train";
    private const string Test = "test";
    private const string Memory = "memory";

    public static async Task WriteAsync(DbConnection connection, DbTransaction tx, string runId, ExperimentReport report, CancellationToken cancellationToken)
    {
        var withoutTraces = report with
        {
            FoldDetails = [.. report.FoldDetails.Select(f => f with { TrainTraceIds = [], TestTraceIds = [], MemoryTraceIds = [] })],
            HumanAgreement = report.HumanAgreement is { } agreement ? agreement with { MostDisagreed = [] } : null,
        };
        await SqlSession.ExecuteAsync(connection, tx, "INSERT INTO experiment_reports (run_id, report) VALUES (@r, @j)", [("@r", runId), ("@j", StoredJson.Report(withoutTraces))],
            cancellationToken).ConfigureAwait(false);
        foreach (var fold in report.FoldDetails)
        {
            foreach (var (role, traceIds) in new[] { (Train, fold.TrainTraceIds), (Test, fold.TestTraceIds), (Memory, fold.MemoryTraceIds) })
            {
                for (var i = 0; i < traceIds.Count; i++)
                {
                    await SqlSession.ExecuteAsync(connection, tx, "INSERT INTO experiment_fold_traces (run_id, fold, role, position, trace_id) VALUES (@r, @f, @o, @p, @t)",
                        [("@r", runId), ("@f", fold.Index), ("@o", role), ("@p", i), ("@t", traceIds[i])], cancellationToken).ConfigureAwait(false);
                }
            }
        }

        var disagreed = report.HumanAgreement?.MostDisagreed ?? [];
        for (var i = 0; i < disagreed.Count; i++)
        {
            await SqlSession.ExecuteAsync(connection, tx, "INSERT INTO experiment_disagreed_traces (run_id, position, trace_id, disagreement, labels) VALUES (@r, @p, @t, @d, @l)",
                [("@r", runId), ("@p", i), ("@t", disagreed[i].TraceId), ("@d", disagreed[i].Disagreement), ("@l", StoredJson.Strings(disagreed[i].Labels))], cancellationToken)
                .ConfigureAwait(false);
        }
    }

    public static async Task<ExperimentReport?> ReadAsync(DbConnection connection, string runId, CancellationToken cancellationToken)
    {
        List<(string, object?)> run = [("@r", runId)];
        var stored = await SqlSession.QueryAsync(connection, null, "SELECT report FROM experiment_reports WHERE run_id = @r", run, row => row.Text("report"), cancellationToken)
            .ConfigureAwait(false);
        if (stored.Count == 0)
        {
            return null;
        }

        var report = StoredJson.ReadReport(stored[0]);
        var folds = (await SqlSession.QueryAsync(connection, null, "SELECT fold, role, trace_id FROM experiment_fold_traces WHERE run_id = @r ORDER BY fold, role, position", run,
            row => (Fold: row.Int("fold"), Role: row.Text("role"), TraceId: row.Text("trace_id")), cancellationToken).ConfigureAwait(false))
            .ToLookup(f => (f.Fold, f.Role), f => f.TraceId);
        var disagreed = await SqlSession.QueryAsync(connection, null, "SELECT trace_id, disagreement, labels FROM experiment_disagreed_traces WHERE run_id = @r ORDER BY position", run,
            row => new DisagreedTrace(row.Text("trace_id"), StoredJson.ReadStrings(row.Text("labels")), row.Double("disagreement")), cancellationToken).ConfigureAwait(false);
        return report with
        {
            FoldDetails = [.. report.FoldDetails.Select(f => f with { TrainTraceIds = [.. folds[(f.Index, Train)]], TestTraceIds = [.. folds[(f.Index, Test)]], MemoryTraceIds = [.. folds[(f.Index, Memory)]] })],
            HumanAgreement = report.HumanAgreement is { } agreement ? agreement with { MostDisagreed = disagreed } : null,
        };
    }
}
