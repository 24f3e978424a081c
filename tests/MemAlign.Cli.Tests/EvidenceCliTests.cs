namespace MemAlign.Cli.Tests;

/// <summary>'experiment' and 'align' with several experts' labels: train/test, references, the human-agreement check and the label rule (issue 15).</summary>
public class EvidenceCliTests
{
    // Two experts who agree on the first `agreed` traces and disagree on the rest.
    private static IEnumerable<string> TwoExperts(int count, int agreed) => Enumerable.Range(0, count).Select(i =>
    {
        var helpful = i % 2 == 0;
        var other = i < agreed ? helpful : !helpful;
        return $$$"""{"trace_id": "e{{{i:D2}}}", "inputs": "question {{{i}}} {{{(helpful ? "polite" : "angry")}}}", "outputs": "{{{(helpful ? "Happy to help." : "Whatever.")}}}", "tags": {"split": "{{{(i % 3 == 0 ? "test" : "dev")}}}"}, "assessments": ["""
            + $$$"""{"name": "helpfulness", "value": {{{(helpful ? "true" : "false")}}}, "rationale": "ann says so", "source": {"type": "HUMAN", "id": "ann"}}, """
            + $$$"""{"name": "helpfulness", "value": {{{(other ? "true" : "false")}}}, "rationale": "bob says so", "source": {"type": "HUMAN", "id": "bob"}}]}""";
    });

    [Fact]
    public async Task A_train_test_experiment_names_both_sets_and_reports_the_majority_and_human_references()
    {
        var cli = new CliRunner();
        await cli.RunAsync("import", cli.WriteFile("experts.jsonl", TwoExperts(30, 30)));
        await cli.RunAsync("judges", "register", "--assembly", CliRunner.SampleAssembly);

        var result = await cli.RunAsync("experiment", "--judge", "helpfulness", "--train-filter", "tag.split=dev", "--test-filter", "tag.split=test", "--repeats", "2", "--json");
        var text = await cli.RunAsync("report", (string)result.Json["run"]!);

        Assert.True(result.ExitCode == 0, result.Errors);
        Assert.Equal(("train_test", 20, 10), ((string)result.Json["design"]!, (int)result.Json["train_traces"]!, (int)result.Json["test_traces"]!));
        Assert.Equal(("tag.split=dev", "tag.split=test"), ((string)result.Json["train_set"]!, (string)result.Json["test_set"]!));
        Assert.Equal(1.0, (double)result.Json["human_agreement"]!["value"]!, 12); // the experts agree on every trace
        Assert.StartsWith("the majority class of the training labels", (string)result.Json["baseline"]!);
        Assert.Contains("helpfulness: baseline vs aligned, train/test: aligned on tag.split=dev (20 labelled traces), scored on tag.split=test (10 labelled traces)", text.Output);
        Assert.Contains("* Offline:", text.Output);
        Assert.Contains("* Majority reference: always answering", text.Output);
        Assert.Contains("* Human-human agreement: Cohen's kappa (mean over pairs of experts) 1.000", text.Output);
        Assert.Contains("Human agreement for 'helpfulness': Krippendorff's alpha (nominal) 1.000", result.Errors);

        var mixed = await cli.RunAsync("experiment", "--judge", "helpfulness", "--traces", "tag.split=dev", "--train-filter", "tag.split=dev", "--test-filter", "tag.split=test");
        Assert.Equal(2, mixed.ExitCode);
        Assert.Contains("leave it out", mixed.Errors);
    }

    [Fact]
    public async Task Low_agreement_among_the_experts_is_a_warning_before_align_or_a_refusal_when_required()
    {
        var cli = new CliRunner();
        await cli.RunAsync("import", cli.WriteFile("experts.jsonl", TwoExperts(20, 10))); // they disagree on half
        await cli.RunAsync("judges", "register", "--assembly", CliRunner.SampleAssembly);

        var refused = await cli.RunAsync("align", "--judge", "helpfulness", "--require-human-agreement");
        var afterRefusal = await cli.RunAsync("judges", "list", "--json");
        var unanimous = await cli.RunAsync("align", "--judge", "helpfulness", "--label-rule", "unanimous", "--json");
        var warned = await cli.RunAsync("align", "--judge", "helpfulness", "--json");

        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("Human agreement for 'helpfulness' is low: Krippendorff's alpha (nominal)", refused.Errors);
        Assert.Contains("Most disagreed traces: e10 (ann: true, bob: false)", refused.Errors);
        Assert.Contains("--label-rule adjudicator --adjudicator ID", refused.Errors);
        Assert.Contains("Refused (--require-human-agreement)", refused.Errors);
        Assert.Equal(1, (int)afterRefusal.Json["judges"]![0]!["version"]!); // nothing was aligned or registered

        Assert.True(unanimous.ExitCode == 0, unanimous.Errors);
        Assert.Equal(10, (int)unanimous.Json["examples"]!); // 10 unanimous traces, one example each (of two labels)

        Assert.True(warned.ExitCode == 0, warned.Errors);
        Assert.Contains("warning: Human agreement for 'helpfulness' is low", warned.Errors);
        Assert.True((bool)warned.Json["human_agreement"]!["below_threshold"]!);
        Assert.Equal(10, (int)warned.Json["label_resolution"]!["ties_to_most_recent"]!);

        Assert.Equal(10, (int)unanimous.Json["label_resolution"]!["dropped_disagreements"]!);
        Assert.Equal(10, unanimous.Json["skipped"]!.AsArray().Count(s => ((string)s!["reason"]!).Contains("unanimous traces only", StringComparison.Ordinal)));
    }
}
