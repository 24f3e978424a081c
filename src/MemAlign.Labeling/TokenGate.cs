using Microsoft.AspNetCore.Http;

namespace MemAlign.Labeling;

/// <summary>
/// Lets through only requests that carry a reviewer's token, and says whose they are. The link's <c>?token=</c> is
/// traded for an HttpOnly, SameSite=Strict cookie and the browser is sent back to the same address without it, so
/// the token leaves the address bar and history; anything else without a valid token gets 401.
/// </summary>
internal sealed class TokenGate(ReviewerTokens tokens, ServerCookies cookies)
{
    private const string ReviewerItem = "memalign.reviewer";

    /// <summary>The reviewer the request's token belongs to (set for every request past the gate).</summary>
    public static string ReviewerOf(HttpContext context) => (string)context.Items[ReviewerItem]!;

    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        if (context.Request.Query.TryGetValue("token", out var fromLink))
        {
            if (tokens.ReviewerOf(fromLink.ToString()) is null)
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

        var reviewer = tokens.ReviewerOf(context.Request.Cookies[cookies.Token]);
        if (reviewer is null)
        {
            await RefuseAsync(context).ConfigureAwait(false);
            return;
        }

        context.Items[ReviewerItem] = reviewer;
        await next(context).ConfigureAwait(false);
    }

    private static Task RefuseAsync(HttpContext context)
    {
        context.Response.StatusCode = StatusCodes.Status401Unauthorized;
        context.Response.ContentType = "text/plain; charset=utf-8";
        return context.Response.WriteAsync("This labeling app needs your personal link (with its token). Ask whoever runs the labeling app for it.");
    }
}
