using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace MemAlign.Labeling;

/// <summary>
/// Lets through only requests that carry a reviewer's token, and says whose they are. The link's <c>?token=</c> is
/// traded for an HttpOnly, SameSite=Strict cookie and the browser is sent back to the same address without it, so
/// the token leaves the address bar and history; anything else without a valid token gets 401.
/// </summary>
internal sealed class TokenGate(ReviewerTokens tokens, ServerCookies cookies, TokenThrottle throttle, ILogger logger)
{
    private const string ReviewerItem = "memalign.reviewer";
    private const string OperatorItem = "memalign.operator";

    // What the operator's link opens: the page and the session's status; it labels nothing.
    private static readonly HashSet<string> OperatorPaths = new(StringComparer.Ordinal) { "/", "/status", "/app.js", "/app.css", "/api/session", "/api/status" };

    /// <summary>The reviewer the request's token belongs to (set for every reviewer's request past the gate; the operator is none).</summary>
    public static string ReviewerOf(HttpContext context) => (string)context.Items[ReviewerItem]!;

    /// <summary>Whether the request carries the operator's token.</summary>
    public static bool IsOperator(HttpContext context) => context.Items.ContainsKey(OperatorItem);

    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        // An address that presented wrong tokens waits, whatever it presents now: guessing stays slow.
        var wait = throttle.WaitFor(context.Connection.RemoteIpAddress);
        if (wait > TimeSpan.Zero)
        {
            context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
            context.Response.Headers.RetryAfter = Math.Ceiling(wait.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
            context.Response.ContentType = "text/plain; charset=utf-8";
            await context.Response.WriteAsync($"Too many wrong tokens from your address; wait {Math.Ceiling(wait.TotalSeconds)} s and open your link again.").ConfigureAwait(false);
            return;
        }

        if (context.Request.Query.TryGetValue("token", out var fromLink))
        {
            if (tokens.ReviewerOf(fromLink.ToString()) is null && !tokens.IsOperator(fromLink.ToString()))
            {
                await RefuseAsync(context).ConfigureAwait(false);
                return;
            }

            context.Response.Cookies.Append(cookies.Token, fromLink.ToString(), new CookieOptions
            {
                HttpOnly = true,
                SameSite = SameSiteMode.Strict,
                Path = "/",
                IsEssential = true,
            });
            var rest = QueryString.Create(context.Request.Query.Where(q => q.Key != "token"));
            context.Response.Redirect(context.Request.PathBase + context.Request.Path + rest);
            return;
        }

        var presented = context.Request.Cookies[cookies.Token];
        if (tokens.IsOperator(presented))
        {
            if (!OperatorPaths.Contains(context.Request.Path.Value ?? ""))
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                context.Response.ContentType = "text/plain; charset=utf-8";
                await context.Response.WriteAsync("The operator's link shows the session's progress and agreement; labels are given through a reviewer's link.").ConfigureAwait(false);
                return;
            }

            context.Items[OperatorItem] = true;
            await next(context).ConfigureAwait(false);
            return;
        }

        var reviewer = tokens.ReviewerOf(presented);
        if (reviewer is null)
        {
            await RefuseAsync(context).ConfigureAwait(false);
            return;
        }

        throttle.Succeeded(context.Connection.RemoteIpAddress);
        context.Items[ReviewerItem] = reviewer;
        await next(context).ConfigureAwait(false);
    }

    private Task RefuseAsync(HttpContext context)
    {
        // A wrong token counts against the address; a request with none (a bookmark of the bare address) does not.
        if (context.Request.Query.ContainsKey("token") || context.Request.Cookies.ContainsKey(cookies.Token))
        {
            var (failures, wait) = throttle.Failed(context.Connection.RemoteIpAddress);
            if (wait > TimeSpan.Zero)
            {
                LabelingLog.TokensThrottled(logger, failures, context.Connection.RemoteIpAddress?.ToString() ?? "?", (int)Math.Ceiling(wait.TotalSeconds));
            }
        }

        context.Response.StatusCode = StatusCodes.Status401Unauthorized;
        context.Response.ContentType = "text/plain; charset=utf-8";
        return context.Response.WriteAsync("This labeling app needs your personal link (with its token). Ask whoever runs the labeling app for it.");
    }
}
