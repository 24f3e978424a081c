using System.ClientModel;
using System.Globalization;
using System.Net;
using Polly.Timeout;

namespace MemAlign.Models;

/// <summary>Which provider failures are worth retrying, and how long the provider asked us to wait.</summary>
internal static class TransientFailures
{
    public static bool IsTransient(Exception exception, CancellationToken callerToken) => exception switch
    {
        OperationCanceledException => !callerToken.IsCancellationRequested, // an HTTP timeout, not the caller
        TimeoutRejectedException or TimeoutException => true,
        ClientResultException e => e.Status == 0 || IsTransientStatus(e.Status),
        HttpRequestException e => e.StatusCode is null || IsTransientStatus((int)e.StatusCode),
        IOException => true,
        _ => false,
    };

    /// <summary>The delay a 429 or 503 response asked for (Retry-After seconds or date, or retry-after-ms), if any.</summary>
    public static TimeSpan? RequestedDelay(Exception exception, DateTimeOffset now)
    {
        if (exception is not ClientResultException { } e || e.GetRawResponse() is not { } response)
        {
            return null;
        }

        if (response.Headers.TryGetValue("retry-after-ms", out var milliseconds)
            && double.TryParse(milliseconds, NumberStyles.Float, CultureInfo.InvariantCulture, out var ms) && ms >= 0)
        {
            return TimeSpan.FromMilliseconds(ms);
        }

        if (!response.Headers.TryGetValue("Retry-After", out var retryAfter) || retryAfter is null)
        {
            return null;
        }

        if (double.TryParse(retryAfter, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds >= 0)
        {
            return TimeSpan.FromSeconds(seconds);
        }

        return DateTimeOffset.TryParse(retryAfter, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date)
            ? (date > now ? date - now : TimeSpan.Zero)
            : null;
    }

    /// <summary>A short description of a failure, for messages: the status and the provider's text, with <paramref name="redactor"/>'s secrets masked.</summary>
    public static string Describe(Exception exception, SecretRedactor redactor) => redactor.Redact(exception switch
    {
        ClientResultException { Status: > 0 } e => $"HTTP {e.Status}: {FirstLine(e.Message)}",
        HttpRequestException { StatusCode: { } status } e => $"HTTP {(int)status}: {FirstLine(e.Message)}",
        TimeoutRejectedException => "the call timed out",
        OperationCanceledException => "the call timed out",
        _ => $"{exception.GetType().Name}: {FirstLine(exception.Message)}",
    });

    private static bool IsTransientStatus(int status) =>
        status is (int)HttpStatusCode.TooManyRequests or (int)HttpStatusCode.RequestTimeout or >= 500;

    private static string FirstLine(string text)
    {
        var newline = text.IndexOfAny(['\r', '\n']);
        return newline < 0 ? text : text[..newline];
    }
}
