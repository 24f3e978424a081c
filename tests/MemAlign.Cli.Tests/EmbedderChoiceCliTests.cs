using MemAlign.Storage;

namespace MemAlign.Cli.Tests;

/// <summary>Which embedder the tool aligns with: MiniLM for a new memory, the memory's own for one that has examples.</summary>
public class EmbedderChoiceCliTests
{
    [Fact]
    public async Task Offline_a_new_memory_is_embedded_with_minilm_and_re_aligning_keeps_it()
    {
        var cli = new CliRunner();
        Assert.Equal(0, (await cli.RunAsync("import", CliRunner.SampleTraces)).ExitCode);
        Assert.Equal(0, (await cli.RunAsync("judges", "register", "--assembly", CliRunner.SampleAssembly)).ExitCode);

        var first = await cli.RunAsync("align", "--judge", "helpfulness", "--traces", "tag.split=align", "--json");
        var second = await cli.RunAsync("align", "--judge", "helpfulness", "--json");
        var shown = await cli.RunAsync("judges", "show", "helpfulness");

        Assert.True(first.ExitCode == 0, first.Output + first.Errors);
        Assert.True(second.ExitCode == 0, second.Output + second.Errors);
        Assert.Contains("all-MiniLM-L6-v2 embeddings", first.Errors);
        Assert.Equal((5, 10), ((int)first.Json["examples"]!, (int)second.Json["examples"]!));
        Assert.Contains("embedded by all-MiniLM-L6-v2 (384 dims)", shown.Output);
        await using var store = await cli.OpenStoreAsync();
        var latest = await store.GetJudgeAsync(cli.Experiment, "helpfulness");
        Assert.Equal(("all-MiniLM-L6-v2", 384, 10), (latest!.Memory.EmbeddingModelId, latest.Memory.EmbeddingDimensions, latest.Memory.Examples.Count));
        Assert.All(latest.Memory.Examples, e => Assert.Equal(384, e.Vector.Length));
    }

    [Fact]
    public async Task A_memory_embedded_by_the_hashed_embedder_keeps_it_through_align_and_evaluate()
    {
        var cli = new CliRunner();
        Assert.Equal(0, (await cli.RunAsync("import", CliRunner.SampleTraces)).ExitCode);
        var definition = JudgeDefinition.Create("helpfulness", "User query: {{ inputs }}\nAssistant response: {{ outputs }}", FeedbackValueType.Boolean);
        await using (var store = await cli.OpenStoreAsync())
        {
            // Aligned in code with the default optimizer, as before MiniLM: 512-dimensional hashed vectors.
            var traces = await store.SearchTracesAsync(cli.Experiment, new TraceQuery { Tag = new("split", "align") }).ToListAsync();
            Judge<bool> aligned = await Judge.CreateLocal<bool>(definition).AlignAsync(traces);
            await store.RegisterJudgeAsync(cli.Experiment, definition, aligned.Memory, null, null);
        }

        var realigned = await cli.RunAsync("align", "--judge", "helpfulness", "--json");
        var evaluated = await cli.RunAsync("evaluate", "--judge", "helpfulness", "--filter", "tag.split=test", "--json");

        Assert.True(realigned.ExitCode == 0, realigned.Output + realigned.Errors);
        Assert.Equal(10, (int)realigned.Json["examples"]!);
        Assert.True(evaluated.ExitCode == 0, evaluated.Output + evaluated.Errors);
        Assert.Equal((5, 0), ((int)evaluated.Json["completed"]!, (int)evaluated.Json["errors"]!));
        await using var reopened = await cli.OpenStoreAsync();
        var latest = await reopened.GetJudgeAsync(cli.Experiment, "helpfulness");
        Assert.Equal((LocalEmbeddingGenerator.ModelName, 512), (latest!.Memory.EmbeddingModelId, latest.Memory.EmbeddingDimensions));
    }
}
