using Microsoft.Extensions.Logging;

namespace MemAlign.OpenTelemetry;

/// <summary>What the exporter logs: skipped spans and traces it could not store.</summary>
internal static partial class ExporterLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Warning,
        Message = "MemAlign exporter: {Reason}. Not stored; further spans like it are counted in MemAlignExporter.Counts and logged at debug level")]
    public static partial void FirstSkipped(ILogger logger, string reason);

    [LoggerMessage(EventId = 2, Level = LogLevel.Debug, Message = "MemAlign exporter: {Reason}. Not stored")]
    public static partial void Skipped(ILogger logger, string reason);

    [LoggerMessage(EventId = 3, Level = LogLevel.Warning, Message = "MemAlign exporter: trace '{TraceId}' was not stored in experiment '{Experiment}': {Reason}")]
    public static partial void NotStored(ILogger logger, string? traceId, string experiment, string reason);

    [LoggerMessage(EventId = 4, Level = LogLevel.Error, Message = "MemAlign exporter: the store failed; {Lost} trace(s) of this batch were not stored in experiment '{Experiment}': {Failure}")]
    public static partial void StoreFailed(ILogger logger, int lost, string experiment, string failure);

    [LoggerMessage(EventId = 5, Level = LogLevel.Error, Message = "MemAlign exporter: {Lost} trace(s) of this batch were not stored in experiment '{Experiment}'")]
    public static partial void ExportFailed(ILogger logger, Exception exception, int lost, string experiment);
}
