using System.Text;
using System.Text.Json.Nodes;
using MemAlign.Evaluation;
using MemAlign.Storage;
using MemAlign.Testing;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace MemAlign.Cli.Tests;

/// <summary>
/// What align, register, evaluate, forget and report promise about the store (issue 14, items 7-11, 13, 15-17),
/// checked through the real executable on both backends where the backend matters.
/// </summary>
public class StoreGuaranteeCliTests
{
    private static string Labelled(string id, string inputs, string outputs, bool value, string split) =>
        $$$"""{"trace_id": "{{{id}}}", "inputs": "{{{inputs}}}", "outputs": "{{{outputs}}}", "tags": {"split": "{{{split}}}", "group": "{{{id[^1]}}}"}, """
        + $$$"""
            "assessments": [{"name": "helpfulness", "value": {{{(value ? "true" : "false")}}}, "rationale": "because of {{{id}}}", "source": {"type": "HUMAN", "id": "ann"}}]}
            """;

    [Theory]
    [InlineData(Backends.Sqlite)]
    [PostgreSqlData]
    public async Task Four_concurrent_aligns_each_build_on_the_others_and_the_latest_holds_every_example(string backend)
    {
        var cli = new CliRunner(backend);
        // Eight labelled traces in four groups; each align learns one group.
        var file = cli.WriteFile("groups.jsonl", Enumerable.Range(1, 8).Select(i =>
            Labelled($"g{i}-{(i - 1) % 4 + 1}", $"question {i}", i % 2 == 0 ? "Here is how." : "No.", i % 2 == 0, "align")));
        Assert.Equal(0, (await cli.RunAsync("import", file)).ExitCode);
        Assert.Equal(0, (await cli.RunAsync("judges", "register", "--assembly", CliRunner.SampleAssembly)).ExitCode);

        var aligns = await Task.WhenAll(Enumerable.Range(1, 4).Select(group => cli.RunAsync("align", "--judge", "helpfulness", "--traces", $"tag.group={group}", "--json")));

        Assert.All(aligns, a => Assert.True(a.ExitCode == 0, a.Errors));
        Assert.Equal([2, 3, 4, 5], aligns.Select(a => (int)a.Json["version"]!).Order());
        Assert.Equal([1, 2, 3, 4], aligns.Select(a => (int)a.Json["base_version"]!).Order()); // each on the one before: none on a stale base
        await using var store = await cli.OpenStoreAsync();
        var latest = (await store.GetJudgeAsync(cli.Experiment, "helpfulness"))!;
        Assert.Equal(5, latest.Info.Version);
        Assert.Equal(Enumerable.Range(1, 8).Select(i => $"g{i}-{(i - 1) % 4 + 1}").Order(), latest.Memory.Examples.Select(e => e.TraceId).Order());
    }

    [Fact]
    public async Task Registering_again_keeps_what_the_judge_learned_and_a_changed_rubric_says_so()
    {
        var cli = new CliRunner();
        var marker = Path.Combine(cli.Folder, "ran.txt");
        var v1 = JudgeAssembly.Helpfulness(cli.Folder, "JudgesV1", "Is {{ outputs }} a helpful answer to {{ inputs }}?", marker);
        await cli.RunAsync("import", CliRunner.SampleTraces);
        Assert.Equal("new", (string)(await cli.RunAsync("judges", "register", "--assembly", v1, "--json")).Json["judges"]![0]!["state"]!);
        Assert.Equal(0, (await cli.RunAsync("align", "--judge", "helpfulness", "--traces", "tag.split=align")).ExitCode);

        var again = await cli.RunAsync("judges", "register", "--assembly", v1, "--json");
        Assert.Equal(("unchanged", 2, 5), ((string)again.Json["judges"]![0]!["state"]!, (int)again.Json["judges"]![0]!["version"]!, (int)again.Json["judges"]![0]!["examples"]!));

        var v2 = JudgeAssembly.Helpfulness(cli.Folder, "JudgesV2", "Would a customer find {{ outputs }} helpful for {{ inputs }}?", marker);
        var changed = await cli.RunAsync("judges", "register", "--assembly", v2);
        Assert.Contains("it keeps the memory of version 2 (", changed.Output);
        Assert.Contains("which was aligned on the old rubric", changed.Output);
        await using (var store = await cli.OpenStoreAsync())
        {
            var latest = (await store.GetJudgeAsync(cli.Experiment, "helpfulness"))!;
            Assert.Equal((3, 5, "Would a customer"), (latest.Info.Version, latest.Memory.Examples.Count, latest.Definition.Instructions[..16]));
        }

        var numeric = JudgeAssembly.Helpfulness(cli.Folder, "JudgesV3", "Rate {{ outputs }} for {{ inputs }} from 1 to 5.", marker, valueType: "int");
        var refused = await cli.RunAsync("judges", "register", "--assembly", numeric);
        Assert.Equal(2, refused.ExitCode);
        Assert.Contains("--reset-memory", refused.Errors);
        var reset = await cli.RunAsync("judges", "register", "--assembly", numeric, "--reset-memory", "--json");
        Assert.Equal(("changed, memory reset", 4, 0), ((string)reset.Json["judges"]![0]!["state"]!, (int)reset.Json["judges"]![0]!["version"]!, (int)reset.Json["judges"]![0]!["examples"]!));
        Assert.False(File.Exists(marker), "registering ran the assembly's module initializer");
    }

