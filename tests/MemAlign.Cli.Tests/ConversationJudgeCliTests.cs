using MemAlign.Storage;

namespace MemAlign.Cli.Tests;

/// <summary>
/// A conversation judge through the tool, offline: multi-turn traces (inputs a message list, outputs the last reply)
/// imported from JSON Lines, aligned, evaluated, compared in an experiment, reported, and queued for labeling.
/// </summary>
public class ConversationJudgeCliTests
{
    private static readonly string Conversations = Path.Combine(CliRunner.Repository, "tests", "MemAlign.Tests", "Data", "conversations", "support-conversations.jsonl");

    private static readonly JudgeDefinition Resolution = JudgeDefinition.Create(
        "resolution", "Was the customer's problem resolved by the end of this support conversation?\n{{ conversation }}", FeedbackValueType.Boolean);

    [Fact]
    public async Task A_conversation_judge_aligns_evaluates_runs_an_experiment_reports_and_orders_a_labeling_queue()
    {
        var cli = new CliRunner();
        var imported = await cli.RunAsync("import", Conversations, "--json");
        Assert.True(imported.ExitCode == 0, imported.Output + imported.Errors);
        await using (var store = await cli.OpenStoreAsync())
        {
            await store.RegisterJudgeAsync(cli.Experiment, Judge.CreateLocal<bool>(Resolution));
        }

        var aligned = await cli.RunAsync("align", "--judge", "resolution", "--traces", "tag.split=align", "--json");
        var evaluated = await cli.RunAsync("evaluate", "--judge", "resolution", "--filter", "tag.split=test", "--json");
        var report = await cli.RunAsync("report", (string?)evaluated.Json["run"] ?? "", "--json");
        var experiment = await cli.RunAsync("experiment", "--judge", "resolution", "--folds", "2", "--repeats", "1", "--json");
        var markdown = Path.Combine(cli.Folder, "conversations.md");
        var experimentReport = await cli.RunAsync("report", (string?)experiment.Json["run"] ?? "", "--markdown", markdown);
        var queue = await cli.RunAsync("label", "create", "--name", "chats", "--judge", "resolution", "--filter", "tag.split=test", "--order", "uncertain", "--json");

        Assert.True(aligned.ExitCode == 0, aligned.Output + aligned.Errors);
        Assert.Equal(8, (int)aligned.Json["examples"]!);
        Assert.True((int)aligned.Json["guidelines"]! > 0);
        Assert.True(evaluated.ExitCode == 0, evaluated.Output + evaluated.Errors);
        Assert.Equal((8, 0), ((int)evaluated.Json["completed"]!, (int)evaluated.Json["errors"]!));
        Assert.True(report.ExitCode == 0, report.Output + report.Errors);
        Assert.Equal(8, (int)report.Json["compared"]!);
        // Half the test conversations were resolved: a constant verdict scores 0.5. The local judge votes with the five
        // nearest conversations, the nearest being the one of the same problem.
        Assert.InRange((double)report.Json["accuracy"]!, 0.75, 1.0);
        Assert.True(experiment.ExitCode == 0, experiment.Output + experiment.Errors);
        Assert.Equal(2, (int)experiment.Json["folds"]!);
        Assert.True(experimentReport.ExitCode == 0, experimentReport.Output + experimentReport.Errors);
        Assert.Contains("| accuracy |", await File.ReadAllTextAsync(markdown));
        Assert.True(queue.ExitCode == 0, queue.Output + queue.Errors);
        Assert.Equal(8, (int)queue.Json["traces"]!);

        await using var reopened = await cli.OpenStoreAsync();
        var latest = await reopened.GetJudgeAsync(cli.Experiment, "resolution");
        Assert.All(latest!.Memory.Examples, e => Assert.Equal(TraceField.Conversation, e.EmbeddedField));
        Assert.Contains(latest.Memory.Examples, e => e.EmbeddedText.StartsWith("#1 user: I returned the blender", StringComparison.Ordinal));
    }
}
