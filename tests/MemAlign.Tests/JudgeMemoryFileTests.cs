using System.Diagnostics;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;
using MemAlign.Sqlite;
using MemAlign.Storage;
using MemAlign.Tests.Storage;
using Xunit.Abstractions;

namespace MemAlign.Tests;

/// <summary>
/// The <c>*.memalign.json</c> format (memalign-judge-memory/2): canonical bytes, small diffs, errors at their
/// line and column, the published JSON Schema, forgetting, and the older format 1 still read.
/// </summary>
public sealed class JudgeMemoryFileTests(ITestOutputHelper output) : IAsyncDisposable
{
    private static readonly JudgeDefinition Quality = JudgeDefinition.Create("quality", "Rate {{ outputs }} for {{ inputs }} from 1 to 5.", FeedbackValueType.Integer(1, 5));

    private readonly string _store = StoreEnvironment.TempDatabase();

    [Fact]
    public async Task Re_exporting_an_unchanged_version_gives_the_same_bytes_in_the_canonical_layout()
    {
        var (aligned, _) = await Judge.CreateLocal<bool>(SeedFeedback.Definition).AlignAsync(SeedFeedback.Alignment);
        byte[] first;
        await using (var store = await SqliteMemAlignStore.OpenAsync(_store))
        {
            await store.RegisterJudgeAsync(IMemAlignStore.DefaultExperiment, aligned);
            var version = (await store.GetJudgeAsync(IMemAlignStore.DefaultExperiment, "helpfulness"))!;
            first = Encoding.UTF8.GetBytes(JudgeMemoryFile.Create(version.Definition, version.Memory, version.Info.Version).ToJson());
        }

        byte[] again;
        await using (var store = await SqliteMemAlignStore.OpenAsync(_store))
        {
            var version = (await store.GetJudgeAsync(IMemAlignStore.DefaultExperiment, "helpfulness"))!;
            var path = Path.Combine(Path.GetDirectoryName(_store)!, "judges", "helpfulness.memalign.json");
            await JudgeMemoryFile.Create(version.Definition, version.Memory, version.Info.Version).SaveAsync(path);
            again = await File.ReadAllBytesAsync(path);
        }

        var text = Encoding.UTF8.GetString(first);
        var reparsed = JudgeMemoryFile.Parse(text).ToJson();

        Assert.Equal(first, again);
        Assert.Equal(text, reparsed);
        Assert.Equal((byte)'{', first[0]); // no byte order mark
        Assert.DoesNotContain('\r', text);
        Assert.EndsWith("}\n", text);
        Assert.False(text.EndsWith("\n\n", StringComparison.Ordinal));
        var lines = text.Split('\n');
        Assert.Equal(
            ["{", "  \"format\": \"memalign-judge-memory/2\",", "  \"judge\": \"helpfulness\",", "  \"version\": 1,", "  \"aligned_for\": {",
             $"    \"rubric_sha256\": \"{JudgeMemoryFile.Create(SeedFeedback.Definition, JudgeMemory.Empty).RubricHash}\",", "    \"value\": {", "      \"kind\": \"boolean\""],
            lines[..8]);
        var order = new[] { "\"format\"", "\"judge\"", "\"version\"", "\"aligned_for\"", "\"embedding\"", "\"retrieval_k\"", "\"guidelines\"", "\"examples\"" }
            .Select(p => Array.FindIndex(lines, l => l.StartsWith("  " + p, StringComparison.Ordinal))).ToList();
        Assert.Equal(order.Order(), order);
        Assert.DoesNotContain(order, i => i < 0);
        Assert.DoesNotContain("vector", text);
        var traceIds = JsonNode.Parse(text)!["examples"]!.AsArray().Select(e => (string)e!["trace_id"]!).ToList();
        Assert.Equal(traceIds.Order(StringComparer.Ordinal), traceIds);
    }