    [Fact]
    public async Task Registering_an_assembly_reads_its_metadata_and_never_runs_its_code()
    {
        var cli = new CliRunner();
        var marker = Path.Combine(cli.Folder, "ran.txt");
        var assembly = JudgeAssembly.Helpfulness(cli.Folder, "Untrusted", "Is {{ outputs }} helpful?", marker);

        var result = await cli.RunAsync("judges", "register", "--assembly", assembly, "--json");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("helpfulness", (string)result.Json["judges"]![0]!["name"]!);
        Assert.False(File.Exists(marker), "registering ran the assembly's module initializer");
        // The initializer is real: loading the assembly the usual way runs it.
        var loaded = System.Reflection.Assembly.LoadFile(assembly);
        System.Runtime.CompilerServices.RuntimeHelpers.RunModuleConstructor(loaded.ManifestModule.ModuleHandle);
        Assert.True(File.Exists(marker));
    }

    [Fact]
    public async Task Resuming_an_evaluation_continues_with_its_own_judge_version_or_refuses()
    {
        var cli = new CliRunner();
        await AlignedSampleAsync(cli);
        var first = await cli.RunAsync("evaluate", "--judge", "helpfulness", "--filter", "tag.split=test limit=2", "--json");
        var run = (string)first.Json["run"]!;
        Assert.Equal(2, (int)first.Json["version"]!);
        await cli.RunAsync("unalign", "--judge", "helpfulness", "--trace", "align-1"); // version 3 is now the latest

        var resumed = await cli.RunAsync("evaluate", "--judge", "helpfulness", "--filter", "tag.split=test", "--resume", run, "--json");
        var otherVersion = await cli.RunAsync("evaluate", "--judge", "helpfulness", "--version", "3", "--resume", run);
        var otherJudge = await cli.RunAsync("evaluate", "--judge", "politeness", "--resume", run);

        Assert.Equal(0, resumed.ExitCode);
        Assert.Equal((2, 3, 2), ((int)resumed.Json["version"]!, (int)resumed.Json["completed"]!, (int)resumed.Json["resumed"]!));
        Assert.Equal(2, otherVersion.ExitCode);
        Assert.Contains($"Run '{run}' evaluated version 2 of 'helpfulness', not version 3", otherVersion.Errors);
        Assert.Equal(2, otherJudge.ExitCode);
        Assert.Contains("evaluated judge 'helpfulness', not 'politeness'", otherJudge.Errors);
        await using var store = await cli.OpenStoreAsync();
        Assert.Equal(5, await store.GetEvaluationResultsAsync(IMemAlignStore.DefaultExperiment, run).CountAsync());
    }

