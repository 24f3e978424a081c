using System.Globalization;
using System.Text;
using MemAlign.Storage;
using MemAlign.Testing;

namespace MemAlign.Cli.Tests;

/// <summary>'memalign import' loses nothing and replaces nothing without being asked (issue 14, items 1-6 and 12).</summary>
public class ImportCliTests
{
    private static string Line(string id, string outputs, params (string Expert, bool Value)[] labels) =>
        $$$"""{"trace_id": "{{{id}}}", "inputs": "question {{{id}}}", "outputs": "{{{outputs}}}", "assessments": [{{{string.Join(", ", labels.Select(Label))}}}]}""";

    private static string Label((string Expert, bool Value) label) =>
        $$$"""{"name": "helpfulness", "value": {{{(label.Value ? "true" : "false")}}}, "source": {"type": "HUMAN", "id": "{{{label.Expert}}}"}}""";

    [Fact]
    public async Task Repeated_trace_ids_in_one_file_are_reported_with_both_lines_and_counted_once()
    {
        var cli = new CliRunner();
        var file = cli.WriteFile("repeated.jsonl", [Line("a", "first"), Line("b", "b"), Line("a", "second"), Line("c", "c"), Line("a", "third")]);

        var result = await cli.RunAsync("import", file, "--json");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal((3, 3), ((int)result.Json["stored"]!, (int)result.Json["added"]!));
        var failed = result.Json["failed"]!.AsArray();
        Assert.Equal([3, 5], failed.Select(f => (int)f!["line"]!));
        Assert.Contains("is on lines 1 and 3", (string)failed[0]!["error"]!);
        Assert.Contains("is on lines 1 and 5", (string)failed[1]!["error"]!);
        await using var store = await cli.OpenStoreAsync();
        Assert.Equal("first", (await store.GetTraceAsync(cli.Experiment, "a"))!.Outputs!.Value.GetString());

        var text = await cli.RunAsync("import", file);
        Assert.Contains("repeated.jsonl:3: trace 'a' is on lines 1 and 3", text.Errors);
        Assert.Contains("3 trace(s) stored", text.Output);
    }

    [Theory]
    [InlineData("error")]
    [InlineData("skip")]
    [InlineData("replace")]
    public async Task Changed_content_under_a_stored_id_is_refused_kept_or_replaced_only_as_asked(string onConflict)
    {
        var cli = new CliRunner();
        Assert.Equal(0, (await cli.RunAsync("import", cli.WriteFile("v1.jsonl", [Line("t", "old answer", ("ann", true), ("bob", true)), Line("u", "same")]))).ExitCode);
        var changed = cli.WriteFile("v2.jsonl", [Line("t", "new answer", ("ann", false)), Line("u", "same")]);

        var result = await cli.RunAsync("import", changed, "--on-conflict", onConflict, "--json");

        await using var store = await cli.OpenStoreAsync();
        var trace = (await store.GetTraceAsync(cli.Experiment, "t"))!;
        var labels = trace.Assessments.ToDictionary(a => a.Source.Id);
        switch (onConflict)
        {
            case "error":
                Assert.Equal(1, result.ExitCode);
                var failure = Assert.Single(result.Json["failed"]!.AsArray());
                Assert.Equal((1, "t"), ((int)failure!["line"]!, (string)failure["trace"]!));
                Assert.Contains("--on-conflict replace", (string)failure["error"]!);
                Assert.Equal("old answer", trace.Outputs!.Value.GetString());
                Assert.Equal(FeedbackValue.FromBoolean(true), labels["ann"].Value);
                break;
            case "skip":
                Assert.Equal(0, result.ExitCode);
                Assert.Equal((1, 1), ((int)result.Json["skipped"]!, (int)result.Json["updated"]!));
                Assert.Equal("old answer", trace.Outputs!.Value.GetString());
                Assert.Equal(FeedbackValue.FromBoolean(true), labels["ann"].Value);
                break;
            default:
                Assert.Equal(0, result.ExitCode);
                Assert.Equal(1, (int)result.Json["replaced"]!);
                Assert.Equal("new answer", trace.Outputs!.Value.GetString());
                Assert.Equal(FeedbackValue.FromBoolean(false), labels["ann"].Value);
                Assert.False(labels["ann"].RatedOtherContentThan(trace));
                Assert.True(labels["bob"].RatedOtherContentThan(trace)); // bob rated the old answer, and it says so
                break;
        }
    }

