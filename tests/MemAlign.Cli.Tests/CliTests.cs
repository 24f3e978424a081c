using MemAlign.Storage;
using MemAlign.Sqlite;
using MemAlign.Testing;

namespace MemAlign.Cli.Tests;

public class CliTests
{
    private const string OfflineNotice = "No model configured (OPENAI_API_KEY / OPENAI_BASE_URL): using the local models";

    [Fact]
    public async Task Importing_a_file_twice_changes_nothing()
    {
        var cli = new CliRunner();

        var first = await cli.RunAsync("import", CliRunner.SampleTraces, "--json");
        var second = await cli.RunAsync("import", CliRunner.SampleTraces, "--json");

        Assert.Equal((0, 0), (first.ExitCode, second.ExitCode));
        Assert.Equal((10, 10, 0), ((int)first.Json["stored"]!, (int)first.Json["added"]!, (int)first.Json["updated"]!));
        Assert.Equal((10, 0, 10), ((int)second.Json["stored"]!, (int)second.Json["added"]!, (int)second.Json["updated"]!));
        Assert.Empty(first.Json["failed"]!.AsArray());
        await using var store = await SqliteMemAlignStore.OpenAsync(cli.Store);
        var traces = await store.SearchTracesAsync(IMemAlignStore.DefaultExperiment, TraceQuery.All).ToListAsync();
        Assert.Equal(10, traces.Count);
        Assert.All(traces, t => Assert.Single(t.Assessments));
        Assert.Equal("align", traces.Single(t => t.Id == "align-5").Tags["split"]);
    }

    [Fact]
    public async Task Bad_lines_are_reported_with_file_and_line_and_the_good_ones_imported()
    {
        var cli = new CliRunner();
        var file = Path.Combine(cli.Folder, "mixed.jsonl");
        await File.WriteAllTextAsync(file, string.Join('\n',
            """{"trace_id": "ok-1", "inputs": "q", "outputs": "a"}""",
            "this is not json",
            """{"inputs": "no id"}""",
            """{"trace_id": "ok-2", "inputs": {"question": "q"}, "outputs": "a", "assessments": [{"name": "helpfulness", "value": true, "source": {"type": "ROBOT", "id": "x"}}]}""",
            """{"trace_id": "ok-3", "inputs": "q", "outputs": "a", "assessments": [{"name": "helpfulness", "value": false, "rationale": "cold", "source": {"type": "HUMAN", "id": "e"}}]}"""));

        var result = await cli.RunAsync("import", file);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("mixed.jsonl:2: not valid JSON", result.Errors);
        Assert.Contains("mixed.jsonl:3: \"trace_id\" is missing", result.Errors);
        Assert.Contains("mixed.jsonl:4: source type 'ROBOT' is not HUMAN, LLM_JUDGE or CODE", result.Errors);
        Assert.Contains("2 trace(s) stored (2 new", result.Output);
        Assert.DoesNotContain("   at ", result.Errors); // no stack trace
    }

    [Fact]
    public async Task MLflow_trace_exports_are_imported_with_inputs_outputs_and_assessments()
    {
        var cli = new CliRunner();
        var file = Path.Combine(cli.Folder, "mlflow-trace.json");
        await File.WriteAllTextAsync(file, """
            {
              "info": {
                "trace_id": "tr-0123456789",
                "request_time": "2026-02-05T23:02:59Z",
                "tags": {"eval": "complete", "mlflow.user": "someone"},
                "assessments": [
                  {"assessment_id": "a-1", "assessment_name": "helpfulness", "feedback": {"value": false},
                   "rationale": "Cold.", "source": {"source_type": "HUMAN", "source_id": "human_expert"}, "create_time": "2026-02-05T23:03:00Z"},
                  {"assessment_id": "a-2", "assessment_name": "expected_response", "expectation": {"value": "Apologize first."},
                   "source": {"source_type": "HUMAN", "source_id": "human_expert"}}
                ]
              },
              "data": {
                "spans": [
                  {"name": "alignment_trace", "parent_span_id": null,
                   "attributes": {"mlflow.spanInputs": "{\"inputs\": \"I was charged twice!\"}", "mlflow.spanOutputs": "{\"outputs\": \"It will be refunded.\"}"}}
                ]
              }
            }
            """);

        var result = await cli.RunAsync("import", file, "--json");

        Assert.Equal(0, result.ExitCode);
        await using var store = await SqliteMemAlignStore.OpenAsync(cli.Store);
        var trace = (await store.GetTraceAsync(IMemAlignStore.DefaultExperiment, "tr-0123456789"))!;
        Assert.Equal("I was charged twice!", trace.Inputs!.Value.GetProperty("inputs").GetString());
        Assert.Equal("It will be refunded.", trace.Outputs!.Value.GetProperty("outputs").GetString());
        Assert.Equal("Apologize first.", trace.Expectations!.Value.GetString());
        Assert.Equal(new Dictionary<string, string> { ["eval"] = "complete" }, trace.Tags);
        var assessment = Assert.Single(trace.Assessments);
        Assert.Equal(("a-1", "helpfulness", FeedbackValue.FromBoolean(false), AssessmentSourceType.Human), (assessment.Id, assessment.Name, assessment.Value, assessment.Source.Type));
    }

