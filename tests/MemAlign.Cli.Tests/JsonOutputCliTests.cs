using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;

namespace MemAlign.Cli.Tests;

/// <summary>
/// Every command's --json output (docs/json-output.md), on success and on an error: standard output is one JSON
/// document carrying the documented schema version and the command's name, with the command's fields (or the
/// error's code and message), and the exit code is the usual one (0 ok, 1 findings, 2 usage).
/// </summary>
public sealed class JsonOutputCliTests(PreparedStore prepared) : IClassFixture<PreparedStore>
{
    private static readonly int SchemaVersion = JsonOutputDoc.Load().Version;

    [Fact]
    public async Task Import()
    {
        var cli = new CliRunner();
        var bad = cli.WriteFile("bad.jsonl", ["""{"trace_id": "a", "inputs": "q", "outputs": "r"}""", "not json"]);

        var imported = Document(await cli.RunAsync("import", CliRunner.SampleTraces, "--json"), "import");
        var findings = Document(await cli.RunAsync("import", bad, "--json"), "import", exitCode: 1);
        var error = Error(await cli.RunAsync("import", "missing.jsonl", "--json"), "import", "There is no file");

        Assert.Equal((10, 10, 0), ((int)imported["stored"]!, (int)imported["added"]!, imported["failed"]!.AsArray().Count));
        Assert.Null(imported["failure"]);
        var failed = Assert.Single(findings["failed"]!.AsArray())!;
        Assert.Equal(("bad.jsonl", 2), ((string)failed["file"]!, (int)failed["line"]!));
        Assert.Equal(2, (int)error["exit_code"]!);
    }

    [Fact]
    public async Task Judges_list()
    {
        var listed = Document(await prepared.Copy().RunAsync("judges", "list", "--json"), "judges list");
        var notAStore = new CliRunner();
        await File.WriteAllTextAsync(notAStore.Store, "not a database at all, just text that is long enough to be read as one........");

        var error = Error(await notAStore.RunAsync("judges", "list", "--json"), "judges list", "not a SQLite database");

        var judge = Assert.Single(listed["judges"]!.AsArray())!;
        Assert.Equal(("helpfulness", 2, 1, "boolean"), ((string)judge["name"]!, (int)judge["version"]!, (int)judge["base_version"]!, (string)judge["value_type"]!));
        Assert.True(DateTimeOffset.TryParse((string)judge["created_at"]!, System.Globalization.CultureInfo.InvariantCulture, out _));
        Assert.Contains(notAStore.Store, (string)error["message"]!);
    }

    [Fact]
    public async Task Judges_show()
    {
        var cli = prepared.Copy();

        var shown = Document(await cli.RunAsync("judges", "show", "helpfulness", "--json"), "judges show");
        Error(await cli.RunAsync("judges", "show", "helpfulness", "--version", "9", "--json"), "judges show", "has no version 9");

        Assert.Equal(("helpfulness", 2, 5), ((string)shown["name"]!, (int)shown["version"]!, (int)shown["examples"]!));
        Assert.Contains("{{ outputs }}", (string)shown["instructions"]!);
        var guideline = shown["guidelines"]!.AsArray()[0]!;
        Assert.NotEmpty((string)guideline["text"]!);
        Assert.NotEmpty(guideline["sources"]!.AsArray());
        Assert.Equal("all-MiniLM-L6-v2", (string)shown["embedding_model"]!);
    }

    [Fact]
    public async Task Judges_versions()
    {
        var cli = prepared.Copy();

        var versions = Document(await cli.RunAsync("judges", "versions", "helpfulness", "--json"), "judges versions");
        Error(await cli.RunAsync("judges", "versions", "nope", "--json"), "judges versions", "No judge 'nope'");

        Assert.Equal("helpfulness", (string)versions["name"]!);
        Assert.Equal([1, 2], versions["versions"]!.AsArray().Select(v => (int)v!["version"]!));
    }

    [Fact]
    public async Task Judges_delete()
    {
        var cli = prepared.Copy();

        var deleted = Document(await cli.RunAsync("judges", "delete", "helpfulness", "--version", "1", "--json"), "judges delete");
        var none = Document(await cli.RunAsync("judges", "delete", "helpfulness", "--version", "1", "--json"), "judges delete", exitCode: 1);
        Error(await cli.RunAsync("judges", "delete", "helpfulness", "--version", "latest", "--json"), "judges delete", "--version must be a version number or 'all'");

        Assert.Equal(("helpfulness", 1), ((string)deleted["name"]!, (int)deleted["deleted"]!));
        Assert.Equal(0, (int)none["deleted"]!);
    }

