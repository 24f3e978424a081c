using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace MemAlign.Labeling;

/// <summary>
/// A request that throws is logged with its exception (method and path: no query string, so no token) and answered
/// with a plain message: the reviewer learns that the server failed and where the reason is, never the exception's text.
/// </summary>
internal static class FailureLog
{
    public static async Task InvokeAsync(HttpContext context, RequestDelegate next, ILogger logger)
    {
        try
        {
            await next(context).ConfigureAwait(false);
        }
        catch (BadHttpRequestException e) when (!context.Response.HasStarted)
        {
            // The client's mistake (a body over the limit: 413), not the server's: answered with its status, not logged.
            context.Response.Clear();
            SecurityHeaders.Add(context.Response);
            var problem = e.StatusCode == StatusCodes.Status413PayloadTooLarge ? "The request is too large; shorten the comment." : "The request is malformed; reload the page.";
            await Results.Json(new ProblemView(problem), statusCode: e.StatusCode).ExecuteAsync(context).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // Whatever failed, the reviewer gets an answer and the operator the exception.
        catch (Exception e) when (!context.RequestAborted.IsCancellationRequested)
#pragma warning restore CA1031
        {
            LabelingLog.RequestFailed(logger, e, context.Request.Method, context.Request.Path.Value ?? "");
            if (!context.Response.HasStarted)
            {
                context.Response.Clear();
                SecurityHeaders.Add(context.Response);
                await Results.Json(new ProblemView("The server failed on this request; the reason is in its log. Try again, or tell whoever runs the labeling app."),
                    statusCode: StatusCodes.Status500InternalServerError).ExecuteAsync(context).ConfigureAwait(false);
            }
        }
    }
}
