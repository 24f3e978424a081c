namespace MemAlign.Cli.Tests;

/// <summary>
/// A judge declared with a "not applicable" value (issue 25, 3) in the tool: labels carry it, align learns from it,
/// evaluate and experiment report applicability apart from the scale's error with no flag, and a flag that
/// contradicts the declared value fails.
/// </summary>
public sealed class NotApplicableCliTests
{
    // 24 notebooks: theory requests the experts found not applicable (0), setup requests rated 1-3; registered with [Scale(1, 3, NotApplicable = 0)].
    private static async Task<CliRunner> PreparedAsync()
    {
        var cli = new CliRunner();
        var traces = Enumerable.Range(0, 24).Select(i => i % 3 == 0
            ? $$$"""{"trace_id": "t{{{i:D2}}}", "inputs": "Prove the convergence lemma {{{i}}} on paper", "outputs": "proof", "assessments": [{"name": "depth", "value": 0, "source": {"type": "HUMAN", "id": "ann"}}]}"""
            : $$$"""{"trace_id": "s{{{i:D2}}}", "inputs": "Install the package and train model {{{i}}}", "outputs": "pip install", "assessments": [{"name": "depth", "value": {{{1 + (i % 3)}}}, "source": {"type": "HUMAN", "id": "ann"}}]}""");
        await using (var store = await cli.OpenStoreAsync())
        {
            await store.RegisterJudgeAsync(cli.Experiment,
                JudgeDefinition.Create("depth", "How deep is {{ outputs }} for {{ inputs }}?", FeedbackValueType.Integer(1, 3).WithNotApplicable(0)), JudgeMemory.Empty);
        }

        var import = await cli.RunAsync("import", cli.WriteFile("traces.jsonl", traces));
        Assert.True(import.ExitCode == 0, import.Output + import.Errors);
        return cli;
    }

    [Fact]
    public async Task Experiment_uses_the_declared_value_reports_applicability_and_refuses_a_contradicting_flag()
    {
        var cli = await PreparedAsync();

        var experiment = await cli.RunAsync("experiment", "--judge", "depth", "--folds", "2", "--repeats", "1", "--json");
        var contradiction = await cli.RunAsync("experiment", "--judge", "depth", "--folds", "2", "--not-applicable", "-1");

        Assert.True(experiment.ExitCode is 0 or 1, experiment.Output + experiment.Errors);
        Assert.Equal((0.0, true, 8), ((double)experiment.Json["not_applicable"]!, (bool)experiment.Json["not_applicable_declared"]!, (int)experiment.Json["not_applicable_rows"]!));
        var names = experiment.Json["metrics"]!.AsArray().Select(m => (string)m!["name"]!).ToList();
        Assert.Equal(["applicability accuracy", "applicability kappa"], names[^2..]);
        Assert.Equal("MAE", names[0]);
        Assert.Equal(2, contradiction.ExitCode);
        Assert.Contains("Judge 'depth' declares 0 as its 'not applicable' value", contradiction.Errors);
    }

    [Fact]
    public async Task Evaluate_after_align_reports_applicability_with_its_majority_reference_in_json()
    {
        var cli = await PreparedAsync();
        var align = await cli.RunAsync("align", "--judge", "depth");
        Assert.True(align.ExitCode == 0, align.Output + align.Errors);

        var evaluate = await cli.RunAsync("evaluate", "--judge", "depth", "--json");

        Assert.True(evaluate.ExitCode is 0 or 1, evaluate.Output + evaluate.Errors);
        var applicability = evaluate.Json["applicability"]!;
        Assert.Equal((0.0, 24, 8), ((double)applicability["not_applicable"]!, (int)applicability["rows"]!, (int)applicability["human_not_applicable"]!));
        Assert.Equal(("applicable", 16.0 / 24), ((string)applicability["majority_label"]!, (double)applicability["majority_accuracy"]!));

        // Offline, each trace's own example is in memory: the local judge tells theory from setup.
        Assert.Equal(8, (int)applicability["judge_not_applicable"]!);
        Assert.Equal(1.0, (double)applicability["accuracy"]!);
        Assert.Equal(16, (int)applicability["scale_rows"]!);
        Assert.NotNull(evaluate.Json["intervals"]!["applicability_kappa"]);
    }
}