    [Theory]
    [InlineData(Backends.Sqlite)]
    [PostgreSqlData]
    public async Task Forgetting_a_trace_leaves_no_trace_of_it_in_any_table_and_marks_what_was_computed_from_it(string backend)
    {
        var cli = new CliRunner(backend);
        var canary = "canary" + Guid.NewGuid().ToString("N");
        var lines = new List<string> { Labelled($"{canary}-1", $"secret question {canary}", $"secret answer {canary}", true, "align") };
        // Fewer examples than the judge retrieves, so every verdict draws on the canary.
        lines.AddRange(Enumerable.Range(1, 3).Select(i => Labelled($"keep{canary[6..12]}-{i}", $"question {i}", i % 2 == 0 ? "Here is how." : "No.", i % 2 == 0, "align")));
        lines.AddRange(Enumerable.Range(1, 3).Select(i => Labelled($"probe{canary[6..12]}-{i}", $"probe question {i}", "Here is how.", true, "test")));
        await cli.RunAsync("import", cli.WriteFile("canary.jsonl", lines));
        await cli.RunAsync("judges", "register", "--assembly", CliRunner.SampleAssembly);
        Assert.Equal(0, (await cli.RunAsync("align", "--judge", "helpfulness", "--traces", "tag.split=align")).ExitCode);
        var evaluation = (string)(await cli.RunAsync("evaluate", "--judge", "helpfulness", "--filter", "tag.split=test", "--json")).Json["run"]!;
        var experiment = (string)(await cli.RunAsync("experiment", "--judge", "helpfulness", "--folds", "2", "--json")).Json["run"]!;
        Assert.Equal(0, (await cli.RunAsync("label", "create", "--name", "review", "--judge", "helpfulness")).ExitCode);
        Assert.Contains(await RowsMentioningAsync(cli, canary), row => row.StartsWith("label_session_items", StringComparison.Ordinal));
        Assert.NotEmpty(await RowsMentioningAsync(cli, canary)); // the canary is everywhere before

        var forgot = await cli.RunAsync("forget", "--trace", $"{canary}-1", "--json");

        Assert.Equal(0, forgot.ExitCode);
        Assert.Empty(await RowsMentioningAsync(cli, canary));
        Assert.Contains(backend == Backends.Sqlite ? "VACUUM rebuilt the file" : "NOT erased from the write-ahead log (pg_wal)", (string)forgot.Json["guarantee"]!);
        if (backend == Backends.Sqlite)
        {
            var bytes = Encoding.UTF8.GetBytes(canary);
            foreach (var file in Directory.GetFiles(cli.Folder, "store.db*"))
            {
                Assert.True((await File.ReadAllBytesAsync(file)).AsSpan().IndexOf(bytes) < 0, $"{Path.GetFileName(file)} still holds the canary");
            }
        }

        var evaluationReport = await cli.RunAsync("report", evaluation, "--json");
        Assert.True((int)evaluationReport.Json["redacted"]! >= 1);
        var experimentReport = await cli.RunAsync("report", experiment);
        Assert.Contains("1 trace(s) forgotten since", experimentReport.Errors);
    }

