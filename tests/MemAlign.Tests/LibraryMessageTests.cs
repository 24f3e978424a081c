using System.Text;
using MemAlign.Import;
using MemAlign.Sqlite;
using MemAlign.Tests.Storage;

namespace MemAlign.Tests;

/// <summary>Library messages name the API member to change, never the memalign tool's flags or environment variables (the tool adds those).</summary>
public sealed class LibraryMessageTests
{
    [Fact]
    public async Task A_conflicting_import_names_ImportOptions_OnConflict()
    {
        await using var store = await SqliteMemAlignStore.OpenAsync(StoreEnvironment.TempDatabase());
        await store.AddTracesAsync("default", [Trace.Create("t1", "question", "first answer")]);
        var changed = Encoding.UTF8.GetBytes("""{"trace_id": "t1", "inputs": "question", "outputs": "another answer"}""" + "\n");

        var report = await TraceImporter.ImportAsync(store, "default", TraceFile.Read(changed));

        var problem = Assert.Single(report.Problems).Message;
        Assert.Contains("ImportOptions.OnConflict", problem, StringComparison.Ordinal);
        Assert.DoesNotContain("--", problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Refusals_name_the_member_and_no_flag_or_variable()
    {
        var adjudicator = Assert.Throws<ArgumentException>(() => new LabelResolution { Rule = LabelResolutionRule.Adjudicator }.Validate());
        var missing = await Assert.ThrowsAsync<MemAlign.Storage.StoreException>(() => SqliteMemAlignStore.OpenReadOnlyAsync(StoreEnvironment.TempDatabase()));

        Assert.Contains("LabelResolution.Adjudicator", adjudicator.Message, StringComparison.Ordinal);
        Assert.Contains("SqliteMemAlignStore.OpenAsync(path)", missing.Message, StringComparison.Ordinal);
        foreach (var message in new[] { adjudicator.Message, missing.Message })
        {
            Assert.DoesNotContain("--", message, StringComparison.Ordinal);
            Assert.DoesNotContain("MEMALIGN_STORE", message, StringComparison.Ordinal);
            Assert.DoesNotContain("memalign ", message, StringComparison.Ordinal);
        }
    }
}