    [Fact]
    public async Task Reimporting_labels_in_another_order_keeps_one_current_label_per_reviewer_with_history()
    {
        var cli = new CliRunner();
        await cli.RunAsync("import", cli.WriteFile("first.jsonl", [Line("t", "answer", ("ann", true), ("bob", false))]));

        var result = await cli.RunAsync("import", cli.WriteFile("second.jsonl", [Line("t", "answer", ("bob", false), ("ann", false))]), "--json");

        Assert.Equal(0, result.ExitCode);
        await using var store = await cli.OpenStoreAsync();
        var trace = (await store.GetTraceAsync(cli.Experiment, "t"))!;
        Assert.Equal(2, trace.Assessments.Count);
        Assert.Equal(FeedbackValue.FromBoolean(false), Assert.Single(trace.Assessments, a => a.Source.Id == "ann").Value);
        var history = await store.GetAssessmentHistoryAsync(cli.Experiment, "t");
        Assert.Contains(history, a => a.Source.Id == "ann" && a.Value == FeedbackValue.FromBoolean(true));
    }

    [Fact]
    public async Task Undecodable_text_repeated_keys_and_tags_that_are_not_an_object_are_line_errors()
    {
        var cli = new CliRunner();
        var path = Path.Combine(cli.Folder, "bad.jsonl");
        var bytes = new List<byte>();
        bytes.AddRange(Encoding.UTF8.GetBytes(Line("good-1", "fine") + "\n"));
        bytes.AddRange(Encoding.UTF8.GetBytes("""{"trace_id": "latin1", "inputs": "caf"""));
        bytes.AddRange([0xE9, 0x22, 0x7D, 0x0A]); // é in Latin-1: not UTF-8
        bytes.AddRange(Encoding.UTF8.GetBytes("""{"trace_id": "twice", "inputs": "one", "inputs": "two"}""" + "\n"));
        bytes.AddRange(Encoding.UTF8.GetBytes("""{"trace_id": "tags", "inputs": "q", "tags": ["split", "test"]}""" + "\n"));
        bytes.AddRange(Encoding.UTF8.GetBytes("""{"trace_id": "huge", "inputs": "q", "assessments": [{"name": "score", "value": 1e999, "source": {"type": "HUMAN", "id": "ann"}}]}""" + "\n"));
        bytes.AddRange(Encoding.UTF8.GetBytes(Line("good-2", "fine") + "\n"));
        await File.WriteAllBytesAsync(path, [.. bytes]);

        var result = await cli.RunAsync("import", path, "--json");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(2, (int)result.Json["stored"]!);
        var failed = result.Json["failed"]!.AsArray().ToDictionary(f => (int)f!["line"]!, f => (string)f!["error"]!);
        Assert.Equal([2, 3, 4, 5], failed.Keys.Order());
        Assert.Contains("UTF-8", failed[2]);
        Assert.Contains("Duplicate property 'inputs'", failed[3]);
        Assert.Contains("\"tags\"", failed[4]);
        Assert.Contains("must be a finite number, but 1e999 is too large", failed[5]);
        Assert.All(failed.Values, message => Assert.DoesNotContain('\n', message));
        Assert.Equal(4, result.Errors.Split('\n').Count(l => l.StartsWith("bad.jsonl:", StringComparison.Ordinal)));
        await using var store = await cli.OpenStoreAsync();
        Assert.Equal(["good-1", "good-2"], (await store.SearchTracesAsync(cli.Experiment, TraceQuery.All).ToListAsync()).Select(t => t.Id).Order());
    }

    [Theory]
    [InlineData("cr")]
    [InlineData("crlf")]
    [InlineData("array")]
    public async Task CR_only_and_CRLF_line_endings_and_a_JSON_array_are_read_as_documented(string format)
    {
        var cli = new CliRunner();
        string[] lines = [Line("a", "x"), "not json", Line("b", "y")];
        var file = format switch
        {
            "cr" => cli.WriteFile("cr.jsonl", lines, "\r"),
            "crlf" => cli.WriteFile("crlf.jsonl", lines, "\r\n"),
            _ => cli.WriteFile("array.json", ["[", lines[0] + ",", Line("b", "y"), "]"]),
        };

        var result = await cli.RunAsync("import", file, "--json");

        Assert.Equal(2, (int)result.Json["stored"]!);
        if (format == "array")
        {
            Assert.Equal(0, result.ExitCode);
        }
        else
        {
            Assert.Equal(1, result.ExitCode); // line 2 is not JSON, and it is line 2 whatever ends the lines
            Assert.Equal(2, (int)Assert.Single(result.Json["failed"]!.AsArray())!["line"]!);
        }
    }