    [Fact]
    public async Task Judges_register()
    {
        var cli = new CliRunner();

        var registered = Document(await cli.RunAsync("judges", "register", "--assembly", CliRunner.SampleAssembly, "--json"), "judges register");
        Error(await cli.RunAsync("judges", "register", "--assembly", "missing.dll", "--json"), "judges register", "There is no assembly");

        var judge = Assert.Single(registered["judges"]!.AsArray())!;
        Assert.Equal(("helpfulness", 1, "new"), ((string)judge["name"]!, (int)judge["version"]!, (string)judge["state"]!));
    }

    [Fact]
    public async Task Evaluate()
    {
        var cli = prepared.Copy();

        var evaluated = Document(await cli.RunAsync("evaluate", "--judge", "helpfulness", "--filter", "tag.split=test", "--json"), "evaluate");
        Error(await cli.RunAsync("evaluate", "--judge", "nope", "--json"), "evaluate", "No judge 'nope' is registered");

        Assert.Equal(("evaluation", "helpfulness", 2), ((string)evaluated["kind"]!, (string)evaluated["judge"]!, (int)evaluated["version"]!));
        Assert.Equal((5, 0, 0, 5), ((int)evaluated["completed"]!, (int)evaluated["completed_errors"]!, (int)evaluated["resumed"]!, (int)evaluated["compared"]!));
        Assert.InRange((double)evaluated["accuracy"]!, 0, 1);
        Assert.Null(evaluated["mean_absolute_error"]); // a pass/fail judge: the numeric figures are there, and null
        Assert.InRange((double)evaluated["accuracy"]!, (double)evaluated["intervals"]!["accuracy"]!["lower"]!, (double)evaluated["intervals"]!["accuracy"]!["upper"]!);
        Assert.Equal(2, evaluated["confusion_matrix"]!.AsArray().Count);
    }

    [Fact]
    public async Task Align()
    {
        var cli = prepared.Copy();

        var aligned = Document(await cli.RunAsync("align", "--judge", "helpfulness", "--json"), "align");
        var error = Error(await cli.RunAsync("align", "--judge", "helpfulness", "--ties", "sideways", "--json"), "align", "--ties 'sideways' is not recent or drop");

        Assert.Equal(("helpfulness", 3, 2, 10), ((string)aligned["judge"]!, (int)aligned["version"]!, (int)aligned["base_version"]!, (int)aligned["examples"]!));
        Assert.Equal(10, (int)aligned["label_resolution"]!["single_label"]!);
        Assert.Equal((0.667, false), ((double)aligned["human_agreement"]!["threshold"]!, (bool)aligned["human_agreement"]!["below_threshold"]!));
        Assert.Empty(aligned["failed_batches"]!.AsArray());
        Assert.Equal(2, (int)error["exit_code"]!);
    }

    [Fact]
    public async Task Unalign()
    {
        var cli = prepared.Copy();

        var unaligned = Document(await cli.RunAsync("unalign", "--judge", "helpfulness", "--trace", "align-5", "--json"), "unalign");
        Error(await cli.RunAsync("unalign", "--judge", "nope", "--trace", "align-5", "--json"), "unalign", "No judge 'nope' is registered");

        Assert.Equal((3, 4, 1), ((int)unaligned["version"]!, (int)unaligned["examples"]!, (int)unaligned["examples_removed"]!));
        Assert.Null(unaligned["human_agreement"]); // unalign checks no labels
    }

    [Fact]
    public async Task Forget()
    {
        var cli = prepared.Copy();

        var forgot = Document(await cli.RunAsync("forget", "--trace", "align-1", "--json"), "forget");
        Error(await cli.RunAsync("forget", "--json"), "forget", "Option '--trace' is required");

        Assert.Equal((1, 1), ((int)forgot["traces"]!, (int)forgot["examples"]!));
        Assert.Equal(1, (int)forgot["labeling_queue_items"]!); // week-1 queued every trace
        Assert.Contains("SQLite", (string)forgot["guarantee"]!);
    }

