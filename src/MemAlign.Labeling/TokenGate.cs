using System.Security.Claims;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace MemAlign.Labeling;

/// <summary>
/// Lets through only requests that carry a reviewer's token, and says whose they are. The link's <c>?token=</c> (the
/// name in any case) is traded for an HttpOnly, SameSite=Strict cookie on a small page that moves on to <c>/</c>, the
/// app's only address, by a same-origin navigation: the token leaves the address bar and history, and a link clicked
/// in webmail or chat works the first time (a browser does not send a Strict cookie on a redirect that follows a
/// cross-site navigation, but does on the page's own navigation). Anything else without a valid token gets 401.
/// Past the gate the request's user is the reviewer, so the antiforgery tokens a page is given are the reviewer's.
/// </summary>
internal sealed class TokenGate(ReviewerTokens tokens, ServerCookies cookies)
{
    private const string TokenParameter = "token";

    // A refresh, not a script (the CSP allows none inline); a refresh within a second replaces the history entry.
    private static readonly byte[] TradePage = Encoding.UTF8.GetBytes(
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><meta http-equiv=\"refresh\" content=\"0; url=/\"><title>MemAlign labeling</title></head>" +
        "<body><p>Opening the labeling app… <a href=\"/\">continue</a>.</p></body></html>\n");

    /// <summary>The reviewer the request's token belongs to (set for every request past the gate).</summary>
    public static string ReviewerOf(HttpContext context) => context.User.FindFirstValue(ClaimTypes.NameIdentifier)!;

    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        var fromLink = context.Request.Query.Where(q => string.Equals(q.Key, TokenParameter, StringComparison.OrdinalIgnoreCase)).ToList();
        if (fromLink.Count > 0)
        {
            if (fromLink.Count != 1 || tokens.ReviewerOf(fromLink[0].Value.ToString()) is null)
            {
                await RefuseAsync(context).ConfigureAwait(false);
                return;
            }

            context.Response.Cookies.Append(cookies.Token, fromLink[0].Value.ToString(), new CookieOptions
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

        var reviewer = tokens.ReviewerOf(context.Request.Cookies[cookies.Token]);
        if (reviewer is null)
        {
            await RefuseAsync(context).ConfigureAwait(false);
            return;
        }

        context.User = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, reviewer)], "memalign-link"));
        await next(context).ConfigureAwait(false);
    }

    private static Task RefuseAsync(HttpContext context)
    {
        context.Response.StatusCode = StatusCodes.Status401Unauthorized;
        context.Response.ContentType = "text/plain; charset=utf-8";
        return context.Response.WriteAsync("This labeling app needs your personal link (with its token). Ask whoever runs the labeling app for it.");
    }
}