    [Fact]
    public async Task Aligning_on_one_more_trace_changes_the_version_line_one_example_block_and_the_guidelines_that_trace_touched()
    {
        var (four, _) = await Judge.CreateLocal<bool>(SeedFeedback.Definition).AlignAsync(SeedFeedback.Alignment.Take(4));
        var (five, _) = await four.AlignAsync(SeedFeedback.Alignment);
        var before = JudgeMemoryFile.Create(SeedFeedback.Definition, four.Memory, 1).ToJson();
        var after = JudgeMemoryFile.Create(SeedFeedback.Definition, five.Memory, 2).ToJson();

        var diff = LineDiff.Compute(before, after);
        output.WriteLine(string.Join('\n', diff));

        // Where each file's guidelines end: changes above are in the version line or the guidelines.
        var beforeLines = before.Split('\n');
        var afterLines = after.Split('\n');
        var beforeExamples = Array.FindIndex(beforeLines, l => l.StartsWith("  \"examples\"", StringComparison.Ordinal));
        var afterExamples = Array.FindIndex(afterLines, l => l.StartsWith("  \"examples\"", StringComparison.Ordinal));
        var start = Array.FindIndex(afterLines, l => l == "      \"trace_id\": \"align-5\",") - 1;
        var end = Array.FindIndex(afterLines, start, l => l.StartsWith("    }", StringComparison.Ordinal));

        // In the examples, the diff is the new trace's block (as many lines as it has, all of them its own), and nothing is removed.
        var addedToExamples = diff.Where(c => c.Op == '+' && c.Index > afterExamples).ToList();
        Assert.DoesNotContain(diff, c => c.Op == '-' && c.Index > beforeExamples);
        Assert.Equal(end - start + 1, addedToExamples.Count);
        // (A diff may take the previous block's new "}," for this block's last "}": the comma moves.)
        Assert.All(addedToExamples, c => Assert.Contains(c.Text.TrimEnd(','), afterLines[start..(end + 1)].Select(l => l.TrimEnd(','))));

        // Above them: the version line, and the guidelines (a new one, or a source added to one) only.
        var above = diff.Where(c => c.Op == '+' ? c.Index < afterExamples : c.Index < beforeExamples).ToList();
        Assert.Contains(above, c => c.ToString() == "-  \"version\": 1,");
        Assert.Contains(above, c => c.ToString() == "+  \"version\": 2,");
        var firstGuideline = Array.FindIndex(afterLines, l => l.StartsWith("  \"guidelines\"", StringComparison.Ordinal));
        Assert.All(above.Where(c => !c.Text.StartsWith("  \"version\"", StringComparison.Ordinal)),
            c => Assert.True(c.Index > (c.Op == '+' ? firstGuideline : Array.FindIndex(beforeLines, l => l.StartsWith("  \"guidelines\"", StringComparison.Ordinal))), $"{c} is outside the guidelines"));
    }

    [Fact]
    public async Task Files_of_format_1_still_read_and_each_reader_names_the_other_for_the_other_format()
    {
        var (aligned, _) = await Judge.CreateLocal<bool>(SeedFeedback.Definition).AlignAsync(SeedFeedback.Alignment);
        using var v1 = new MemoryStream();
        await JudgeMemoryJson.WriteAsync(aligned.Memory, v1);
        var v1Text = Encoding.UTF8.GetString(v1.ToArray());
        v1.Position = 0;

        var read = await JudgeMemoryJson.ReadAsync(v1);
        var v2Refused = await Assert.ThrowsAsync<InvalidDataException>(() =>
            JudgeMemoryJson.ReadAsync(new MemoryStream(Encoding.UTF8.GetBytes(JudgeMemoryFile.Create(SeedFeedback.Definition, aligned.Memory).ToJson()))));
        var v1Refused = Assert.Throws<JudgeMemoryFileException>(() => JudgeMemoryFile.Parse(v1Text, "old.memalign.json"));

        Assert.Equal(aligned.Memory.Examples.Select(e => (e.Id, e.Vector.ToArray())), read.Examples.Select(e => (e.Id, e.Vector.ToArray())));
        Assert.Contains("JudgeMemoryFile.LoadAsync", v2Refused.Message);
        Assert.StartsWith("old.memalign.json(2,", v1Refused.Message);
        Assert.Contains("read it with JudgeMemoryJson", v1Refused.Message);
    }

