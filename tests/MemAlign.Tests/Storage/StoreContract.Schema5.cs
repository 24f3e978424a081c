using MemAlign.Evaluation;
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
        var replaced = first with { Usage = new TokenUsage(1_500, 40) { CachedInputTokens = 1_280 }, AnsweredBy = CascadeStage.Model };
        var local = first with { TraceId = "fx-14", Usage = default, AnsweredBy = CascadeStage.Local };
        await store.SaveEvaluationResultsAsync(Fixture, run.Id, [replaced, local]);
        var after = (await store.GetEvaluationResultsAsync(Fixture, run.Id).ToListAsync()).ToDictionary(r => r.TraceId);
        Assert.Equal((1_500L, 1_280L, 40L, (CascadeStage?)CascadeStage.Model),
            (after[first.TraceId].Usage.InputTokens, after[first.TraceId].Usage.CachedInputTokens, after[first.TraceId].Usage.OutputTokens, after[first.TraceId].AnsweredBy));
        Assert.Equal(((CascadeStage?)CascadeStage.Local, 0L), (after["fx-14"].AnsweredBy, after["fx-14"].Usage.CachedInputTokens));
        Assert.Equal(before.Count + (before.Any(r => r.TraceId == "fx-14") ? 0 : 1), after.Count);
    }
}