    [Fact]
    public async Task Register_align_evaluate_report_unalign_and_forget_round_trip_offline()
    {
        var cli = new CliRunner();
        Assert.Equal(0, (await cli.RunAsync("import", CliRunner.SampleTraces)).ExitCode);

        var registered = await cli.RunAsync("judges", "register", "--assembly", CliRunner.SampleAssembly, "--json");
        Assert.Equal(0, registered.ExitCode);
        Assert.Equal(("helpfulness", 1), ((string)registered.Json["judges"]![0]!["name"]!, (int)registered.Json["judges"]![0]!["version"]!));

        var aligned = await cli.RunAsync("align", "--judge", "helpfulness", "--traces", "tag.split=align", "--json");
        Assert.Equal(0, aligned.ExitCode);
        Assert.Contains(OfflineNotice, aligned.Errors);
        Assert.Equal((2, 5), ((int)aligned.Json["version"]!, (int)aligned.Json["examples"]!));
        Assert.True((int)aligned.Json["guidelines"]! > 0);
        Assert.InRange((int)aligned.Json["guideline_tokens"]!, 1, 1_500);
        Assert.Equal(1_500, (int)aligned.Json["guideline_token_budget"]!);
        Assert.Empty(aligned.Json["guidelines_dropped_for_budget"]!.AsArray());

        var evaluated = await cli.RunAsync("evaluate", "--judge", "helpfulness", "--filter", "tag.split=test", "--json");
        Assert.Equal(0, evaluated.ExitCode);
        Assert.Equal((5, 0), ((int)evaluated.Json["completed"]!, (int)evaluated.Json["errors"]!));
        var run = (string)evaluated.Json["run"]!;

        var report = await cli.RunAsync("report", run, "--json");
        Assert.Equal(0, report.ExitCode);
        Assert.Equal(5, (int)report.Json["compared"]!);
        Assert.InRange((double)report.Json["accuracy"]!, 0, 1);

        var unaligned = await cli.RunAsync("unalign", "--judge", "helpfulness", "--trace", "align-5", "--json");
        Assert.Equal(0, unaligned.ExitCode);
        Assert.Equal((3, 4, 1), ((int)unaligned.Json["version"]!, (int)unaligned.Json["examples"]!, (int)unaligned.Json["examples_removed"]!));

        var forgot = await cli.RunAsync("forget", "--trace", "align-1", "--json");
        Assert.Equal(0, forgot.ExitCode);
        Assert.Equal(1, (int)forgot.Json["traces"]!);
        Assert.True((int)forgot.Json["examples"]! >= 2); // versions 2 and 3 both held align-1

        var shown = await cli.RunAsync("judges", "show", "helpfulness", "--json");
        Assert.DoesNotContain("align-1", shown.Output);
        var versions = await cli.RunAsync("judges", "versions", "helpfulness", "--json");
        Assert.Equal([1, 2, 3], versions.Json["versions"]!.AsArray().Select(v => (int)v!["version"]!));
        Assert.Equal(0, (await cli.RunAsync("judges", "delete", "helpfulness", "--version", "all")).ExitCode);
        Assert.Empty((await cli.RunAsync("judges", "list", "--json")).Json["judges"]!.AsArray());
    }

    [Fact]
    public async Task Evaluating_the_traces_a_judge_was_aligned_on_recalls_only_other_traces()
    {
        var cli = new CliRunner();
        Assert.Equal(0, (await cli.RunAsync("import", CliRunner.SampleTraces)).ExitCode);
        Assert.Equal(0, (await cli.RunAsync("judges", "register", "--assembly", CliRunner.SampleAssembly)).ExitCode);
        Assert.Equal(0, (await cli.RunAsync("align", "--judge", "helpfulness", "--traces", "tag.split=align")).ExitCode);

        var evaluated = await cli.RunAsync("evaluate", "--judge", "helpfulness", "--filter", "tag.split=align", "--json");

        Assert.Equal(0, evaluated.ExitCode);
        Assert.Equal((5, 0), ((int)evaluated.Json["completed"]!, (int)evaluated.Json["errors"]!));
        await using var store = await cli.OpenStoreAsync();
        var records = await store.GetEvaluationResultsAsync(cli.Experiment, (string)evaluated.Json["run"]!).ToListAsync();
        Assert.Equal(5, records.Count);
        Assert.All(records, r =>
        {
            Assert.StartsWith("align-", r.TraceId, StringComparison.Ordinal);
            Assert.DoesNotContain(r.TraceId, r.RetrievedExampleIds);
            Assert.Equal(4, r.RetrievedExampleIds.Count); // the four other aligned traces
        });
    }

