using Microsoft.Extensions.Logging;

namespace MemAlign.Labeling;

/// <summary>The labeling app's log messages: what failed, for whoever runs the server. None carries a token (paths only, never query strings).</summary>
internal static partial class LabelingLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Error, Message = "The labeling app failed on {Method} {Path}")]
    public static partial void RequestFailed(ILogger logger, Exception exception, string method, string path);

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning, Message = "The judge failed on trace '{TraceId}'; reviewers see that it failed, not why")]
    public static partial void JudgeFailed(ILogger logger, Exception exception, string traceId);

    [LoggerMessage(EventId = 3, Level = LogLevel.Warning, Message = "{Failures} wrong token(s) from {Address}: its requests wait {Seconds} s")]
    public static partial void TokensThrottled(ILogger logger, int failures, string address, int seconds);

    [LoggerMessage(EventId = 4, Level = LogLevel.Error, Message = "The labeling app cannot serve its session")]
    public static partial void SessionUnavailable(ILogger logger, Exception exception);
}
