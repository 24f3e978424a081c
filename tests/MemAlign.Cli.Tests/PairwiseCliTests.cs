using System.Text.Json.Nodes;
using MemAlign.Storage;
using MemAlign.Testing;

namespace MemAlign.Cli.Tests;

/// <summary>
/// A pairwise judge through the tool: the pairwise trace file imported, the judge evaluated on held-out pairs on a model
/// that prefers the first position (the loopback server answering as <see cref="PositionBiasedChatClient"/>), aligned
/// on the experts' preferences, ties included, evaluated again and compared in an experiment, with position consistency
/// in the text and the JSON output.
/// </summary>
public class PairwiseCliTests
{
    private static readonly string Pairs = Path.Combine(CliRunner.Repository, "tests", "MemAlign.Tests", "Data", "pairwise", "support-pairs.jsonl");

    private static readonly JudgeDefinition SupportPreference = JudgeDefinition.Create(
        "support_preference",
        "Which support reply answers the customer better, A or B, or is it a tie?\nCustomer: {{ inputs }}\nReplies: {{ outputs }}",
        FeedbackValueType.Preference,
        "openai:/gpt-4.1-mini");

    // Judge prompts get the biased judge's answer; the reflection model distils nothing, so what the aligned judge learns
    // reaches it through the retrieved examples' rationales.
    private static ServerReply Answer(JsonNode request)
    {
        var messages = request["messages"]!.AsArray();
        string Text(string role) => messages.Where(m => (string?)m!["role"] is { } r && r == role).Select(m => m!["content"] is JsonValue v ? (string)v! : string.Concat(m!["content"]!.AsArray().Select(p => (string?)p!["text"]))).LastOrDefault() ?? "";
        var system = Text("system");
        return system.StartsWith("You distil evaluation guidelines", StringComparison.Ordinal)
            ? ServerReply.Completion("""{"guidelines": []}""")
            : ServerReply.Completion(PositionBiasedChatClient.Reply(system, Text("user")));
    }

    [Fact]
    public async Task Import_evaluate_align_and_experiment_report_position_consistency_before_and_after_alignment()
    {
        var cli = new CliRunner();
        await using var model = await LoopbackOpenAIServer.StartAsync();
        model.Otherwise(Answer);
        cli.ExtraEnvironment["OPENAI_BASE_URL"] = model.BaseUrl.ToString();
        var imported = await cli.RunAsync("import", Pairs, "--json");
        Assert.True(imported.ExitCode == 0, imported.Output + imported.Errors);
        await using (var store = await cli.OpenStoreAsync())
        {
            await store.RegisterJudgeAsync(cli.Experiment, Judge.CreateLocal<Preference>(SupportPreference));
        }

        var before = await cli.RunAsync("evaluate", "--judge", "support_preference", "--filter", "tag.split=test", "--json");
        var beforeText = await cli.RunAsync("report", (string?)before.Json["run"] ?? "");
        var aligned = await cli.RunAsync("align", "--judge", "support_preference", "--traces", "tag.split=align", "--json");
        var after = await cli.RunAsync("evaluate", "--judge", "support_preference", "--filter", "tag.split=test", "--json");
        var experiment = await cli.RunAsync("experiment", "--judge", "support_preference", "--train-filter", "tag.split=align", "--test-filter", "tag.split=test", "--repeats", "1", "--json");

        Assert.True(before.ExitCode == 0, before.Output + before.Errors);
        Assert.Equal((5, 0), ((int)before.Json["completed"]!, (int)before.Json["errors"]!));
        var position = before.Json["position_consistency"]!;
        Assert.Equal((5, 0, 0.0), ((int)position["pairs"]!, (int)position["consistent"]!, (double)position["rate"]!));
        Assert.Equal(1.0, (double)position["inconsistent_share"]!);
        Assert.Equal(0.2, (double)before.Json["accuracy"]!); // every verdict a tie: right on the one tie
        Assert.Contains("Position consistency 0.000", beforeText.Output);
        Assert.Contains("with either candidate first on 0 of 5 pair(s)", beforeText.Output);

        Assert.True(aligned.ExitCode == 0, aligned.Output + aligned.Errors);
        Assert.Equal(15, (int)aligned.Json["examples"]!);
        Assert.True(after.ExitCode == 0, after.Output + after.Errors);
        var afterPosition = after.Json["position_consistency"]!;
        Assert.Equal(4, (int)afterPosition["consistent"]!);
        Assert.Equal(1.0, (double)after.Json["accuracy"]!);

        Assert.True(experiment.ExitCode == 0, experiment.Output + experiment.Errors);
        Assert.Equal(0.0, (double)experiment.Json["baseline_position_consistency"]!["rate"]!);
        Assert.Equal(0.8, (double)experiment.Json["aligned_position_consistency"]!["rate"]!);

        // Stored: each result keeps both orders' answers, so the run's report gives the same figure later.
        await using var reopened = await cli.OpenStoreAsync();
        var results = await reopened.GetEvaluationResultsAsync(cli.Experiment, (string)after.Json["run"]!).ToListAsync();
        Assert.All(results, r => Assert.NotNull(r.Pairwise));
        Assert.Equal(4, results.Count(r => r.Pairwise!.IsConsistent));
    }
}
