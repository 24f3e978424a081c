using System.CommandLine;
using System.Text.Json.Nodes;

namespace MemAlign.Cli.Commands;

/// <summary>
/// <c>memalign label</c>: labeling sessions for domain experts. <c>create</c>, <c>list</c>, <c>status</c> and
/// <c>simulate</c> here; <c>serve</c> (the browser app) in <see cref="LabelServeCommand"/>.
/// </summary>
internal static class LabelCommands
{
    public static Command Create(GlobalOptions options)
    {
        var label = new Command("label", "Labeling sessions: experts label stored traces in a local browser app, and their labels are feedback at once.");
        label.Subcommands.Add(List(options));
        label.Subcommands.Add(LabelServeCommand.Create(options));
        return label;
    }

    private static Command List(GlobalOptions options)
    {
        var command = new Command("list", "The experiment's labeling sessions.");
        CommandRunner.SetBody(command, options, async (context, cancellationToken) =>
        {
            var sessions = await context.Store.ListLabelingSessionsAsync(context.Experiment, cancellationToken).ConfigureAwait(false);
            foreach (var session in sessions)
            {
                context.Output.Line($"{session.Name}: judge '{session.JudgeName}', {session.TraceIds.Count} trace(s), {session.LabelsPerTrace} label(s) each, order {session.Order.ToString().ToLowerInvariant()}"
                    + (session.Reviewers.Count > 0 ? $", reviewers {string.Join(", ", session.Reviewers)}" : ""));
            }

            if (sessions.Count == 0)
            {
                context.Output.Line($"No labeling session in experiment '{context.Experiment}'; create one with memalign label create --name NAME --judge JUDGE.");
            }

            context.Output.Result(new JsonArray([.. sessions.Select(s => (JsonNode)new JsonObject
            {
                ["name"] = s.Name,
                ["judge"] = s.JudgeName,
                ["traces"] = s.TraceIds.Count,
                ["labels_per_trace"] = s.LabelsPerTrace,
                ["order"] = s.Order.ToString().ToLowerInvariant(),
                ["reviewers"] = new JsonArray([.. s.Reviewers.Select(r => (JsonNode)r)]),
                ["created_at"] = s.CreatedAt.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
            })]));
            return ExitCodes.Ok;
        }, readOnly: true);
        return command;
    }
}
