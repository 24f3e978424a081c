using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace MemAlign.Labeling;

/// <summary>
/// A request that throws is logged with its exception (method and path: no query string, so no token) and answered
/// with a plain message: the reviewer learns that the server failed and where the reason is, never the exception's text.
/// </summary>
internal static class FailureLog
{
    /// <summary>As middleware, on the app's own server.</summary>
    public static async Task InvokeAsync(HttpContext context, RequestDelegate next, ILogger logger)
    {
        try
        {
            await next(context).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // Whatever failed, the reviewer gets an answer and the operator the exception.
        catch (Exception e) when (!context.RequestAborted.IsCancellationRequested)
#pragma warning restore CA1031
        {
            var answer = Answer(context, e, logger);
            if (!context.Response.HasStarted)
            {
                context.Response.Clear();
                SecurityHeaders.Add(context.Response);
                await answer.ExecuteAsync(context).ConfigureAwait(false);
            }
        }
    }

    /// <summary>As an endpoint filter, mounted in a host: the host's own error handling never sees the app's failures.</summary>
    public static async ValueTask<object?> FilterAsync(EndpointFilterInvocationContext invocation, EndpointFilterDelegate next, ILogger logger)
    {
        var context = invocation.HttpContext;
        try
        {
            return await next(invocation).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // As above.
        catch (Exception e) when (!context.RequestAborted.IsCancellationRequested)
#pragma warning restore CA1031
        {
            return Answer(context, e, logger);
        }
    }

    private static IResult Answer(HttpContext context, Exception exception, ILogger logger)
    {
        if (exception is BadHttpRequestException bad)
        {
            // The client's mistake (a body over the limit: 413), not the server's: answered with its status, not logged.
            var problem = bad.StatusCode == StatusCodes.Status413PayloadTooLarge ? "The request is too large; shorten the comment." : "The request is malformed; reload the page.";
            return Results.Json(new ProblemView(problem), statusCode: bad.StatusCode);
        }

        LabelingLog.RequestFailed(logger, exception, context.Request.Method, context.Request.Path.Value ?? "");
        return Results.Json(new ProblemView("The server failed on this request; the reason is in its log. Try again, or tell whoever runs the labeling app."),
            statusCode: StatusCodes.Status500InternalServerError);
    }
}
