using Microsoft.Extensions.Logging;

namespace MemAlign.Models;

/// <summary>The judge's log messages. Each carries judge and trace; none carries a secret or trace content.</summary>
internal static partial class ModelLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Warning,
        Message = "Judge {Judge}: transient failure on trace {TraceId} (attempt {Attempt}); retrying in {DelayMs} ms: {Reason}")]
    public static partial void TransientRetry(ILogger logger, string judge, string traceId, int attempt, long delayMs, string reason);

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning,
        Message = "Judge {Judge}: unusable reply for trace {TraceId} (attempt {Attempt} of {MaxAttempts}): {Reason}")]
    public static partial void InvalidReply(ILogger logger, string judge, string traceId, int attempt, int maxAttempts, string reason);

    [LoggerMessage(EventId = 3, Level = LogLevel.Error,
        Message = "Judge {Judge}: no verdict for trace {TraceId}: {Reason}")]
    public static partial void Failed(ILogger logger, string judge, string traceId, string reason);
}
