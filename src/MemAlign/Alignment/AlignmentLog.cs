using Microsoft.Extensions.Logging;

namespace MemAlign.Alignment;

/// <summary>Alignment log messages: what was skipped or discarded, and why. No trace content is logged.</summary>
internal static partial class AlignmentLog
{
    [LoggerMessage(EventId = 101, Level = LogLevel.Warning, Message = "Judge {Judge}: trace {TraceId} skipped: {Reason}")]
    public static partial void TraceSkipped(ILogger logger, string judge, string traceId, string reason);

    [LoggerMessage(EventId = 102, Level = LogLevel.Warning, Message = "Judge {Judge}: assessment {AssessmentId} on trace {TraceId} discarded: {Reason}")]
    public static partial void AssessmentDiscarded(ILogger logger, string judge, string assessmentId, string traceId, string reason);

    [LoggerMessage(EventId = 103, Level = LogLevel.Error, Message = "Judge {Judge}: distillation failed for {Count} trace(s); they stay undistilled until the next align: {Reason}")]
    public static partial void DistillationFailed(ILogger logger, string judge, int count, string reason);
}
