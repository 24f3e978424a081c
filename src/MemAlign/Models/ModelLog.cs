using Microsoft.Extensions.Logging;

namespace MemAlign.Models;

/// <summary>Model-call log messages. Each names who asked and about what; none carries a secret or trace content.</summary>
internal static partial class ModelLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Warning,
        Message = "{Owner}: transient failure on {Subject} (attempt {Attempt}); retrying in {DelayMs} ms: {Reason}")]
    public static partial void TransientRetry(ILogger logger, string owner, string subject, int attempt, long delayMs, string reason);

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning,
        Message = "{Owner}: unusable reply for {Subject} (attempt {Attempt} of {MaxAttempts}): {Reason}")]
    public static partial void InvalidReply(ILogger logger, string owner, string subject, int attempt, int maxAttempts, string reason);

    [LoggerMessage(EventId = 3, Level = LogLevel.Error,
        Message = "{Owner}: no reply for {Subject}: {Reason}")]
    public static partial void Failed(ILogger logger, string owner, string subject, string reason);

    [LoggerMessage(EventId = 4, Level = LogLevel.Warning,
        Message = "Model {Model} refused the temperature setting; asking again without it, and sending it no more: {Reason}")]
    public static partial void TemperatureRefused(ILogger logger, string model, string reason);

    [LoggerMessage(EventId = 5, Level = LogLevel.Warning,
        Message = "{Owner}: {Cause} on {Subject}; asking again with an output budget of {Budget} tokens")]
    public static partial void OutputLimitRetry(ILogger logger, string owner, string subject, string cause, int budget);
}
