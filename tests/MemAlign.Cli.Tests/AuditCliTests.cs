using System.Diagnostics;
using MemAlign.Testing;

namespace MemAlign.Cli.Tests;

/// <summary>What the second adversarial run of the tool broke (issue 21, part 2), through the built memalign.</summary>
public class AuditCliTests
{
    // Labelled traces tagged split (every tenth "test") and bucket (i % 7); "o0040" is the one test trace in bucket 5.
    private static IEnumerable<string> Tagged(int count) => Enumerable.Range(0, count).Select(i =>
        $$$"""{"trace_id": "o{{{i:D4}}}", "inputs": "order question {{{i}}} {{{(i % 2 == 0 ? "where is my parcel" : "refund now or else")}}}", "outputs": "{{{(i % 2 == 0 ? "It ships tomorrow, here is the tracking link." : "Not my problem.")}}}", """
        + $$$"""
            "tags": {"split": "{{{(i % 10 == 0 ? "test" : "train")}}}", "bucket": "{{{i % 7}}}"}, "assessments": [{"name": "helpfulness", "value": {{{(i % 2 == 0 ? "true" : "false")}}}, "rationale": "because of o{{{i:D4}}}", "source": {"type": "HUMAN", "id": "ann"}}]}
            """);

    private static async Task<CliRunner> RegisteredAsync(int traces, string backend = Backends.Sqlite)
    {
        var cli = new CliRunner(backend);
        Assert.Equal(0, (await cli.RunAsync("import", cli.WriteFile("traces.jsonl", Tagged(traces)))).ExitCode);
        Assert.Equal(0, (await cli.RunAsync("judges", "register", "--assembly", CliRunner.SampleAssembly)).ExitCode);
        return cli;
    }

    // 2.1: an align reads the traces; a forget lands while it aligns; the version it registers does not hold the forgotten trace.
    // The model holds the align's first distillation call until the forget has finished, so the forget lands mid-align every time.
    [Theory]
    [InlineData(Backends.Sqlite)]
    [PostgreSqlData]
    public async Task A_forget_that_lands_during_an_align_is_not_undone_by_the_version_it_registers(string backend)
    {
        var cli = await RegisteredAsync(2_000, backend);
        await using var model = await LoopbackOpenAIServer.StartAsync();
        using var aligning = new SemaphoreSlim(0);
        using var forgotten = new ManualResetEventSlim();
        model.Otherwise(_ =>
        {
            aligning.Release();
            forgotten.Wait(TimeSpan.FromMinutes(2));
            return ServerReply.Completion("""{"guidelines": [{"guideline_text": "Answer the question asked.", "source_trace_ids": ["o0000", "o0007"]}]}""");
        });
        cli.ExtraEnvironment["OPENAI_BASE_URL"] = model.BaseUrl.ToString();
        using var align = cli.Start("align", "--judge", "helpfulness", "--model", "openai:/loopback-model", "--json");
        var output = align.StandardOutput.ReadToEndAsync();
        var errors = align.StandardError.ReadToEndAsync();
        Assert.True(await aligning.WaitAsync(TimeSpan.FromMinutes(2)), "The align never asked the model to distil: " + (align.HasExited ? await errors : ""));

        var forgot = await cli.RunAsync("forget", "--trace", "o0007", "--json");
        forgotten.Set();
        await align.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(5));
        var aligned = System.Text.Json.Nodes.JsonNode.Parse(await output)!;

