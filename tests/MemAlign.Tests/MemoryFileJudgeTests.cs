using MemAlign.Sqlite;
using MemAlign.Storage;
using MemAlign.Testing;
using MemAlign.Tests.Storage;
using Microsoft.Extensions.AI;

namespace MemAlign.Tests;

/// <summary>A judge as the generator writes one for a <c>*.memalign.json</c> file: its constructor passes the compiled-in file to the runtime hook.</summary>
public sealed class FileBackedHelpfulness : Judge<bool>
{
    public FileBackedHelpfulness(IChatClient chatClient, JudgeMemoryFile? memory, JudgeDefinition? definition = null)
        : base(definition ?? SeedFeedback.Definition, chatClient, null, memory)
    {
    }

    private FileBackedHelpfulness(FileBackedHelpfulness original)
        : base(original)
    {
    }

    protected override Judge CreateCopy() => new FileBackedHelpfulness(this);
}

/// <summary>
/// The aligned judge from a memory file (no store at run time): the same prompts as the same version loaded
/// from the store, vectors computed once, and files for other judges or embedders refused with their names.
/// </summary>
public sealed class MemoryFileJudgeTests : IAsyncDisposable
{
    private readonly string _store = StoreEnvironment.TempDatabase();

    [Fact]
    public async Task A_judge_built_from_an_exported_file_builds_byte_identical_prompts_to_the_same_version_loaded_from_the_store()
    {
        var model = new ScriptedChatClient(fallback: _ => ScriptedChatClient.Response("""{"result": true, "rationale": "ok"}"""));
        var (aligned, _) = await new Judge<bool>(SeedFeedback.Definition, model).AlignAsync(SeedFeedback.Alignment);
        await using var store = await SqliteMemAlignStore.OpenAsync(_store);
        await store.RegisterJudgeAsync(IMemAlignStore.DefaultExperiment, aligned);
        var version = (await store.GetJudgeAsync(IMemAlignStore.DefaultExperiment, "helpfulness"))!;
        var fromStore = new Judge<bool>(version.Definition, model).WithMemory(version.Memory, new LocalEmbeddingGenerator(version.Memory.EmbeddingDimensions));

        // What the generator embeds is the exported text; the hook parses it.
        var json = JudgeMemoryFile.Create(version.Definition, version.Memory, version.Info.Version).ToJson();
        var fromFile = new FileBackedHelpfulness(model, JudgeMemoryFile.FromCheckedSource(json));

        Assert.NotEmpty(version.Memory.Examples);
        Assert.NotEmpty(version.Memory.Guidelines);
        foreach (var trace in SeedFeedback.Test.Concat(SeedFeedback.Alignment))
        {
            var expected = await fromStore.BuildPromptAsync(trace);
            var actual = await fromFile.BuildPromptAsync(trace);

            Assert.Equal(expected.SystemText, actual.SystemText);
            Assert.Equal(expected.UserText, actual.UserText);
            Assert.Equal(expected.Examples.Select(e => (e.Example.Id, e.Similarity)), actual.Examples.Select(e => (e.Example.Id, e.Similarity)));
        }

        Assert.Equal(fromStore.Instructions, fromFile.Instructions);
        Assert.Same(fromFile.MemoryFile, new FileBackedHelpfulness(model, JudgeMemoryFile.FromCheckedSource(json)).MemoryFile);
    }

    [Fact]
    public async Task The_file_of_another_judge_is_refused_and_a_reworded_rubric_still_loads_as_stale()
    {
        var (aligned, _) = await Judge.CreateLocal<bool>(SeedFeedback.Definition).AlignAsync(SeedFeedback.Alignment);
        var file = JudgeMemoryFile.Create(SeedFeedback.Definition, aligned.Memory, 2);
        var other = JudgeDefinition.Create("politeness", SeedFeedback.Definition.Instructions, FeedbackValueType.Boolean);
        var reworded = JudgeDefinition.Create("helpfulness", "Is {{ outputs }} a helpful answer to {{ inputs }}?", FeedbackValueType.Boolean);
        var model = new ScriptedChatClient();

        var refused = Assert.Throws<InvalidOperationException>(() => new FileBackedHelpfulness(model, file, other));
        var stale = new FileBackedHelpfulness(model, file, reworded);

        Assert.Contains("belongs to judge 'helpfulness', not 'politeness'", refused.Message);
        Assert.True(file.IsAlignedFor(SeedFeedback.Definition));
        Assert.False(file.IsAlignedFor(reworded));
        Assert.Equal(aligned.Memory.Examples.Count, stale.Memory.Examples.Count);
    }

    [Fact]
    public async Task A_file_embedded_by_another_model_needs_that_embedder_and_the_error_names_it()
    {
        var (aligned, _) = await Judge.CreateLocal<bool>(SeedFeedback.Definition).AlignAsync(SeedFeedback.Alignment);
        var json = JudgeMemoryFile.Create(SeedFeedback.Definition, aligned.Memory).ToJson().Replace(LocalEmbeddingGenerator.ModelName, "all-MiniLM-L6-v2");
        var judge = new FileBackedHelpfulness(new ScriptedChatClient(), JudgeMemoryFile.Parse(json));

        var missing = await Assert.ThrowsAsync<InvalidOperationException>(() => judge.BuildPromptAsync(SeedFeedback.Test[0]));
        var wrong = Assert.Throws<ArgumentException>(() => judge.WithEmbedder(new LocalEmbeddingGenerator()));

        Assert.Contains("'all-MiniLM-L6-v2'", missing.Message);
        Assert.Contains("WithEmbedder", missing.Message);
        Assert.Contains("'all-MiniLM-L6-v2'", wrong.Message);
        Assert.Contains(aligned.Memory.Guidelines[0].Text, judge.Instructions); // guidelines need no embedder
    }

    public ValueTask DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(Path.GetDirectoryName(_store)))
        {
            Directory.Delete(Path.GetDirectoryName(_store)!, recursive: true);
        }

        return ValueTask.CompletedTask;
    }
}