    [Fact]
    public async Task Experiment()
    {
        var cli = prepared.Copy();

        var experiment = Document(await cli.RunAsync("experiment", "--judge", "helpfulness", "--folds", "2", "--repeats", "1", "--json"), "experiment");
        Error(await cli.RunAsync("experiment", "--judge", "helpfulness", "--train-filter", "tag.split=align", "--json"), "experiment", "needs both --train-filter and --test-filter");
        // One expert labelled each trace: their agreement cannot be measured, and --require-human-agreement refuses (findings, exit 1).
        Error(await cli.RunAsync("experiment", "--judge", "helpfulness", "--require-human-agreement", "--json"), "experiment", "--require-human-agreement", "findings", 1);

        Assert.Equal(("experiment", "cross_validation", 2, 10), ((string)experiment["kind"]!, (string)experiment["design"]!, (int)experiment["folds"]!, (int)experiment["test_traces"]!));
        var accuracy = experiment["metrics"]![0]!;
        Assert.Equal("accuracy", (string)accuracy["name"]!);
        Assert.InRange((double)accuracy["aligned"]!["estimate"]!, (double)accuracy["aligned"]!["lower"]!, (double)accuracy["aligned"]!["upper"]!);
        Assert.Equal(2, experiment["fold_details"]!.AsArray().Count);
        Assert.Equal(0, (int)experiment["cost"]!["model_calls"]!);
        Assert.NotEmpty(experiment["findings"]!.AsArray());
    }

    [Fact]
    public async Task Report()
    {
        var cli = prepared.Copy();

        var evaluation = Document(await cli.RunAsync("report", prepared.EvaluationRun, "--json"), "report");
        var experiment = Document(await cli.RunAsync("report", prepared.ExperimentRun, "--json"), "report");
        Error(await cli.RunAsync("report", "run-unknown", "--json"), "report", "There is no run 'run-unknown'");

        Assert.Equal(("evaluation", prepared.EvaluationRun, 2, 5), ((string)evaluation["kind"]!, (string)evaluation["run"]!, (int)evaluation["version"]!, (int)evaluation["compared"]!));
        Assert.Equal(("experiment", prepared.ExperimentRun), ((string)experiment["kind"]!, (string)experiment["run"]!));
    }

    [Fact]
    public async Task Label_create()
    {
        var cli = prepared.Copy();

        var created = Document(await cli.RunAsync("label", "create", "--name", "week-2", "--judge", "helpfulness", "--order", "Random", "--json"), "label create");
        var error = Error(await cli.RunAsync("label", "create", "--name", "week-3", "--judge", "helpfulness", "--order", "alphabetical", "--json"), "label create",
            "--order 'alphabetical' is not uncertain, random or disagreement");

        Assert.Equal(("week-2", "helpfulness", 10, "random"), ((string)created["name"]!, (string)created["judge"]!, (int)created["traces"]!, (string)created["order"]!));
        Assert.Equal(10, created["first"]!.AsArray().Count);
        Assert.Equal(2, (int)error["exit_code"]!);
    }

    [Fact]
    public async Task Label_list()
    {
        var listed = Document(await prepared.Copy().RunAsync("label", "list", "--json"), "label list");
        var notAStore = new CliRunner();
        await File.WriteAllTextAsync(notAStore.Store, "not a database at all, just text that is long enough to be read as one........");

        Error(await notAStore.RunAsync("label", "list", "--json"), "label list", "not a SQLite database");

        var session = Assert.Single(listed["sessions"]!.AsArray())!;
        Assert.Equal(("week-1", "helpfulness", 10, "uncertain"), ((string)session["name"]!, (string)session["judge"]!, (int)session["traces"]!, (string)session["order"]!));
        Assert.Equal(["ann", "bob"], session["reviewers"]!.AsArray().Select(r => (string)r!));
    }

    [Fact]
    public async Task Label_status()
    {
        var cli = prepared.Copy();

        var status = Document(await cli.RunAsync("label", "status", "week-1", "--json"), "label status");
        Error(await cli.RunAsync("label", "status", "nope", "--json"), "label status", "There is no labeling session 'nope'");

        Assert.Equal(("week-1", "helpfulness", 10), ((string)status["name"]!, (string)status["judge"]!, (int)status["traces"]!));
        Assert.Equal("Krippendorff's alpha (nominal)", (string)status["agreement"]!["statistic"]!);
        Assert.Equal(["ann", "bob"], status["reviewers"]!.AsArray().Select(r => (string)r!["reviewer"]!));
        Assert.NotNull(status["judge_agreement"]!.AsArray());
    }

