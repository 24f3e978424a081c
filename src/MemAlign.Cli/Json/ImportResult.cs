using MemAlign.Import;

namespace MemAlign.Cli.Json;

/// <summary><c>memalign import FILE --json</c>: what was stored, and every line that was not.</summary>
/// <param name="Stored">Traces stored: added + updated + replaced.</param>
/// <param name="Added">New traces.</param>
/// <param name="Updated">Traces already stored with the same content (their assessments merged).</param>
/// <param name="Replaced">Traces stored with other content and replaced (--on-conflict replace).</param>
/// <param name="Skipped">Traces stored with other content and kept as stored (--on-conflict skip).</param>
/// <param name="Ignored">Spans of an OTLP JSON export that are not GenAI chat spans: nothing to import, no error.</param>
/// <param name="StoredThroughLine">The last line whose trace is stored.</param>
/// <param name="Failure">Why the store failed part-way (nothing after stored_through_line was stored), or null.</param>
/// <param name="Failed">Every line not imported, with the reason.</param>
internal sealed record ImportResult(int Stored, int Added, int Updated, int Replaced, int Skipped, int Ignored, int StoredThroughLine, string? Failure, IReadOnlyList<ImportFailureJson> Failed)
    : JsonResult
{
    public static ImportResult From(ImportReport report, string file) => new(report.Stored, report.Added, report.Updated, report.Replaced, report.Skipped, report.Ignored, report.StoredThroughLine,
        report.Failure, [.. report.Problems.Select(p => new ImportFailureJson(file, p.Line, p.TraceId, CliHints.Add(p.Message)))]);
}

/// <summary>A line that was not imported.</summary>
/// <param name="File">The file's name.</param>
/// <param name="Line">The line (1-based).</param>
/// <param name="Trace">The line's trace id, when it has one.</param>
/// <param name="Error">Why it was not imported.</param>
internal sealed record ImportFailureJson(string File, int Line, string? Trace, string Error);
