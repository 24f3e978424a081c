using MemAlign.Storage;
using MemAlign.Testing;

namespace MemAlign.Tests.Storage;

/// <summary>
/// The upgrade from schema 4 to schema 5 (version numbers never reused; forgotten traces marked), on a store the memalign
/// tool wrote at schema 4 (tests/MemAlign.Tests/Data/schema4/make-fixture.sh): the helpfulness judge registered and aligned
/// twice (versions 1 to 3), a short evaluate run of version 3, then version 3 deleted and fx-05 forgotten.
/// </summary>
public abstract partial class StoreContract
{
    /// <summary>A copy of this backend's schema-4 fixture.</summary>
    protected abstract Task<FixtureStore> RestoreSchema4Async();

    protected async Task A_schema_4_store_upgrades_and_never_gives_a_deleted_version_number_again()
    {
        await using var fixture = await RestoreSchema4Async();
        await using var store = await TestStores.OpenAsync(fixture.Setting);

        // What schema 4 held is all there.
        Assert.Equal(13, await store.SearchTracesAsync(Fixture, TraceQuery.All).CountAsync());
        Assert.Equal([1, 2], (await store.ListJudgeVersionsAsync(Fixture, "helpfulness")).Select(v => v.Version));
        var run = Assert.Single(await store.ListEvaluationRunsAsync(Fixture));
        Assert.Equal(("helpfulness", 3), (run.JudgeName, run.JudgeVersion));
        Assert.Equal(2, await store.GetEvaluationResultsAsync(Fixture, run.Id).CountAsync());

        // Version 3 was deleted before the upgrade: the run on it keeps the number, so the next version is 4.
        var latest = (await store.GetJudgeAsync(Fixture, "helpfulness"))!;
        var next = await store.RegisterJudgeAsync(Fixture, latest.Definition, latest.Memory, baseVersion: 2, labelSchema: latest.LabelSchema);
        Assert.Equal((4, 2), (next.Version, next.BaseVersion));
        Assert.Null(await store.GetJudgeAsync(Fixture, "helpfulness", 3));

        // Forgetting now marks what it forgets, so a memory built before it cannot bring it back.
        Assert.Empty((await store.ForgetAsync(Fixture, ["fx-01"])).UnmatchedTraceIds);
        var after = await store.RegisterJudgeAsync(Fixture, latest.Definition, latest.Memory, labelSchema: latest.LabelSchema);
        Assert.Equal(5, after.Version);
        Assert.Contains(latest.Memory.Examples, e => e.TraceId == "fx-01");
        Assert.DoesNotContain((await store.GetJudgeAsync(Fixture, "helpfulness", 5))!.Memory.Examples, e => e.TraceId == "fx-01");
    }
}