    [Fact]
    public async Task Label_serve()
    {
        var cli = prepared.Copy();

        using (var serve = cli.Start("label", "serve", "--session", "week-1", "--port", "0", "--json"))
        {
            JsonObject served;
            try
            {
                served = await FirstDocumentAsync(serve);
                using var interrupt = Process.Start("kill", ["-INT", serve.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
                await interrupt.WaitForExitAsync();
                Assert.True(serve.WaitForExit(15_000), "memalign label serve did not stop on SIGINT");
            }
            finally
            {
                if (!serve.HasExited)
                {
                    serve.Kill();
                }
            }

            Assert.Equal(SchemaVersion, (int)served["schema_version"]!);
            Assert.Equal(("label serve", "week-1"), ((string)served["command"]!, (string)served["session"]!));
            Assert.StartsWith("http://127.0.0.1:", (string)served["address"]!);
            Assert.Equal(["ann", "bob"], served["links"]!.AsArray().Select(l => (string)l!["reviewer"]!));
            Assert.All(served["links"]!.AsArray(), l => Assert.Contains("token=", (string)l!["url"]!));
        }

        Error(await cli.RunAsync("label", "serve", "--session", "nope", "--json"), "label serve", "There is no labeling session 'nope'");
    }

    [Fact]
    public async Task Label_simulate()
    {
        var cli = prepared.Copy();

        var simulated = Document(await cli.RunAsync("label", "simulate", "--judge", "helpfulness", "--step", "3", "--repeats", "1", "--order", "random", "--json"), "label simulate");
        Error(await cli.RunAsync("label", "simulate", "--judge", "helpfulness", "--order", "uncertain,disagreement", "--json"), "label simulate",
            "--order 'disagreement' is not uncertain or random");

        Assert.Equal(("helpfulness", "accuracy", 7, 3), ((string)simulated["judge"]!, (string)simulated["metric"]!, (int)simulated["pool"]!, (int)simulated["test"]!));
        var curve = Assert.Single(simulated["curves"]!.AsArray())!;
        Assert.Equal("random", (string)curve["order"]!);
        Assert.Equal([3, 6, 7], curve["points"]!.AsArray().Select(p => (int)p!["labels"]!));
    }

    [Fact]
    public async Task A_command_line_that_names_no_command_is_an_error_document_without_one()
    {
        var error = Error(await new CliRunner().RunAsync("nonsense", "--json"), null, "Unrecognized command or argument 'nonsense'");

        Assert.Equal("usage", (string)error["code"]!);
    }

    // The whole of standard output is one document of the documented version, from the command, with the expected exit code.
    private static JsonObject Document(CliResult result, string? command, int exitCode = 0)
    {
        Assert.True(result.ExitCode == exitCode, $"exit code {result.ExitCode}, not {exitCode}: {result.Errors}");
        var document = JsonNode.Parse(result.Output)!.AsObject();
        Assert.Equal(SchemaVersion, (int)document["schema_version"]!);
        Assert.Equal(command, (string?)document["command"]);
        return document;
    }

    // An error document: the envelope and the error alone, its message as standard error says it.
    private static JsonObject Error(CliResult result, string? command, string message, string code = "usage", int exitCode = 2)
    {
        var document = Document(result, command, exitCode);
        Assert.Equal(["schema_version", "command", "error"], document.Select(p => p.Key));
        var error = document["error"]!.AsObject();
        Assert.Equal((code, exitCode), ((string)error["code"]!, (int)error["exit_code"]!));
        Assert.Contains(message, (string)error["message"]!);
        Assert.Contains(message, result.Errors);
        return error;
    }

    // What a long-running command printed first: lines up to the document's closing brace.
    private static async Task<JsonObject> FirstDocumentAsync(Process process)
    {
        var text = new StringBuilder();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        while (await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
        {
            text.AppendLine(line);
            if (line == "}")
            {
                return JsonNode.Parse(text.ToString())!.AsObject();
            }
        }

        Assert.Fail($"no document: {text}{await process.StandardError.ReadToEndAsync()}");
        return null!;
    }
}
