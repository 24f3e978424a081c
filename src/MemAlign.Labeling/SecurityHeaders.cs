using Microsoft.AspNetCore.Http;

namespace MemAlign.Labeling;

/// <summary>
/// Headers on every response, refusals included: a Content-Security-Policy that lets the page run only its own
/// script and style (no inline script, no other origin, no framing), no MIME sniffing, no referrer (the first
/// URL carries a token), and no caching of labels or pages.
/// </summary>
internal static class SecurityHeaders
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

    public static void Add(HttpResponse response)
    {
        var headers = response.Headers;
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        headers.XFrameOptions = "DENY";
        headers.CacheControl = "no-store";
    }
}
