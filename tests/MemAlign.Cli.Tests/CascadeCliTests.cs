using MemAlign.Testing;

namespace MemAlign.Cli.Tests;

/// <summary>
/// <c>memalign evaluate --cascade THRESHOLD</c> (the local judge first, the loopback model for the rest, each stored result
/// naming its stage) and <c>memalign experiment --cascade</c> (coverage against agreement, the chosen threshold and its
/// guarantee, in the console, --json and the HTML and Markdown reports).
/// </summary>
public sealed class CascadeCliTests
{
    // 30 traces on two topics: refund questions labelled helpful, weather questions not; aligned offline on all of them.
    private static async Task<CliRunner> AlignedAsync()
    {
        var cli = new CliRunner();
        var traces = Enumerable.Range(0, 30).Select(i => i % 2 == 0
            ? $$$"""{"trace_id": "r{{{i}}}", "inputs": "How do I get a refund for order {{{i}}}?", "outputs": "Open Orders, choose the order and press Refund.", "assessments": [{"name": "helpfulness", "value": true, "source": {"type": "HUMAN", "id": "ann"}}]}"""
            : $$$"""{"trace_id": "w{{{i}}}", "inputs": "What is the weather in town {{{i}}} today?", "outputs": "I cannot say.", "assessments": [{"name": "helpfulness", "value": false, "source": {"type": "HUMAN", "id": "ann"}}]}""");
        Assert.Equal(0, (await cli.RunAsync("import", cli.WriteFile("traces.jsonl", traces))).ExitCode);
        Assert.Equal(0, (await cli.RunAsync("judges", "register", "--assembly", CliRunner.SampleAssembly)).ExitCode);
        var align = await cli.RunAsync("align", "--judge", "helpfulness");
        Assert.True(align.ExitCode == 0, align.Output + align.Errors);
        return cli;
    }

