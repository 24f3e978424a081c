using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace MemAlign.Telemetry;

/// <summary>
/// The name of MemAlign's <see cref="ActivitySource"/> and <see cref="Meter"/>: judge evaluations, alignments and
/// evaluation runs as spans, with calls, errors, latency and tokens as metrics. Listen with OpenTelemetry:
/// <c>.AddSource(MemAlignTelemetry.SourceName)</c> and <c>.AddMeter(MemAlignTelemetry.SourceName)</c>; each verdict is
/// also a <c>gen_ai.evaluation.result</c> log record through <see cref="JudgeOptions.LoggerFactory"/>, tied to its span.
/// Trace content and rationales are recorded only with <see cref="JudgeOptions.EnableSensitiveTelemetryData"/>.
/// </summary>
public static class MemAlignTelemetry
{
    /// <summary>"MemAlign": the source and meter name.</summary>
    public const string SourceName = "MemAlign";

    private static readonly string? Version = typeof(MemAlignTelemetry).Assembly.GetName().Version?.ToString();

    internal static ActivitySource Source { get; } = new(SourceName, Version);

    internal static Meter Meter { get; } = new(SourceName, Version);

    internal static Counter<long> Evaluations { get; } = Meter.CreateCounter<long>(TelemetryNames.EvaluationsMetric, "{evaluation}", "Judge evaluations, successful or not.");

    internal static Counter<long> EvaluationErrors { get; } = Meter.CreateCounter<long>(TelemetryNames.EvaluationErrorsMetric, "{evaluation}", "Judge evaluations that gave an error verdict.");

    internal static Histogram<double> EvaluationDuration { get; } = Meter.CreateHistogram<double>(TelemetryNames.EvaluationDurationMetric, "s", "Time from the start of a judge evaluation to its verdict.");

    internal static Histogram<double> AlignmentDuration { get; } = Meter.CreateHistogram<double>(TelemetryNames.AlignmentDurationMetric, "s", "Time an alignment or unalignment took.");

    internal static Histogram<long> TokenUsage { get; } = Meter.CreateHistogram<long>(TelemetryNames.TokenUsageMetric, "{token}", "Tokens a judge evaluation used, by type (input, output).");
}
