using Microsoft.Extensions.Logging;

namespace MemAlign.Cli;

/// <summary>Log messages of warning level and above as notices on standard error (the labeling server's failures, for whoever runs it).</summary>
internal sealed class NoticeLogger(CliOutput output) : ILogger
{
    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        ArgumentNullException.ThrowIfNull(formatter);
        if (IsEnabled(logLevel))
        {
            output.Notice($"{(logLevel >= LogLevel.Error ? "error" : "warning")}: {formatter(state, exception)}{(exception is null ? "" : $": {exception.GetType().Name}: {exception.Message}")}");
        }
    }
}