    [Fact]
    public void Invalid_files_are_reported_at_the_line_and_column_of_the_offending_json()
    {
        var valid = JudgeMemoryFile.Create(Quality, Memory(("t1", 4), ("t2", 2))).ToJson();

        // Each case: the broken text, where the problem is (a marker found in it), and what the message says.
        var cases = new (string Text, string Marker, string Says)[]
        {
            (valid.Replace("\"value\": 4", "\"value\": 7"), "7,\n      \"rationale\"", "outside the scale 1..5"),
            (valid.Replace("memalign-judge-memory/2", "memalign-judge-memory/3"), "\"memalign-judge-memory/3\"", "unknown format version 'memalign-judge-memory/3'"),
            (valid.Replace("\"fingerprint\": \"fp-t2\"", "\"fingerprnt\": \"fp-t2\""), "\"fp-t2\"", "unknown property \"fingerprnt\""),
            (valid.Replace("\"retrieval_k\": 3", "\"retrieval_k\": 0"), "0,\n  \"guidelines\"", "at least 1"),
            (valid.Replace("\"kind\": \"integer\"", "\"kind\": \"integr\""), "\"integr\"", "unknown value kind 'integr'"),
        };
        foreach (var (text, marker, says) in cases)
        {
            var e = Assert.Throws<JudgeMemoryFileException>(() => JudgeMemoryFile.Parse(text, "judges/quality.memalign.json"));
            var (line, column) = Position(text, marker);
            Assert.True((line, column) == (e.Line, e.Column), $"{says}: expected ({line},{column}), got ({e.Line},{e.Column}): {e.Message}");
            Assert.StartsWith($"judges/quality.memalign.json({line},{column}): ", e.Message);
            Assert.Contains(says, e.Message);
        }

        // A JSON syntax error: the line and column System.Text.Json stopped at, counted from 1.
        var broken = valid.Replace("\"judge\": \"quality\",", "\"judge\": \"quality\"");
        var syntax = Assert.Throws<JudgeMemoryFileException>(() => JudgeMemoryFile.Parse(broken));
        Assert.Equal(Position(broken, "\"aligned_for\"").Line, syntax.Line);
        Assert.Contains("the JSON is not valid", syntax.Message);
        Assert.DoesNotContain("LineNumber", syntax.Message);
    }

    [Fact]
    public async Task Every_file_the_exporter_writes_validates_against_the_published_schema_and_a_broken_one_does_not()
    {
        var schema = JsonSchema.FromText(await File.ReadAllTextAsync(Path.Combine(Repository(), "docs", "schemas", "judge-memory.schema.json")));
        var (aligned, _) = await Judge.CreateLocal<bool>(SeedFeedback.Definition).AlignAsync(SeedFeedback.Alignment);
        var tone = JudgeDefinition.Create("tone", "Tone of {{ outputs }}?", FeedbackValueType.Categorical("warm", "neutral", "cold"));
        var score = JudgeDefinition.Create("score", "Score {{ outputs }} from 0 to 1.", FeedbackValueType.Number(0, 1));
        var files = new[]
        {
            JudgeMemoryFile.Create(SeedFeedback.Definition, aligned.Memory, 3, aligned.Memory.Examples.ToDictionary(e => e.Id, _ => "human_expert")),
            JudgeMemoryFile.Create(SeedFeedback.Definition, JudgeMemory.Empty),
            JudgeMemoryFile.Create(Quality, Memory(("t1", 4), ("t2", 2))),
            JudgeMemoryFile.Create(tone, Memory(("t1", "warm"), ("t2", "cold"))),
            JudgeMemoryFile.Create(score, Memory(("t1", 0.25), ("t2", 1.0))),
            JudgeMemoryFile.Create(JudgeDefinition.Create("depth", "Depth of {{ outputs }}?", FeedbackValueType.Integer(1, 3).WithNotApplicable(0)), Memory(("t1", 0), ("t2", 3))),
            JudgeMemoryFile.Create(Quality, new JudgeMemory([], [new EpisodicExample("a-t1", "t1", 4, null, new Dictionary<string, string> { ["inputs"] = "q" }, "inputs",
                new float[] { 1, 0 }, "fp", true, ["ana", "ben"], 3)], "test-embedder", 2, 3)),
        };

        foreach (var file in files)
        {
            using var document = JsonDocument.Parse(file.ToJson());
            var result = schema.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
            Assert.True(result.IsValid, $"{file.JudgeName}: " + string.Join("; ", (result.Details ?? []).Where(d => d.Errors is not null).SelectMany(d => d.Errors!.Select(x => $"{d.InstanceLocation}: {x.Value}"))));
        }

        var broken = JsonNode.Parse(files[2].ToJson())!;
        broken["examples"]![0]!.AsObject().Remove("fingerprint");
        broken["aligned_for"]!["value"]!["max"] = "five";
        using var brokenDocument = JsonDocument.Parse(broken.ToJsonString());
        Assert.False(schema.Evaluate(brokenDocument.RootElement).IsValid);
    }

