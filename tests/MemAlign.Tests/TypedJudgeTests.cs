using MemAlign.Sqlite;
using MemAlign.Storage;
using MemAlign.Testing;
using MemAlign.Tests.Storage;

namespace MemAlign.Tests;

/// <summary>A judge declared with attributes, as a user declares one: its rubric names outputs before inputs on purpose.</summary>
[Judge("helpfulness")]
[Rubric("""
    Assistant response: {{ outputs }}
    User query: {{ inputs }}
    Is the response helpful?
    """)]
public partial class DeclaredHelpfulness : Judge<bool>;

/// <summary>
/// The generated typed members (EvaluateAsync(inputs, outputs), JudgeName, the instance Name) on the judge
/// as declared, and on every copy of it: aligned, unaligned, with guidelines, loaded from the registry
/// and from a memory file. Each check runs user code compiled against the generated API.
/// </summary>
public sealed class TypedJudgeTests : IAsyncDisposable
{
    private readonly string _store = StoreEnvironment.TempDatabase();

    [Fact]
    public async Task Positional_arguments_reach_the_trace_field_their_parameter_names_whatever_the_rubrics_order()
    {
        var model = new ScriptedChatClient(fallback: _ => ScriptedChatClient.Response("""{"result": true, "rationale": "ok"}"""));
        var judge = new DeclaredHelpfulness(model);

        var verdict = await judge.EvaluateAsync("Where is my order?", "It ships tomorrow.");

        Assert.True(verdict.Value);
        var request = Assert.Single(model.Requests);
        Assert.Contains("Assistant response: <outputs>\nUser query: <inputs>", request.System);
        Assert.EndsWith("outputs: \"It ships tomorrow.\"\ninputs: \"Where is my order?\"", request.User);
        Assert.Equal("helpfulness", judge.Name);
        Assert.Equal(DeclaredHelpfulness.JudgeName, judge.Name);
    }

    [Fact]
    public async Task Every_copy_of_a_declared_judge_keeps_its_type_and_typed_EvaluateAsync()
    {
        var model = new ScriptedChatClient(fallback: _ => ScriptedChatClient.Response("""{"result": false, "rationale": "recorded"}"""));
        var declared = new DeclaredHelpfulness(model);

        DeclaredHelpfulness aligned = await declared.AlignAsync(SeedFeedback.Alignment);
        DeclaredHelpfulness guided = aligned.WithGuidelines("Prefer concise answers.");
        DeclaredHelpfulness unaligned = await guided.UnalignAsync(["align-5"]);

        await using var store = await SqliteMemAlignStore.OpenAsync(_store);
        await store.RegisterJudgeAsync(IMemAlignStore.DefaultExperiment, guided);
        var version = (await store.GetJudgeAsync(IMemAlignStore.DefaultExperiment, DeclaredHelpfulness.JudgeName))!;
        DeclaredHelpfulness fromRegistry = new DeclaredHelpfulness(model).WithDefinition(version.Definition)
            .WithMemory(version.Memory, new LocalEmbeddingGenerator(version.Memory.EmbeddingDimensions));

        var file = Path.ChangeExtension(_store, ".memory.json");
        await JudgeMemoryJson.SaveAsync(guided.Memory, file);
        DeclaredHelpfulness fromFile = new DeclaredHelpfulness(model).WithMemory(await JudgeMemoryJson.LoadAsync(file), new LocalEmbeddingGenerator());

        foreach (var (judge, examples, guidelines) in new[]
        {
            (aligned, 5, aligned.Memory.Guidelines.Count),
            (guided, 5, aligned.Memory.Guidelines.Count + 1),
            (unaligned, 4, unaligned.Memory.Guidelines.Count),
            (fromRegistry, 5, guided.Memory.Guidelines.Count),
            (fromFile, 5, guided.Memory.Guidelines.Count),
        })
        {
            var before = model.CallCount;
            var verdict = await judge.EvaluateAsync("Can you help me track my order?", "Figure it out yourself.");

            Assert.IsType<DeclaredHelpfulness>(judge);
            Assert.False(verdict.Value);
            Assert.Equal((examples, guidelines), (judge.Memory.Examples.Count, judge.Memory.Guidelines.Count));
            Assert.Contains("align-3", verdict.RetrievedExampleIds);
            Assert.Contains("Example Judgements", model.Requests[before].Messages[^1].Text);
        }

        Assert.Contains("Prefer concise answers.", fromFile.Instructions);
        Assert.Equal(guided.Instructions, fromRegistry.Instructions);
        Assert.Empty(declared.Memory.Examples);
    }

    [Fact]
    public async Task A_memory_file_round_trips_byte_for_byte_and_a_wrong_file_is_named_with_the_reason()
    {
        var (aligned, _) = await Judge.CreateLocal<bool>(SeedFeedback.Definition).AlignAsync(SeedFeedback.Alignment);
        var file = Path.ChangeExtension(_store, ".memory.json");
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);

        await JudgeMemoryJson.SaveAsync(aligned.Memory, file);
        var loaded = await JudgeMemoryJson.LoadAsync(file);
        var again = file + ".again";
        await JudgeMemoryJson.SaveAsync(loaded, again);

        Assert.Equal(await File.ReadAllBytesAsync(file), await File.ReadAllBytesAsync(again));
        Assert.Equal(aligned.Memory.Examples.Select(e => e.Vector.ToArray()), loaded.Examples.Select(e => e.Vector.ToArray()));
        await File.WriteAllTextAsync(again, """{"format": "something-else/1"}""");
        var e = await Assert.ThrowsAsync<InvalidDataException>(() => JudgeMemoryJson.LoadAsync(again));
        Assert.Contains(again, e.Message);
        Assert.Contains("\"format\" must be \"memalign-judge-memory/1\"", e.Message);
    }

    public ValueTask DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(Path.GetDirectoryName(_store)!, recursive: true);
        return ValueTask.CompletedTask;
    }
}
