using System.Security.Claims;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace MemAlign.Labeling;

/// <summary>
/// Lets through only requests that carry a reviewer's (or the operator's) token, and says whose they are. The link's
/// <c>?token=</c> (the name in any case) is traded for an HttpOnly, SameSite=Strict cookie on a small page that moves
/// on to <c>/</c>, the app's only address, by a same-origin navigation: the token leaves the address bar and history,
/// and a link clicked in webmail or chat works the first time (a browser does not send a Strict cookie on a redirect
/// that follows a cross-site navigation, but does on the page's own navigation). Anything else without a valid token
/// gets 401, and an address that keeps presenting wrong tokens is made to wait. Past the gate a reviewer's request's
/// user is the reviewer, so the antiforgery tokens a page is given are the reviewer's.
/// </summary>
internal sealed class TokenGate(ReviewerTokens tokens, ServerCookies cookies, TokenThrottle throttle, ILogger logger)
{
    private const string TokenParameter = "token";

    // A refresh, not a script (the CSP allows none inline); a refresh within a second replaces the history entry.
    private static readonly byte[] TradePage = Encoding.UTF8.GetBytes(
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><meta http-equiv=\"refresh\" content=\"0; url=/\"><title>MemAlign labeling</title></head>" +
        "<body><p>Opening the labeling app… <a href=\"/\">continue</a>.</p></body></html>\n");

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

        var fromLink = context.Request.Query.Where(q => string.Equals(q.Key, TokenParameter, StringComparison.OrdinalIgnoreCase)).ToList();
        if (fromLink.Count > 0)
        {
            var token = fromLink[0].Value.ToString();
            if (fromLink.Count != 1 || (tokens.ReviewerOf(token) is null && !tokens.IsOperator(token)))
            {
                await RefuseAsync(context).ConfigureAwait(false);
                return;
            }

            context.Response.Cookies.Append(cookies.Token, token, new CookieOptions
            {
                HttpOnly = true,
                SameSite = SameSiteMode.Strict,
                Secure = cookies.Secure,
                Path = "/",
                IsEssential = true,
            });
            context.Response.ContentType = "text/html; charset=utf-8";
            await context.Response.Body.WriteAsync(TradePage, context.RequestAborted).ConfigureAwait(false);
            return;
        }

        var presented = context.Request.Cookies[cookies.Token];
        if (tokens.IsOperator(presented))
        {
            // The operator sees the status; the endpoints refuse them anything that labels.
            LabelingIdentity.SetOperator(context);
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
        context.User = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, reviewer)], "memalign-link"));
        LabelingIdentity.SetReviewer(context, reviewer);
        await next(context).ConfigureAwait(false);
    }

    private Task RefuseAsync(HttpContext context)
    {
        // A wrong token counts against the address; a request with none (a bookmark of the bare address) does not.
        if (context.Request.Query.Any(q => string.Equals(q.Key, TokenParameter, StringComparison.OrdinalIgnoreCase)) || context.Request.Cookies.ContainsKey(cookies.Token))
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
