using MemAlign.Evaluation;
using MemAlign.MiniLM;
using MemAlign.Reporting;
using MemAlign.Storage;
using MemAlign.Testing;

namespace MemAlign.Tests.Storage;

/// <summary>
/// The upgrade from schema 3 (settings dictionaries and JSON text) to schema 4 (typed columns and link tables), on a
/// store the memalign tool wrote at schema 3 (tests/MemAlign.Tests/Data/schema3/make-fixture.sh): 14 traces labelled by
/// ann and bob (three relabelled), the helpfulness judge registered with its label schema and aligned (version 2),
/// an evaluate run over every trace and a short one over two, a 2-fold experiment, a labeling session, then fx-05 forgotten.
/// </summary>
public abstract partial class StoreContract
{
    private const string Fixture = IMemAlignStore.DefaultExperiment;

    /// <summary>A copy of this backend's schema-3 fixture.</summary>
    protected abstract Task<FixtureStore> RestoreSchema3Async();

    protected async Task A_schema_3_store_upgrades_in_place_losing_nothing()
    {
        await using var fixture = await RestoreSchema3Async();
        await using var store = await TestStores.OpenAsync(fixture.Setting);

        // Traces, their tags, the current labels and the three replaced ones.
        var traces = await store.SearchTracesAsync(Fixture, TraceQuery.All).ToListAsync();
        Assert.Equal(13, traces.Count);
        Assert.DoesNotContain(traces, t => t.Id == "fx-05");
        Assert.Equal(19, traces.Sum(t => t.Assessments.Count));
        Assert.All(traces, t => Assert.Equal("b1", t.Tags["batch"]));
        foreach (var relabelled in new[] { "fx-02", "fx-06", "fx-11" })
        {
            var replaced = Assert.Single(await store.GetAssessmentHistoryAsync(Fixture, relabelled));
            Assert.Equal(("ann", $"ann on {relabelled}: {(relabelled == "fx-02" ? "helpful" : "unhelpful")}."), (replaced.Source.Id, replaced.Rationale));
        }

        // Both judge versions, the label schema now typed and gone from the settings; the aligned memory without fx-05.
        Assert.Equal([1, 2], (await store.ListJudgeVersionsAsync(Fixture, "helpfulness")).Select(v => v.Version));
        foreach (var version in new[] { 1, 2 })
        {
            var judge = (await store.GetJudgeAsync(Fixture, "helpfulness", version))!;
            Assert.Equal(("Helpful?", "Is the reply helpful to the customer?", LabelComment.Optional), (judge.LabelSchema.Title, judge.LabelSchema.Instruction, judge.LabelSchema.Comment));
            Assert.Empty(judge.Settings);
        }

        var aligned = (await store.GetJudgeAsync(Fixture, "helpfulness", 2))!;
        // Ten examples stored, one per label: seven traces, so seven examples once loaded.
        Assert.Equal((4, 7, 10, 1), (aligned.Memory.Guidelines.Count, aligned.Memory.Examples.Count, aligned.Info.Examples, aligned.Info.BaseVersion));
        Assert.DoesNotContain(aligned.Memory.Examples, e => e.TraceId == "fx-05");

        // The runs: kind, judge, version and the forgotten count in columns, nothing left in their settings.
        var runs = await store.ListEvaluationRunsAsync(Fixture);
        Assert.Equal(3, runs.Count);
        Assert.All(runs, r => Assert.Equal(("helpfulness", 2), (r.JudgeName, r.JudgeVersion)));
        Assert.All(runs, r => Assert.Empty(r.Settings));
        var experimentRun = Assert.Single(runs, r => r.Kind == EvaluationRunKind.Experiment);
        Assert.Equal(1, experimentRun.ForgottenTraces);
        var evaluations = runs.Where(r => r.Kind == EvaluationRunKind.Evaluation).ToList();
        Assert.Equal(2, evaluations.Count);
        Assert.All(evaluations, r => Assert.Equal(0, r.ForgottenTraces));
        var counts = new Dictionary<string, List<EvaluationRecord>>(StringComparer.Ordinal);
        foreach (var run in evaluations)
        {
            counts[run.Id] = await store.GetEvaluationResultsAsync(Fixture, run.Id).ToListAsync();
        }

        var fullRun = evaluations.Single(r => counts[r.Id].Count == 13);
        var shortRun = evaluations.Single(r => counts[r.Id].Count == 2);
        var full = counts[fullRun.Id];
        // The verdicts that drew on fx-05 keep their withheld rationale; the traces each drew on are back, without fx-05.
        Assert.Equal(10, full.Count(r => r.Redacted && r.Rationale == "[withheld: this verdict drew on examples of traces since forgotten]"));
        Assert.All(full, r => Assert.NotEmpty(r.RetrievedExampleIds));
        Assert.DoesNotContain(full, r => r.RetrievedExampleIds.Contains("fx-05"));
        Assert.Equal(["fx-07", "fx-07", "fx-01", "fx-01", "fx-03"], full.Single(r => r.TraceId == "fx-09").RetrievedExampleIds);

        // The experiment's report from its own table: its folds and most disagreed traces without fx-05 or its mark.
        var report = (await store.GetExperimentReportAsync(Fixture, experimentRun.Id))!;
        Assert.Equal(("helpfulness", 2, 14), (report.JudgeName, report.Folds, report.TrainTraces));
        var named = report.FoldDetails.SelectMany(f => f.TrainTraceIds.Concat(f.TestTraceIds).Concat(f.MemoryTraceIds)).ToList();
        Assert.Equal(traces.Select(t => t.Id).Order(), named.Distinct().Order());
        Assert.Equal([6, 7], report.FoldDetails.Select(f => f.TestTraceIds.Count).Order());
        Assert.Equal(["fx-13"], report.HumanAgreement!.MostDisagreed.Select(d => d.TraceId));
        Assert.Equal(new Dictionary<string, string> { ["ann"] = "true", ["bob"] = "false" }, report.HumanAgreement.MostDisagreed[0].Labels);
        Assert.Null(await store.GetExperimentReportAsync(Fixture, shortRun.Id));
        var markdown = ExperimentReportWriter.ToMarkdown(report);
        Assert.Contains("fx-13", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("forgotten trace", markdown, StringComparison.Ordinal);

        // The labeling session and its queue.
        var session = (await store.GetLabelingSessionAsync(Fixture, "week-1"))!;
        Assert.Equal(("helpfulness", 2, 13), (session.JudgeName, session.LabelsPerTrace, session.TraceIds.Count));
        Assert.Equal(["ann", "bob"], session.Reviewers);

        // Then it works as a new store does: the short run resumes, the latest evaluation run is a query, forgetting marks by rows.
        Assert.Equal(shortRun.Id, (await store.GetLatestEvaluationRunAsync(Fixture, "helpfulness"))!.Id);
        var judgeWithMemory = Judge.CreateLocal(aligned.Definition).WithMemory(aligned.Memory, new MiniLMEmbeddingGenerator());
        var resumed = await Evaluator.RunAsync([judgeWithMemory], store.SearchTracesAsync(Fixture, new TraceQuery { Tag = new("split", "test") }),
            new EvaluationOptions { Store = store, Experiment = Fixture, ResumeRunId = shortRun.Id });
        Assert.Equal((shortRun.Id, 2, 4), (resumed.RunId, resumed.Resumed, resumed.Completed));
        Assert.Equal(6, await store.GetEvaluationResultsAsync(Fixture, shortRun.Id).CountAsync());

        var forgot = await store.ForgetAsync(Fixture, ["fx-03"]);
        Assert.Equal((1, 1), (forgot.Traces, forgot.RunsMarked));
        Assert.True(forgot.RationalesWithheld >= 1);
        Assert.Equal(2, (await store.GetEvaluationRunAsync(Fixture, experimentRun.Id))!.ForgottenTraces);
        var after = (await store.GetExperimentReportAsync(Fixture, experimentRun.Id))!;
        Assert.DoesNotContain("fx-03", after.FoldDetails.SelectMany(f => f.TrainTraceIds.Concat(f.TestTraceIds).Concat(f.MemoryTraceIds)));
        var nine = (await store.GetEvaluationResultsAsync(Fixture, fullRun.Id).ToListAsync()).Single(r => r.TraceId == "fx-09");
        Assert.True(nine.Redacted);
        Assert.Equal(["fx-07", "fx-07", "fx-01", "fx-01"], nine.RetrievedExampleIds);
    }
}
