using System.CommandLine;
using System.Globalization;
using MemAlign.Cli.Json;
using MemAlign.Import;

namespace MemAlign.Cli.Commands;

/// <summary><c>memalign import FILE</c>: traces with assessments from JSON Lines (MemAlign schema) or MLflow trace exports, or an instrumented app's GenAI chat spans from OTLP JSON.</summary>
internal static class ImportCommand
{
    public static Command Create(GlobalOptions options)
    {
        var file = new Argument<FileInfo>("file") { Description = "A JSON Lines file (one trace per line), a JSON array of traces, an MLflow trace JSON export, or an OTLP JSON export of an app's GenAI chat spans." };
        var format = ChoiceOption.One("--format",
            "The file's format: auto (recognised from the content), memalign (the MemAlign schema), mlflow (MLflow trace exports) or otlp-json "
            + "(OpenTelemetry Collector file exporter output, one export request per line: GenAI chat spans become traces, other spans are ignored).",
            new Choice<TraceFileFormat>("auto", TraceFileFormat.Auto), new("memalign", TraceFileFormat.MemAlign), new("mlflow", TraceFileFormat.Mlflow),
            new("otlp-json", TraceFileFormat.OtlpJson));
        var onConflict = ChoiceOption.One("--on-conflict",
            "A trace id already stored with other inputs, outputs or expectations: error (report the line, change nothing), skip (keep the stored trace) or replace.",
            new Choice<ImportConflict>("error", ImportConflict.Error), new("skip", ImportConflict.Skip), new("replace", ImportConflict.Replace));
        var command = new Command("import", "Import traces and their assessments; importing the same file twice changes nothing.") { file, format, onConflict };
        CommandRunner.SetBody(command, options, async (context, cancellationToken) =>
        {
            var path = context.Parse.GetValue(file)!;
            if (!path.Exists)
            {
                throw new UsageException($"There is no file '{path.FullName}' to import.");
            }

            // Labels are checked against the judges registered here: a value a judge cannot take is a line error now, not a silent drop at align.
            var judges = await context.Store.ListJudgesAsync(context.Experiment, cancellationToken).ConfigureAwait(false);
            var report = await TraceImporter.ImportAsync(context.Store, context.Experiment, TraceFile.Read(path.FullName, context.Parse.GetValue(format)!.Value),
                new ImportOptions { OnConflict = context.Parse.GetValue(onConflict)!.Value, Judges = judges.ToDictionary(j => j.Name, j => j.ValueType) },
                cancellationToken: cancellationToken).ConfigureAwait(false);

            foreach (var problem in report.Problems)
            {
                context.Output.Notice($"{path.Name}:{problem.Line}: {CliHints.Add(problem.Message)}");
            }

            var counts = $"{report.Stored} trace(s) stored ({report.Added} new, {report.Updated} already stored with the same content, {report.Replaced} replaced)"
                + (report.Skipped > 0 ? $", {report.Skipped} kept as stored (--on-conflict skip)" : "")
                + (report.Ignored > 0 ? $", {report.Ignored} span(s) ignored (not GenAI chat spans)" : "");
            if (report.Failure is { } failure)
            {
                context.Output.Notice($"error: the store failed after {report.Stored.ToString("N0", CultureInfo.InvariantCulture)} trace(s) were stored (through line {report.StoredThroughLine.ToString("N0", CultureInfo.InvariantCulture)}); "
                    + $"nothing after that line was stored. {failure} Fix the cause (free disk space, say), then run the same import again: "
                    + "the traces already stored are recognised and left as they are.");
            }

            context.Output.Line($"Imported from {path.Name} into experiment '{context.Experiment}' of {context.Store.Description}: {counts}"
                + (report.Problems.Count > 0 ? $"; {report.Problems.Count} line(s) not imported (listed above)." : "."));
            context.Output.Result(ImportResult.From(report, path.Name));
            return report.Problems.Count == 0 && report.Failure is null ? ExitCodes.Ok : ExitCodes.Findings;
        });
        return command;
    }
}