    [Theory]
    [InlineData(Backends.Sqlite)]
    [PostgreSqlData]
    public async Task A_NUL_character_fails_only_its_own_line_on_every_backend(string backend)
    {
        var cli = new CliRunner(backend);
        var file = cli.WriteFile("nul.jsonl", [Line("before", "ok"), """{"trace_id": "nul", "inputs": "a\u0000b", "outputs": "x"}""", Line("after", "ok")]);

        var result = await cli.RunAsync("import", file, "--json");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(2, (int)result.Json["stored"]!);
        var failure = Assert.Single(result.Json["failed"]!.AsArray());
        Assert.Equal((2, "nul"), ((int)failure!["line"]!, (string)failure["trace"]!));
        Assert.Contains("NUL", (string)failure["error"]!);
        await using var store = await cli.OpenStoreAsync();
        Assert.Equal(["after", "before"], (await store.SearchTracesAsync(cli.Experiment, TraceQuery.All).ToListAsync()).Select(t => t.Id).Order());
    }

    [Fact]
    public async Task Labels_a_registered_judge_cannot_take_are_line_errors_naming_the_judge()
    {
        var cli = new CliRunner();
        Assert.Equal(0, (await cli.RunAsync("judges", "register", "--assembly", CliRunner.SampleAssembly)).ExitCode);
        var file = cli.WriteFile("labels.jsonl", [
            Line("ok", "fine", ("ann", true)),
            """{"trace_id": "seven", "inputs": "q", "outputs": "a", "assessments": [{"name": "helpfulness", "value": 7, "source": {"type": "HUMAN", "id": "ann"}}]}""",
            """{"trace_id": "word", "inputs": "q", "outputs": "a", "assessments": [{"name": "Helpfulness ", "value": "maybe", "source": {"type": "HUMAN", "id": "ann"}}]}""",
        ]);

        var result = await cli.RunAsync("import", file);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("labels.jsonl:2: the HUMAN label 'helpfulness' by 'ann' has the value 7, which judge 'helpfulness' does not take", result.Errors);
        Assert.Contains("labels.jsonl:3:", result.Errors);
        Assert.Contains("1 trace(s) stored", result.Output);
    }

    [Fact]
    public async Task Align_lists_every_label_it_cannot_use_with_the_true_reason()
    {
        var cli = new CliRunner();
        // Imported before the judge exists, so nothing checks them at import.
        await cli.RunAsync("import", cli.WriteFile("labels.jsonl", [
            Line("good-1", "thanks, here is how", ("ann", true)),
            Line("good-2", "go away", ("ann", false)),
            """{"trace_id": "seven", "inputs": "q", "outputs": "a", "assessments": [{"name": "helpfulness", "value": 7, "source": {"type": "HUMAN", "id": "ann"}}]}""",
        ]));
        await cli.RunAsync("judges", "register", "--assembly", CliRunner.SampleAssembly);

        var result = await cli.RunAsync("align", "--judge", "helpfulness", "--json");

        Assert.Equal(2, (int)result.Json["examples"]!);
        var discarded = Assert.Single(result.Json["discarded"]!.AsArray());
        Assert.Equal("seven", (string)discarded!["trace"]!);
        Assert.Contains("its value 7 is not", (string)discarded["reason"]!);
        var skipped = Assert.Single(result.Json["skipped"]!.AsArray());
        Assert.Contains("none of its 1 human label(s) named 'helpfulness' could be used", (string)skipped!["reason"]!);
        Assert.DoesNotContain("no human feedback named", result.Output);
        var text = await cli.RunAsync("align", "--judge", "helpfulness");
        Assert.Contains("on trace seven not used: its value 7 is not", text.Output);
    }

    [MountNamespaceFact]
    public async Task A_full_disk_stops_the_import_saying_what_was_stored_and_how_to_continue()
    {
        var cli = new CliRunner();
        var disk = Path.Combine(cli.Folder, "disk");
        Directory.CreateDirectory(disk);
        var store = Path.Combine(disk, "store.db");
        // Each trace carries ~1 KiB, so 30,000 of them cannot fit in 12 MiB: the disk fills part-way, after the first batch or more.
        var padding = new string('x', 1_000);
        var file = cli.WriteFile("many.jsonl", Enumerable.Range(1, 30_000).Select(i => Line($"t{i:D5}", padding)));

        var result = await cli.RunMountedAsync([$"mount -t tmpfs -o size=12m tmpfs {disk}"], "import", file, "--store", store, "--json");

        Assert.Equal(1, result.ExitCode);
        var stored = (int)result.Json["stored"]!;
        Assert.InRange(stored, 1_000, 26_000);
        Assert.Equal(1_000, stored % 5_000); // whole batches: the first of 1,000, then 5,000 each
        Assert.Equal(stored, (int)result.Json["stored_through_line"]!); // whole batches, in file order
        Assert.Contains("full", (string)result.Json["failure"]!, StringComparison.OrdinalIgnoreCase);
        var count = stored.ToString("N0", CultureInfo.InvariantCulture);
        Assert.Contains($"the store failed after {count} trace(s) were stored (through line {count})", result.Errors);
        Assert.Contains("run the same import again", result.Errors);
    }
}