    [Fact]
    public void Forgetting_a_trace_removes_its_examples_and_every_guideline_that_cites_it_and_marks_the_other_sources_for_redistillation()
    {
        var memory = Memory(("t1", 4), ("t2", 2), ("t3", 5)).With(guidelines:
        [
            new Guideline("Short answers score lower.", ["t1", "t2"]),
            new Guideline("Polite answers score higher.", ["t3"]),
            new Guideline("Written by a user."),
        ]);
        var file = JudgeMemoryFile.Create(Quality, memory);

        var forgotten = file.Forget(new HashSet<string>(["t1"], StringComparer.Ordinal));

        Assert.True(forgotten.Changed);
        Assert.Equal((1, 1, 2, 1), (forgotten.Examples, forgotten.GuidelinesDropped, forgotten.GuidelineSources, forgotten.ToRedistill));
        Assert.Equal(["Polite answers score higher.", "Written by a user."], forgotten.File.Guidelines.Select(g => g.Text));
        Assert.Equal([("t2", false), ("t3", true)], forgotten.File.Examples.Select(e => (e.TraceId, e.IsDistilled)));
        Assert.DoesNotContain("t1", forgotten.File.ToJson());
        Assert.False(file.Forget(new HashSet<string>(["nowhere"], StringComparer.Ordinal)).Changed);
    }

    [Fact]
    public async Task A_trace_several_experts_labelled_is_one_example_with_its_reviewers_and_weight_and_a_file_of_one_example_per_label_still_reads()
    {
        var embedder = new LocalEmbeddingGenerator(16);
        var fields = new Dictionary<string, string> { ["inputs"] = "q t1", ["outputs"] = "r" };
        var memory = new JudgeMemory([], [new EpisodicExample("a-t1", "t1", 4, "Clear.\n\nNames the order.", fields, "inputs", embedder.Embed("q t1"), "fp-t1", true, ["ana", "ben"], 2)],
            LocalEmbeddingGenerator.ModelName, 16, 3);

        // Written with both reviewers and the weight; read back equal, and written again byte for byte.
        var json = JudgeMemoryFile.Create(Quality, memory).ToJson();
        Assert.Contains("\"reviewers\": [\n        \"ana\",\n        \"ben\"\n      ],\n      \"weight\": 2,", json);
        var read = JudgeMemoryFile.Parse(json);
        var example = Assert.Single(read.Examples);
        Assert.Equal(["ana", "ben"], example.Reviewers);
        Assert.Equal((2, "Clear.\n\nNames the order.", 0), (example.Weight, example.Rationale, example.Vector.Length));
        Assert.Equal(json, read.ToJson());

        // A file written before one example per trace: one example per label, each with its "reviewer". It reads unchanged,
        // and the memory made from it holds the trace once.
        var old = json.Replace("\"reviewers\": [\n        \"ana\",\n        \"ben\"\n      ],\n      \"weight\": 2,", "\"reviewer\": \"ana\",");
        var block = old[old.IndexOf("    {\n      \"trace_id\"", StringComparison.Ordinal)..old.LastIndexOf("    }", StringComparison.Ordinal)];
        var second = block.Replace("\"id\": \"a-t1\"", "\"id\": \"b-t1\"").Replace("\"reviewer\": \"ana\"", "\"reviewer\": \"ben\"");
        old = old.Replace(block, block + "    },\n" + second);
        var legacy = JudgeMemoryFile.Parse(old);
        Assert.Equal([("a-t1", "ana"), ("b-t1", "ben")], legacy.Examples.Select(e => (e.Id, e.Reviewers.Single())));
        var loaded = Assert.Single((await legacy.ToMemoryAsync(embedder)).Examples);
        Assert.Equal(["ana", "ben"], loaded.Reviewers);
        Assert.Equal(("a-t1", 2, "Clear.\n\nNames the order."), (loaded.Id, loaded.Weight, loaded.Rationale)); // the same rationale once
    }

