using MemAlign.Evaluation;
using MemAlign.MiniLM;
using MemAlign.Storage;
using MemAlign.Testing;

namespace MemAlign.Tests.Storage;

/// <summary>
/// The upgrade from schema 5 to schema 6 (cached input tokens and the cascade stage of each result; the provider batches of a run),
/// on a store the memalign tool wrote at schema 5 (tests/MemAlign.Tests/Data/schema5/make-fixture.sh): the helpfulness judge
/// registered and aligned (versions 1 and 2), an evaluate run of version 2 over the test split, then fx-05 forgotten.
/// </summary>
public abstract partial class StoreContract
{
    /// <summary>A copy of this backend's schema-5 fixture.</summary>
    protected abstract Task<FixtureStore> RestoreSchema5Async();

    protected async Task A_schema_5_store_upgrades_keeping_its_results_which_then_hold_cached_tokens_and_the_cascade_stage()
    {
        await using var fixture = await RestoreSchema5Async();
        await using var store = await TestStores.OpenAsync(fixture.Setting);

        // What schema 5 held is all there, and its results read as results without cached tokens or a cascade stage.
        Assert.Equal(13, await store.SearchTracesAsync(Fixture, TraceQuery.All).CountAsync());
        Assert.Equal([1, 2], (await store.ListJudgeVersionsAsync(Fixture, "helpfulness")).Select(v => v.Version));
        var run = Assert.Single(await store.ListEvaluationRunsAsync(Fixture));
        Assert.Equal(("helpfulness", 2), (run.JudgeName, run.JudgeVersion));
        var before = await store.GetEvaluationResultsAsync(Fixture, run.Id).ToListAsync();
        Assert.NotEmpty(before);
        Assert.All(before, r => Assert.Equal((0L, (CascadeStage?)null), (r.Usage.CachedInputTokens, r.AnsweredBy)));
        Assert.All(before, r => Assert.NotNull(r.Value));

        // New results keep what schema 6 adds; an old result replaced takes the new values.
        var first = before[0];
        var replaced = first with { Usage = new TokenUsage(1_500, 40) { CachedInputTokens = 1_280, ReasoningTokens = 32 }, AnsweredBy = CascadeStage.Model };
        var local = first with { TraceId = "fx-14", Usage = default, AnsweredBy = CascadeStage.Local };
        await store.SaveEvaluationResultsAsync(Fixture, run.Id, [replaced, local]);
        var after = (await store.GetEvaluationResultsAsync(Fixture, run.Id).ToListAsync()).ToDictionary(r => r.TraceId);
        Assert.Equal((1_500L, 1_280L, 40L, (CascadeStage?)CascadeStage.Model),
            (after[first.TraceId].Usage.InputTokens, after[first.TraceId].Usage.CachedInputTokens, after[first.TraceId].Usage.OutputTokens, after[first.TraceId].AnsweredBy));
        Assert.Equal(32L, after[first.TraceId].Usage.ReasoningTokens);
        Assert.Equal(((CascadeStage?)CascadeStage.Local, 0L), (after["fx-14"].AnsweredBy, after["fx-14"].Usage.CachedInputTokens));
        Assert.Equal(before.Count + (before.Any(r => r.TraceId == "fx-14") ? 0 : 1), after.Count);
    }

    /// <summary>
    /// Issue 26: the fixture's version 2 was aligned when every agreeing label was an example (fx-01, fx-03 and fx-07 have two
    /// each, by ann and bob: ten rows for seven traces). It loads as one example per trace, and the next alignment stores it so,
    /// with the reviewers back, without embedding or distilling anything again.
    /// </summary>
    protected async Task A_schema_5_judge_version_of_one_example_per_label_loads_and_is_stored_as_one_per_trace_on_the_next_alignment()
    {
        await using var fixture = await RestoreSchema5Async();
        await using var store = await TestStores.OpenAsync(fixture.Setting);
        // Ten rows as schema 5 wrote them, counted as the examples they load as: one per trace.
        Assert.Equal(7, (await store.ListJudgeVersionsAsync(Fixture, "helpfulness")).Single(v => v.Version == 2).Examples);

        var old = (await store.GetJudgeAsync(Fixture, "helpfulness", 2))!;
        Assert.Equal(["fx-01", "fx-02", "fx-03", "fx-04", "fx-06", "fx-07", "fx-08"], old.Memory.Examples.Select(e => e.TraceId).Order(StringComparer.Ordinal));
        var merged = old.Memory.Examples.Single(e => e.TraceId == "fx-01");
        Assert.Equal((2, 0), (merged.Weight, merged.Reviewers.Count)); // schema 5 did not keep who labelled

        var traces = await store.SearchTracesAsync(Fixture, new TraceQuery { Tag = new("split", "align") }).ToListAsync();
        using var embedder = new MiniLMEmbeddingGenerator();
        var optimizer = new MemAlignOptimizer(new MemAlignOptions { EmbeddingGenerator = embedder, RetrievalK = old.Memory.RetrievalK });
        var aligned = await optimizer.AlignAsync(old.Definition, old.Memory, traces);
        Assert.Equal((0, 0, 7, 0), (aligned.Report.ExamplesAdded, aligned.Report.ExamplesReplaced, aligned.Report.ExamplesUnchanged, aligned.Report.TextsEmbedded));
        Assert.Equal(0, aligned.Report.ModelCalls);

        var next = await store.RegisterJudgeAsync(Fixture, old.Definition, aligned.Memory, baseVersion: 2, labelSchema: old.LabelSchema);
        Assert.Equal(7, (await store.ListJudgeVersionsAsync(Fixture, "helpfulness")).Single(v => v.Version == next.Version).Examples); // one row per trace

        var compacted = (await store.GetJudgeAsync(Fixture, "helpfulness", next.Version))!.Memory;
        var fx01 = compacted.Examples.Single(e => e.TraceId == "fx-01");
        Assert.Equal(["ann", "bob"], fx01.Reviewers);
        Assert.Equal((2, merged.Id), (fx01.Weight, fx01.Id));
        Assert.Equal(merged.Vector.ToArray(), fx01.Vector.ToArray());
        Assert.Contains("ann on fx-01", fx01.Rationale);
        Assert.Contains("bob on fx-01", fx01.Rationale);
        var single = compacted.Examples.Single(e => e.TraceId == "fx-02");
        Assert.Equal(["ann"], single.Reviewers);
        Assert.Equal(1, single.Weight);

        // Forgetting a trace removes its one example.
        await store.ForgetAsync(Fixture, ["fx-01"]);
        var after = (await store.GetJudgeAsync(Fixture, "helpfulness", next.Version))!.Memory;
        Assert.Equal(6, after.Examples.Count);
        Assert.DoesNotContain(after.Examples, e => e.TraceId == "fx-01");
    }
}