        Assert.True(forgot.ExitCode == 0, forgot.Errors);
        Assert.Equal(1, (int)forgot.Json["traces"]!);
        Assert.True(align.ExitCode == 0, await errors);
        // It learned from o0007 (read before the forget), and registered without it.
        Assert.Equal(2_000, (int)aligned["examples_added"]!);
        Assert.Equal(1_999, (int)aligned["examples"]!);
        Assert.Contains("Traces were forgotten while this ran: version 2 was registered without their 1 example(s)", await errors);
        var shown = await cli.RunAsync("judges", "show", "helpfulness", "--json");
        Assert.DoesNotContain("o0007", shown.Output);
        Assert.DoesNotContain("because of o0007", shown.Output);
    }

    // 2.2: every tag term of a filter holds, in either order.
    [Fact]
    public async Task A_filter_with_two_tag_terms_keeps_only_traces_with_both()
    {
        var cli = await RegisteredAsync(100);
        // Aligned, so that the local judge has examples to judge by (unaligned it has none and each verdict is an error).
        Assert.Equal(0, (await cli.RunAsync("align", "--judge", "helpfulness")).ExitCode);

        var both = await cli.RunAsync("evaluate", "--judge", "helpfulness", "--filter", "tag.split=test tag.bucket=5", "--json");
        var reversed = await cli.RunAsync("evaluate", "--judge", "helpfulness", "--filter", "tag.bucket=5,tag.split=test", "--json");
        var session = await cli.RunAsync("label", "create", "--name", "s", "--judge", "helpfulness", "--filter", "tag.bucket=5 tag.split=test", "--json");
        var none = await cli.RunAsync("evaluate", "--judge", "helpfulness", "--filter", "tag.split=test tag.split=train");

        Assert.True(both.ExitCode == 0, both.Errors);
        Assert.Equal((0, 1), (both.ExitCode, (int)both.Json["completed"]!));
        Assert.Equal((0, 1), (reversed.ExitCode, (int)reversed.Json["completed"]!));
        Assert.True(session.ExitCode == 0, session.Errors);
        Assert.Equal(1, (int)session.Json["traces"]!);
        Assert.Equal(2, none.ExitCode);
    }

    // 2.3: a deleted version's number is not given again, and a run on the deleted version does not resume on another.
    [Fact]
    public async Task A_run_on_a_deleted_version_does_not_resume_on_the_version_registered_after_it()
    {
        var cli = await RegisteredAsync(30);
        Assert.Equal(0, (await cli.RunAsync("align", "--judge", "helpfulness", "--traces", "tag.split=train")).ExitCode);
        var run = (string)(await cli.RunAsync("evaluate", "--judge", "helpfulness", "--filter", "limit=2", "--json")).Json["run"]!;
        Assert.Equal(0, (await cli.RunAsync("judges", "delete", "helpfulness", "--version", "2")).ExitCode);

        var realigned = await cli.RunAsync("align", "--judge", "helpfulness", "--traces", "tag.split=test", "--json");
        var resumed = await cli.RunAsync("evaluate", "--judge", "helpfulness", "--resume", run);

        Assert.Equal(3, (int)realigned.Json["version"]!);
        Assert.Equal(2, resumed.ExitCode);
        Assert.Contains($"Run '{run}' evaluated version 2 of 'helpfulness', which was deleted since", resumed.Errors);
        await using var store = await cli.OpenStoreAsync();
        Assert.Equal(2, await store.GetEvaluationResultsAsync(cli.Experiment, run).CountAsync());
    }

    // 2.6: ids that match nothing are named, the command fails, and no erasure guarantee is claimed for them; an empty id is refused.
    [Fact]
    public async Task Forgetting_ids_that_match_nothing_names_them_and_fails()
    {
        var cli = await RegisteredAsync(10);

        var typo = await cli.RunAsync("forget", "--trace", "o00001");
        var mixed = await cli.RunAsync("forget", "--trace", "o0001", " o0002", "--json");
        var empty = await cli.RunAsync("forget", "--trace", "");

        Assert.Equal(1, typo.ExitCode);
        Assert.Contains("1 id(s) matched nothing in experiment 'default', so nothing was forgotten for them: 'o00001'", typo.Errors);
        Assert.DoesNotContain("SQLite:", typo.Output); // no erasure guarantee for nothing
        Assert.Equal(1, mixed.ExitCode);
        Assert.Equal(1, (int)mixed.Json["traces"]!);
        Assert.Equal([" o0002"], mixed.Json["unmatched"]!.AsArray().Select(id => (string)id!));
        Assert.Equal(2, empty.ExitCode);
        Assert.Contains("A --trace id is empty", empty.Errors);
        await using var store = await cli.OpenStoreAsync();
        Assert.NotNull(await store.GetTraceAsync(cli.Experiment, "o0002"));
    }

    // 2.7: usage mistakes are usage errors (exit 2) with a plain message, not .NET's text.
    [Theory]
    [InlineData(new[] { "evaluate", "--judge", "helpfulness", "--concurrency", "0" }, "--concurrency is how many judge calls are in flight at once: at least 1, not 0.")]
    [InlineData(new[] { "judges", "list", "--experiment", "" }, "--experiment needs a name; leave it out to work in the experiment 'default'.")]
    [InlineData(new[] { "judges", "list", "--store", "Host=;Database=memalign;Username=memalign" }, "The PostgreSQL connection string names no server (Host is empty).")]
    [InlineData(new[] { "label", "serve", "--port", "70000" }, "--port 70000 is not a port: give one from 1 to 65535, or leave it out for any free one.")]
    [InlineData(new[] { "label", "serve", "--token", "aaaaaaaaaaaaaaaaaaaa" }, "--token is weak")]
    public async Task Usage_mistakes_exit_2_with_a_plain_message(string[] arguments, string message)
    {
        var cli = new CliRunner();

        var result = await cli.RunAsync(arguments);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(message, result.Errors);
        Assert.DoesNotContain("Exception", result.Errors);
        Assert.DoesNotContain("(Parameter", result.Errors);
    }

    // 2.8: evaluate on a filter that matches nothing fails and saves no run; a reversed window says so.
    [Fact]
    public async Task Evaluate_on_a_filter_that_matches_nothing_fails_and_saves_no_run()
    {
        var cli = await RegisteredAsync(10);

        var nothing = await cli.RunAsync("evaluate", "--judge", "helpfulness", "--filter", "tag.split=nope", "--json");
        var reversed = await cli.RunAsync("label", "create", "--name", "s", "--judge", "helpfulness", "--filter", "from=2026-02-01 to=2026-01-01");

        Assert.Equal(2, nothing.ExitCode);
        Assert.Contains("No stored trace matches --filter 'tag.split=nope' in experiment 'default': nothing to judge, so no run was saved.", nothing.Errors);
        Assert.Equal("usage", (string)nothing.Json["error"]!["code"]!);
        await using var store = await cli.OpenStoreAsync();
        Assert.Empty(await store.ListEvaluationRunsAsync(cli.Experiment));
        Assert.Equal(2, reversed.ExitCode);
        Assert.Contains("make an empty window (from= must come before to=", reversed.Errors);
        Assert.DoesNotContain("import traces first", reversed.Errors);
    }

    // 2.8: Ctrl+C (SIGINT) during an evaluation says it was cancelled and that what finished was saved.
    [Fact]
    public async Task Ctrl_C_during_an_evaluation_says_it_was_cancelled_and_what_finished_was_saved()
    {
        await using var model = await LoopbackOpenAIServer.StartAsync();
        model.Latency = TimeSpan.FromSeconds(30);
        var cli = await RegisteredAsync(10);
        cli.ExtraEnvironment["OPENAI_BASE_URL"] = model.BaseUrl.ToString();
        using var evaluation = cli.Start("evaluate", "--judge", "helpfulness", "--concurrency", "2");
        var output = evaluation.StandardOutput.ReadToEndAsync();
        var errors = evaluation.StandardError.ReadToEndAsync();
        var deadline = DateTime.UtcNow.AddMinutes(1);
        while (model.Requests.Count == 0)
        {
            Assert.True(DateTime.UtcNow < deadline && !evaluation.HasExited, "The evaluation never called the model: " + (evaluation.HasExited ? await errors : ""));
            await Task.Delay(50);
        }

        using (var kill = Process.Start("kill", ["-INT", evaluation.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        await evaluation.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Contains("cancelled; what finished was saved.", await errors);
        Assert.Equal(1, evaluation.ExitCode);
        _ = await output;
    }
}
