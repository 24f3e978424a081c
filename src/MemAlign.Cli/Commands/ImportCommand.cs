using System.CommandLine;
using System.Text.Json.Nodes;
using MemAlign.Import;

namespace MemAlign.Cli.Commands;

/// <summary><c>memalign import FILE</c>: traces with assessments from JSON Lines (MemAlign schema) or MLflow trace exports.</summary>
internal static class ImportCommand
{
    public static Command Create(GlobalOptions options)
    {
        var file = new Argument<FileInfo>("file") { Description = "A JSON Lines file (one trace per line), or an MLflow trace JSON export." };
        var command = new Command("import", "Import traces and their assessments; importing the same file twice changes nothing.") { file };
        CommandRunner.SetBody(command, options, async (context, cancellationToken) =>
        {
            var path = context.Parse.GetValue(file)!;
            if (!path.Exists)
            {
                throw new UsageException($"There is no file '{path.FullName}' to import.");
            }

            var lines = TraceFile.Read(path.FullName).ToList();
            var good = lines.Where(l => l.Trace is not null).Select(l => l.Trace!).ToList();
            var bad = lines.Where(l => l.Error is not null).ToList();
            var imported = await context.Store.AddTracesAsync(context.Experiment, good, cancellationToken).ConfigureAwait(false);
            foreach (var line in bad)
            {
                context.Output.Notice($"{path.Name}:{line.Line}: {line.Error}");
            }

            context.Output.Line($"Imported {imported} trace(s) with {good.Sum(t => t.Assessments.Count)} assessment(s) into experiment '{context.Experiment}' of {context.Store.Description}"
                + (bad.Count > 0 ? $"; {bad.Count} line(s) failed (listed above)." : "."));
            context.Output.Result(new JsonObject
            {
                ["imported"] = imported,
                ["assessments"] = good.Sum(t => t.Assessments.Count),
                ["failed"] = new JsonArray([.. bad.Select(b => (JsonNode)new JsonObject { ["file"] = path.Name, ["line"] = b.Line, ["error"] = b.Error })]),
            });
            return bad.Count == 0 ? ExitCodes.Ok : ExitCodes.Findings;
        });
        return command;
    }
}