    [TerminalFact]
    public async Task Evaluate_shows_a_progress_bar_on_a_terminal_and_plain_text_when_redirected()
    {
        var cli = new CliRunner();
        Assert.Equal(0, (await cli.RunAsync("import", CliRunner.SampleTraces)).ExitCode);
        Assert.Equal(0, (await cli.RunAsync("judges", "register", "--assembly", CliRunner.SampleAssembly)).ExitCode);
        Assert.Equal(0, (await cli.RunAsync("align", "--judge", "helpfulness", "--traces", "tag.split=align")).ExitCode);

        var onTerminal = await cli.RunInTerminalAsync("evaluate", "--judge", "helpfulness");
        Assert.True(onTerminal.ExitCode == 0, onTerminal.Output + onTerminal.Errors);
        Assert.Contains("\u2501", onTerminal.Output, StringComparison.Ordinal); // the bar's glyph
        Assert.Contains("\u001b[", onTerminal.Output, StringComparison.Ordinal); // drawn with terminal escapes
        Assert.Contains("Judging with helpfulness: 10 judged, 0 error(s)", onTerminal.Output);
        Assert.Contains("10 judged now (0 error(s))", onTerminal.Output);

        var redirected = await cli.RunAsync("evaluate", "--judge", "helpfulness");
        Assert.Equal(0, redirected.ExitCode);
        Assert.Contains("10 judged now (0 error(s))", redirected.Output);
        // Ordinal: a culture-aware search ignores control characters and would find ESC anywhere.
        Assert.DoesNotContain("\u001b", redirected.Output + redirected.Errors, StringComparison.Ordinal);
        Assert.DoesNotContain("\u2501", redirected.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_experiment_is_saved_as_a_run_and_reported_again_as_html_and_markdown()
    {
        var cli = new CliRunner();
        await cli.RunAsync("import", CliRunner.SampleTraces);
        await cli.RunAsync("judges", "register", "--assembly", CliRunner.SampleAssembly);

        var experiment = await cli.RunAsync("experiment", "--judge", "helpfulness", "--folds", "2", "--json");
        var run = (string)experiment.Json["run"]!;
        var html = Path.Combine(cli.Folder, "report.html");
        var markdown = Path.Combine(cli.Folder, "report.md");
        var report = await cli.RunAsync("report", run, "--html", html, "--markdown", markdown);

        Assert.Equal((0, 0), (experiment.ExitCode, report.ExitCode));
        Assert.Equal(2, (int)experiment.Json["folds"]!);
        Assert.Contains("baseline vs aligned, 2-fold cross-validation", report.Output);
        Assert.Contains("<svg", await File.ReadAllTextAsync(html));
        Assert.Contains("| accuracy |", await File.ReadAllTextAsync(markdown));
    }

    [Theory]
    [InlineData(new[] { "evaluate" }, "Option '--judge' is required")]
    [InlineData(new[] { "evaluate", "--judge", "nope" }, "No judge 'nope' is registered")]
    [InlineData(new[] { "evaluate", "--judge", "nope", "--filter", "color" }, "No judge 'nope' is registered")]
    [InlineData(new[] { "judges", "delete", "x", "--version", "latest" }, "--version must be a version number or 'all'")]
    [InlineData(new[] { "import", "missing.jsonl" }, "There is no file")]
    [InlineData(new[] { "report", "run-unknown" }, "There is no run 'run-unknown'")]
    [InlineData(new[] { "nonsense" }, "Unrecognized command or argument 'nonsense'")]
    public async Task Usage_and_configuration_errors_exit_with_2_and_say_what_to_fix(string[] arguments, string message)
    {
        var result = await new CliRunner().RunAsync(arguments);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(message, result.Errors);
        Assert.DoesNotContain("   at ", result.Errors);
    }

    [Fact]
    public async Task A_store_that_is_not_a_database_is_a_configuration_error_naming_it()
    {
        var cli = new CliRunner();
        await File.WriteAllTextAsync(cli.Store, "not a database at all, just text that is long enough........................................");

        var result = await cli.RunAsync("judges", "list");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(cli.Store, result.Errors);
        Assert.Contains("not a SQLite database", result.Errors);
        Assert.DoesNotContain("   at ", result.Errors);
    }

    [Fact]
    public async Task A_SQLite_connection_string_as_the_store_opens_its_file_and_a_broken_one_is_explained_without_echoing_it()
    {
        var cli = new CliRunner();
        var file = Path.Combine(cli.Folder, "named.db");

        var imported = await cli.RunAsync("import", CliRunner.SampleTraces, "--store", $"Data Source={file}");
        var empty = await cli.RunAsync("judges", "list", "--store", "Data Source=");
        var broken = await cli.RunAsync("judges", "list", "--store", "Data Source=x.db;Pasword=hunter2");

        Assert.True(imported.ExitCode == 0, imported.Errors);
        Assert.True(File.Exists(file));
        Assert.Empty(Directory.GetFiles(cli.Folder, "Data Source*"));
        Assert.Equal((2, 2), (empty.ExitCode, broken.ExitCode));
        Assert.Contains("SQLite connection string without a file", empty.Errors);
        Assert.Contains("looks like a SQLite connection string but is not one", broken.Errors);
        Assert.DoesNotContain("hunter2", broken.Errors + broken.Output);
    }
}
