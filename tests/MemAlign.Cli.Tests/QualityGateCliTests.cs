using MemAlign.Testing;

namespace MemAlign.Cli.Tests;

/// <summary>
/// <c>--fail-under</c>, <c>--gate lower-bound</c> and <c>--max-error-rate</c>: a CI step fails with exit code 3 and one line
/// saying why when agreement falls short or the judge errs, and passes otherwise.
/// </summary>
public sealed class QualityGateCliTests
{
    // Ten traces, eight labelled helpful and two not; the loopback model calls every one helpful (accuracy 0.8, kappa 0),
    // and answers an error for the traces named in failing.
    private static async Task<(CliRunner Cli, LoopbackOpenAIServer Model)> PrepareAsync(params string[] failing)
    {
        var model = await LoopbackOpenAIServer.StartAsync();
        model.Otherwise(request => failing.Any(id => request.ToJsonString().Contains($"question {id} ", StringComparison.Ordinal))
            ? ServerReply.Error(400, "the model refused this one")
            : ServerReply.Completion("""{"rationale": "answers the question", "result": true}"""));
        var cli = new CliRunner();
        cli.ExtraEnvironment["OPENAI_BASE_URL"] = model.BaseUrl.ToString();
        var traces = Enumerable.Range(0, 10).Select(i =>
            $$$"""{"trace_id": "g{{{i}}}", "inputs": "question q{{{i}}} about an order", "outputs": "an answer", "assessments": [{"name": "helpfulness", "value": {{{(i < 8 ? "true" : "false")}}}, "source": {"type": "HUMAN", "id": "ann"}}]}""");
        Assert.Equal(0, (await cli.RunAsync("import", cli.WriteFile("traces.jsonl", traces))).ExitCode);
        Assert.Equal(0, (await cli.RunAsync("judges", "register", "--assembly", CliRunner.SampleAssembly)).ExitCode);
        return (cli, model);
    }

    [Fact]
    public async Task A_figure_under_its_minimum_fails_with_exit_3_and_one_line_naming_it_and_a_figure_above_passes()
    {
        var (cli, model) = await PrepareAsync();
        await using var _ = model;

        var passed = await cli.RunAsync("evaluate", "--judge", "helpfulness", "--fail-under", "accuracy=0.75");
        var failed = await cli.RunAsync("evaluate", "--judge", "helpfulness", "--fail-under", "accuracy=0.75,kappa=0.2", "--json");

        Assert.True(passed.ExitCode == 0, passed.Output + passed.Errors);
        Assert.Contains("Quality gate passed: accuracy 0.800 >= 0.750, judge errors 0 of 10.", passed.Output, StringComparison.Ordinal);
        Assert.Equal(3, failed.ExitCode);
        var reason = Assert.Single(failed.Errors.Split('\n', StringSplitOptions.RemoveEmptyEntries), line => line.StartsWith("Quality gate", StringComparison.Ordinal));
        Assert.Equal("Quality gate failed: kappa 0.000 is under 0.200.", reason.TrimEnd());
        var gate = failed.Json["gate"]!;
        Assert.False((bool)gate["passed"]!);
        Assert.Equal("value", (string)gate["mode"]!);
        var checks = gate["checks"]!.AsArray().ToDictionary(c => (string)c!["metric"]!, c => ((double)c!["compared"]!, (bool)c!["passed"]!));
        Assert.Equal((0.8, true), (Math.Round(checks["accuracy"].Item1, 3), checks["accuracy"].Item2));
        Assert.Equal((0.0, false), (Math.Round(checks["kappa"].Item1, 3), checks["kappa"].Item2));
    }