    [Theory]
    [InlineData(Backends.Sqlite)]
    [PostgreSqlData]
    public async Task A_store_written_at_schema_3_is_upgraded_by_the_first_writing_command_and_then_resumes_reports_and_forgets(string backend)
    {
        // The fixture the tool wrote at schema 3 (tests/MemAlign.Tests/Data/schema3/make-fixture.sh): fx-05 forgotten after an evaluate run, a short one and an experiment.
        await using var fixture = backend == Backends.PostgreSql ? await FixtureStore.PostgreSqlAsync(TestMachine.PostgreSqlConnection!) : null;
        var cli = new CliRunner(backend, fixture?.Setting);
        if (fixture is null)
        {
            File.Copy(Path.Combine(FixtureStore.Folder, "schema3", "store.db"), cli.Store);
        }

        // A writing command upgrades it; the queue in uncertain order reads the judge's latest evaluation run.
        var session = await cli.RunAsync("label", "create", "--name", "week-2", "--judge", "helpfulness", "--json");
        Assert.True(session.ExitCode == 0, session.Errors);
        Assert.Equal(13, (int)session.Json["traces"]!);
        Assert.Empty(await RowsMentioningAsync(cli, "[forgotten trace]")); // schema 3 put this mark in the report's folds: the upgrade dropped it with the trace
        string fullRun, shortRun, experiment;
        await using (var store = await cli.OpenStoreAsync())
        {
            var runs = await store.ListEvaluationRunsAsync(cli.Experiment);
            experiment = runs.Single(r => r.Kind == EvaluationRunKind.Experiment).Id;
            shortRun = (await store.GetLatestEvaluationRunAsync(cli.Experiment, "helpfulness"))!.Id;
            fullRun = runs.Single(r => r.Kind == EvaluationRunKind.Evaluation && r.Id != shortRun).Id;
        }

        var resumed = await cli.RunAsync("evaluate", "--judge", "helpfulness", "--filter", "tag.split=test", "--resume", shortRun, "--json");
        var evaluation = await cli.RunAsync("report", fullRun, "--json");
        var report = await cli.RunAsync("report", experiment, "--markdown", Path.Combine(cli.Folder, "experiment.md"));

        Assert.True(resumed.ExitCode == 0, resumed.Errors);
        Assert.Equal((2, 2, 4), ((int)resumed.Json["version"]!, (int)resumed.Json["resumed"]!, (int)resumed.Json["completed"]!));
        Assert.True(evaluation.ExitCode == 0, evaluation.Errors);
        Assert.Equal((13, 10, 0), ((int)evaluation.Json["results"]!, (int)evaluation.Json["redacted"]!, (int)evaluation.Json["forgotten_traces"]!));
        Assert.True(report.ExitCode == 0, report.Errors);
        Assert.Contains("computed with 1 trace(s) forgotten since", report.Errors);
        Assert.Contains("fx-13", await File.ReadAllTextAsync(Path.Combine(cli.Folder, "experiment.md"))); // the most disagreed trace, from its rows

        var forgot = await cli.RunAsync("forget", "--trace", "fx-03", "--json");

        Assert.True(forgot.ExitCode == 0, forgot.Errors);
        Assert.Equal(1, (int)forgot.Json["runs_marked"]!);
        Assert.Empty(await RowsMentioningAsync(cli, "fx-03"));
        Assert.Contains("computed with 2 trace(s) forgotten since", (await cli.RunAsync("report", experiment)).Errors);
    }

    [MountNamespaceFact]
    public async Task Commands_that_only_read_work_on_a_read_only_store_and_writing_ones_say_why_they_cannot()
    {
        var cli = new CliRunner();
        await AlignedSampleAsync(cli);
        var run = (string)(await cli.RunAsync("evaluate", "--judge", "helpfulness", "--filter", "tag.split=test", "--json")).Json["run"]!;
        string[] readOnly = [$"mount --bind {cli.Folder} {cli.Folder}", $"mount -o remount,bind,ro {cli.Folder}"];

        var list = await cli.RunMountedAsync(readOnly, "judges", "list", "--json");
        var report = await cli.RunMountedAsync(readOnly, "report", run, "--json");
        var import = await cli.RunMountedAsync(readOnly, "import", CliRunner.SampleTraces);

        Assert.True(list.ExitCode == 0, list.Errors);
        Assert.Equal("helpfulness", (string)list.Json["judges"]![0]!["name"]!);
        Assert.True(report.ExitCode == 0, report.Errors);
        Assert.Equal(5, (int)report.Json["compared"]!);
        Assert.Equal(2, import.ExitCode);
        Assert.Contains("cannot be opened for writing", import.Errors);
        Assert.Contains("commands that only read", import.Errors);
    }