    [Fact]
    public async Task A_thousand_example_file_its_size_and_read_time_are_reported()
    {
        var embedder = new LocalEmbeddingGenerator();
        var examples = Enumerable.Range(0, 1000).Select(i =>
        {
            var inputs = $"Customer question {i}: my order #{10_000 + i} arrived late and the box was damaged; what can I do about a refund or a replacement?";
            var outputs = $"Reply {i}: I'm sorry about the delay and the damage. You can request a replacement or a refund from your order page; either is free.";
            return new EpisodicExample($"a-{i:D4}", $"trace-{i:D4}", i % 5 + 1, $"Rationale {i}: acknowledges the problem and offers a way out.",
                new Dictionary<string, string> { ["inputs"] = inputs, ["outputs"] = outputs }, "inputs", Normalized(embedder.Embed(inputs)), $"fp-{i}", true);
        }).ToList();
        var memory = new JudgeMemory([new Guideline("Acknowledge the problem before offering a remedy.", ["trace-0001", "trace-0002"])], examples,
            LocalEmbeddingGenerator.ModelName, LocalEmbeddingGenerator.DefaultDimensions, 5);
        var text = JudgeMemoryFile.Create(Quality, memory, 1).ToJson();

        var clock = Stopwatch.GetTimestamp();
        var parsed = JudgeMemoryFile.Parse(text);
        var parse = Stopwatch.GetElapsedTime(clock);
        clock = Stopwatch.GetTimestamp();
        var withVectors = await parsed.ToMemoryAsync(embedder);
        var vectors = Stopwatch.GetElapsedTime(clock);

        output.WriteLine($"1,000 examples: {Encoding.UTF8.GetByteCount(text):N0} bytes, {text.Count(c => c == '\n'):N0} lines; parse {parse.TotalMilliseconds:F0} ms; "
            + $"vectors at first use (local embedder) {vectors.TotalMilliseconds:F0} ms");
        Assert.Equal(1000, withVectors.Examples.Count);
        Assert.Equal(examples.Select(e => e.Vector.ToArray()), withVectors.Examples.OrderBy(e => e.Id, StringComparer.Ordinal).Select(e => e.Vector.ToArray()));
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

    private static JudgeMemory Memory(params (string Trace, FeedbackValue Value)[] examples)
    {
        var embedder = new LocalEmbeddingGenerator(16);
        return new JudgeMemory(
            [new Guideline("Be specific.", examples.Select(e => e.Trace))],
            examples.Select(e => new EpisodicExample("a-" + e.Trace, e.Trace, e.Value, "because", new Dictionary<string, string> { ["inputs"] = "q " + e.Trace, ["outputs"] = "r" },
                "inputs", embedder.Embed("q " + e.Trace), "fp-" + e.Trace, true)),
            LocalEmbeddingGenerator.ModelName, 16, 3);
    }

    // As alignment stores vectors: L2-normalised.
    private static float[] Normalized(float[] vector)
    {
        var norm = System.Numerics.Tensors.TensorPrimitives.Norm(vector);
        System.Numerics.Tensors.TensorPrimitives.Divide(vector, norm, vector);
        return vector;
    }

    // The 1-based line and column (in characters) of the first occurrence of marker.
    private static (int Line, int Column) Position(string text, string marker)
    {
        var index = text.IndexOf(marker, StringComparison.Ordinal);
        Assert.True(index >= 0, $"'{marker}' is not in the text");
        var lineStart = text.LastIndexOf('\n', Math.Max(index - 1, 0)) + 1;
        return (text[..index].Count(c => c == '\n') + 1, index - lineStart + 1);
    }

    private static string Repository()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Directory.Packages.props")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("The repository root was not found above " + AppContext.BaseDirectory);
    }
}