    [Fact]
    public async Task With_gate_lower_bound_a_figure_above_its_minimum_on_too_few_traces_fails_on_its_interval()
    {
        var (cli, model) = await PrepareAsync();
        await using var _ = model;

        var byValue = await cli.RunAsync("evaluate", "--judge", "helpfulness", "--fail-under", "accuracy=0.7", "--json");
        var byBound = await cli.RunAsync("evaluate", "--judge", "helpfulness", "--fail-under", "accuracy=0.7", "--gate", "lower-bound", "--json");

        Assert.Equal(0, byValue.ExitCode);
        Assert.Equal(3, byBound.ExitCode);
        var check = byBound.Json["gate"]!["checks"]![0]!;
        var lower = (double)check["interval"]!["lower"]!;
        Assert.True(lower < 0.7, $"the bootstrap's lower bound on ten traces is {lower}");
        Assert.Equal(lower, (double)check["compared"]!);
        Assert.Equal("lower_bound", (string)byBound.Json["gate"]!["mode"]!);
        Assert.Contains($"Quality gate failed: 95% lower bound of accuracy {lower:0.000} is under 0.700 (accuracy 0.800).", byBound.Errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Judge_errors_fail_the_gate_unless_max_error_rate_allows_them()
    {
        var (cli, model) = await PrepareAsync("q3");
        await using var _ = model;

        var strict = await cli.RunAsync("evaluate", "--judge", "helpfulness", "--fail-under", "accuracy=0.5");
        var tolerant = await cli.RunAsync("evaluate", "--judge", "helpfulness", "--fail-under", "accuracy=0.5", "--max-error-rate", "0.2", "--json");

        Assert.Equal(3, strict.ExitCode);
        Assert.Contains("Quality gate failed: judge error rate 0.1 (1 of 10) is over --max-error-rate 0.", strict.Errors, StringComparison.Ordinal);
        Assert.True(tolerant.ExitCode == 0, tolerant.Output + tolerant.Errors);
        Assert.Equal((1, 10, true), ((int)tolerant.Json["gate"]!["errors"]!, (int)tolerant.Json["gate"]!["judged"]!, (bool)tolerant.Json["gate"]!["passed"]!));
    }

    [Fact]
    public async Task A_gate_the_report_cannot_hold_is_a_usage_error_before_any_judging()
    {
        var (cli, model) = await PrepareAsync();
        await using var _ = model;

        var malformed = await cli.RunAsync("evaluate", "--judge", "helpfulness", "--fail-under", "accuracy");
        var unknown = await cli.RunAsync("evaluate", "--judge", "helpfulness", "--fail-under", "mae=0.5");
        var outOfRange = await cli.RunAsync("evaluate", "--judge", "helpfulness", "--fail-under", "kappa=80");
        var otherKind = await cli.RunAsync("evaluate", "--judge", "helpfulness", "--fail-under", "exact=0.5");
        var rate = await cli.RunAsync("evaluate", "--judge", "helpfulness", "--fail-under", "kappa=0.5", "--max-error-rate", "5");
        var lonelyMode = await cli.RunAsync("evaluate", "--judge", "helpfulness", "--gate", "lower-bound");

        Assert.All(new[] { malformed, unknown, outOfRange, otherKind, rate, lonelyMode }, r => Assert.Equal(2, r.ExitCode));
        Assert.Contains("'accuracy' is not one. Names: accuracy", malformed.Errors, StringComparison.Ordinal);
        Assert.Contains("'mae=0.5' is not one", unknown.Errors, StringComparison.Ordinal);
        Assert.Contains("the minimum must be a number from -1 to 1", outOfRange.Errors, StringComparison.Ordinal);
        Assert.Contains("judge 'helpfulness' is pass/fail or categorical, so its report has no exact; gate it on accuracy or kappa", otherKind.Errors, StringComparison.Ordinal);
        Assert.Contains("--max-error-rate must be a share from 0 to 1", rate.Errors, StringComparison.Ordinal);
        Assert.Contains("give --fail-under too", lonelyMode.Errors, StringComparison.Ordinal);
        Assert.Empty(model.Requests); // nothing was judged
    }

    [Fact]
    public async Task An_experiment_gates_on_the_aligned_judges_figures_and_says_they_are_offline()
    {
        var cli = new CliRunner();
        await cli.RunAsync("import", CliRunner.SampleTraces);
        await cli.RunAsync("judges", "register", "--assembly", CliRunner.SampleAssembly);

        var passed = await cli.RunAsync("experiment", "--judge", "helpfulness", "--folds", "2", "--fail-under", "accuracy=0", "--json");
        var aligned = (double)passed.Json["metrics"]!.AsArray().Single(m => (string)m!["name"]! == "accuracy")!["aligned"]!["estimate"]!;
        var failed = await cli.RunAsync("experiment", "--judge", "helpfulness", "--folds", "2", "--fail-under", $"accuracy={Math.Min(1, aligned + 0.05):0.00}");
        var report = await cli.RunAsync("report", (string)passed.Json["run"]!, "--json");

        Assert.True(passed.ExitCode == 0, passed.Errors);
        Assert.Equal(aligned, (double)passed.Json["gate"]!["checks"]![0]!["value"]!);
        Assert.StartsWith("Quality gate passed (offline: the local judge's figures, not a model's)", (string)passed.Json["gate"]!["summary"]!, StringComparison.Ordinal);
        Assert.Equal(3, failed.ExitCode);
        Assert.Contains($"Quality gate failed (offline: the local judge's figures, not a model's): accuracy {aligned:0.000} is under", failed.Errors, StringComparison.Ordinal);
        Assert.Null(report.Json["gate"]); // a report is not gated
    }
}