    [Fact]
    public async Task An_evaluation_run_reports_to_html_and_markdown_files_and_evaluate_prints_its_agreement()
    {
        var cli = new CliRunner();
        await AlignedSampleAsync(cli);
        var evaluated = await cli.RunAsync("evaluate", "--judge", "helpfulness", "--filter", "tag.split=test");
        var run = System.Text.RegularExpressions.Regex.Match(evaluated.Output, @"^Run (\S+):", System.Text.RegularExpressions.RegexOptions.Multiline).Groups[1].Value;
        var html = Path.Combine(cli.Folder, "eval.html");
        var markdown = Path.Combine(cli.Folder, "eval.md");

        var report = await cli.RunAsync("report", run, "--html", html, "--markdown", markdown);

        Assert.Equal(0, evaluated.ExitCode);
        Assert.Equal(1, CountOf(evaluated.Errors + evaluated.Output, "No model configured")); // one offline notice
        Assert.Matches(@"\n  Accuracy \d\.\d{3} \(95% CI \d\.\d{3} to \d\.\d{3}\), Cohen's kappa", evaluated.Output);
        Assert.Contains("Reference: always answering the experts' most common label", evaluated.Output);
        Assert.Contains("\n  Offline: these verdicts come from the local judge", evaluated.Output);
        Assert.Contains($"\nFull report with every disagreement: memalign report {run} --html report.html\n", evaluated.Output);
        Assert.Equal(0, report.ExitCode);
        Assert.Contains($"HTML report: {html}", report.Output);
        var page = await File.ReadAllTextAsync(html);
        var text = await File.ReadAllTextAsync(markdown);
        Assert.Contains("<svg id=\"agreement-chart\"", page);
        Assert.Contains("majority label", page);
        Assert.Contains("Offline:", page);
        Assert.Contains("## Confusion matrix", text);
        Assert.Contains("95% CI", text);
    }

    // The sample's traces imported, its judge registered and aligned on the "align" split (version 2).
    private static async Task AlignedSampleAsync(CliRunner cli)
    {
        Assert.Equal(0, (await cli.RunAsync("import", CliRunner.SampleTraces)).ExitCode);
        Assert.Equal(0, (await cli.RunAsync("judges", "register", "--assembly", CliRunner.SampleAssembly)).ExitCode);
        Assert.Equal(0, (await cli.RunAsync("align", "--judge", "helpfulness", "--traces", "tag.split=align")).ExitCode);
    }

    private static int CountOf(string text, string part) => (text.Length - text.Replace(part, "", StringComparison.Ordinal).Length) / part.Length;

    // Every stored row, in every MemAlign table, that still holds the text.
    private static async Task<List<string>> RowsMentioningAsync(CliRunner cli, string text)
    {
        string[] tables = ["experiments", "traces", "trace_tags", "assessments", "assessment_history", "judges", "judge_guidelines", "judge_guideline_sources", "judge_examples", "eval_runs", "eval_results",
            "eval_result_examples", "experiment_reports", "experiment_fold_traces", "experiment_disagreed_traces", "label_sessions", "label_session_items"];
        var found = new List<string>();
        if (PostgreSqlMemAlignStoreSetting(cli) is { } connection)
        {
            await using var source = NpgsqlDataSource.Create(connection);
            foreach (var table in tables)
            {
                await using var command = source.CreateCommand($"SELECT row_to_json(t)::text FROM {table} t WHERE row_to_json(t)::text LIKE '%' || $1 || '%'");
                command.Parameters.AddWithValue(text);
                await using var reader = await command.ExecuteReaderAsync();
                while (await reader.ReadAsync())
                {
                    found.Add($"{table}: {reader.GetString(0)}");
                }
            }

            return found;
        }

        await using var sqlite = new SqliteConnection($"Data Source={cli.Store};Mode=ReadOnly;Pooling=False");
        await sqlite.OpenAsync();
        foreach (var table in tables)
        {
            await using var command = sqlite.CreateCommand();
            command.CommandText = $"SELECT * FROM {table}";
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    var value = reader.GetValue(i) switch { byte[] bytes => Encoding.UTF8.GetString(bytes), var other => Convert.ToString(other, System.Globalization.CultureInfo.InvariantCulture) };
                    if (value?.Contains(text, StringComparison.Ordinal) == true)
                    {
                        found.Add($"{table}.{reader.GetName(i)}: {value}");
                    }
                }
            }
        }

        return found;
    }

    private static string? PostgreSqlMemAlignStoreSetting(CliRunner cli) =>
        MemAlign.PostgreSql.PostgreSqlMemAlignStore.IsConnectionSetting(cli.StoreSetting) ? cli.StoreSetting : null;
}