    [Fact]
    public async Task Evaluate_with_a_cascade_calls_the_model_only_for_what_the_local_judge_leaves_and_stores_each_stage()
    {
        var cli = await AlignedAsync();
        await using var model = await LoopbackOpenAIServer.StartAsync();
        model.Otherwise(_ => ServerReply.Completion("""{"rationale": "the model", "result": true}"""));
        cli.ExtraEnvironment["OPENAI_BASE_URL"] = model.BaseUrl.ToString();

        var everything = await cli.RunAsync("evaluate", "--judge", "helpfulness", "--cascade", "0", "--json");
        var afterLocal = model.Requests.Count;
        var nothing = await cli.RunAsync("evaluate", "--judge", "helpfulness", "--cascade", "1", "--json");
        var afterModel = model.Requests.Count;
        var middle = await cli.RunAsync("evaluate", "--judge", "helpfulness", "--cascade", "0.7");

        Assert.True(everything.ExitCode == 0, everything.Output + everything.Errors);
        var all = everything.Json["cascade"]!;
        Assert.Equal((0.0, 30, 0, 30, 0), ((double)all["threshold"]!, (int)all["answered_locally"]!, (int)all["answered_by_model"]!, (int)all["model_calls_saved"]!, (int)all["unanswered"]!));
        Assert.Equal(0, afterLocal); // at 0 the local judge answered every trace: no request reached the model
        Assert.Contains("memalign-local-judge", everything.Json["models"]!.AsArray().Select(m => (string)m!));
        var none = nothing.Json["cascade"]!;
        Assert.Equal((0, 30), ((int)none["answered_locally"]!, (int)none["answered_by_model"]!)); // the local judge is never certain
        Assert.Equal(30, afterModel - afterLocal);
        Assert.Equal(0, middle.ExitCode);
        Assert.Matches(@"Cascade at threshold 0\.70: (\d+) answered by the local judge \(no model call\), (\d+) by the model; \1 model call\(s\) saved\.", middle.Output);
        var byMiddle = int.Parse(System.Text.RegularExpressions.Regex.Match(middle.Output, @"\), (\d+) by the model").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(byMiddle, model.Requests.Count - afterModel);

        // The store keeps the stage of each result.
        await using var store = await cli.OpenStoreAsync();
        var results = await store.GetEvaluationResultsAsync(cli.Experiment, (string)everything.Json["run"]!).ToListAsync();
        Assert.Equal(30, results.Count);
        Assert.All(results, r => Assert.Equal((CascadeStage.Local, "memalign-local-judge"), (r.AnsweredBy!.Value, r.Model!)));
        var modelResults = await store.GetEvaluationResultsAsync(cli.Experiment, (string)nothing.Json["run"]!).ToListAsync();
        Assert.All(modelResults, r => Assert.Equal(CascadeStage.Model, r.AnsweredBy));
    }

    [Fact]
    public async Task Evaluate_with_a_cascade_needs_a_model_and_a_threshold_from_0_to_1()
    {
        var cli = await AlignedAsync();

        var offline = await cli.RunAsync("evaluate", "--judge", "helpfulness", "--cascade", "0.8");
        var outOfRange = await cli.RunAsync("evaluate", "--judge", "helpfulness", "--cascade", "1.5");

        Assert.Equal(2, offline.ExitCode);
        Assert.Contains("--cascade sends the traces the local judge is unsure of to a model, and no model is configured", offline.Errors);
        Assert.Equal(2, outOfRange.ExitCode);
        Assert.Contains("--cascade is the confidence the local judge must reach to answer: from 0 to 1, not 1.5.", outOfRange.Errors);
    }

    [Fact]
    public async Task Experiment_with_a_cascade_reports_coverage_against_agreement_and_the_guarantee_in_every_format()
    {
        var cli = await AlignedAsync();
        var html = Path.Combine(cli.Folder, "report.html");
        var markdown = Path.Combine(cli.Folder, "report.md");

        var run = await cli.RunAsync("experiment", "--judge", "helpfulness", "--folds", "3", "--repeats", "1", "--cascade", "--target-agreement", "0.7", "--risk", "0.2",
            "--html", html, "--markdown", markdown, "--json");

        Assert.True(run.ExitCode == 0, run.Output + run.Errors);
        var cascade = run.Json["cascade"]!;
        Assert.Equal((0.7, 0.2, 30, true), ((double)cascade["target_agreement"]!, (double)cascade["risk"]!, (int)cascade["held_out"]!, (bool)cascade["offline"]!));
        Assert.Contains("majority class of the training labels", (string)cascade["model_stage"]!);
        Assert.Equal(5, (int)cascade["minimum_covered"]!); // 0.7^4 = 0.24 > 0.2 >= 0.7^5 = 0.17
        var points = cascade["points"]!.AsArray();
        Assert.Equal(100, points.Count);
        Assert.Equal(0.99, (double)points[0]!["threshold"]!);
        Assert.Equal(30, (int)points[^1]!["covered"]!); // at 0 the local judge answers every held-out trace
        var guarantee = (string)cascade["guarantee"]!;
        if (cascade["chosen_threshold"] is { } chosen)
        {
            var point = points.Single(p => (double)p!["threshold"]! == (double)chosen)!;
            Assert.Equal("passed", (string)point["outcome"]!);
            Assert.True((double)point["lower_bound"]! >= 0.7);
            Assert.StartsWith("Guarantee: with probability at least 80%", guarantee);
        }
        else
        {
            Assert.StartsWith("No guarantee", guarantee);
        }

        Assert.Contains(guarantee, run.Json["findings"]!.AsArray().Select(f => (string)f!));
        var page = await File.ReadAllTextAsync(html);
        Assert.Contains("id=\"cascade-curve\"", page);
        Assert.Contains("class=\"local\"", page);
        Assert.Contains("Offline, so no model calls are really saved", page);
        var text = await File.ReadAllTextAsync(markdown);
        Assert.Contains("## Local-first cascade", text);
        Assert.Contains("| Threshold | Answered locally (share) | Local agreement (95% CI) | 80% lower bound |", text);
    }

    [Fact]
    public async Task The_guarantee_options_without_cascade_are_a_usage_error()
    {
        var cli = new CliRunner();

        var run = await cli.RunAsync("experiment", "--judge", "helpfulness", "--risk", "0.05");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--target-agreement and --risk set the cascade's guarantee; add --cascade.", run.Errors);
    }
}
