using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace MemAlign.Labeling.Tests;

/// <summary>A reviewer's HTTP client for the app's API, as the page's script uses it: the link's cookie, then the antiforgery header.</summary>
internal sealed class ReviewerClient : IDisposable
{
    private readonly HttpClient _http;

    private ReviewerClient(HttpClient http) => _http = http;

    public HttpClient Http => _http;

    /// <summary>Opens <paramref name="link"/> (trading its token for the cookie) and reads the page's antiforgery token.</summary>
    public static async Task<ReviewerClient> OpenAsync(ReviewerLink link, bool withAntiforgery = true)
    {
        var http = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = true })
        {
            BaseAddress = new Uri(link.Url.GetLeftPart(UriPartial.Authority)),
        };
        var client = new ReviewerClient(http);
        (await http.GetAsync(link.Url)).EnsureSuccessStatusCode();
        if (withAntiforgery)
        {
            var session = await http.GetFromJsonAsync<JsonElement>("/api/session");
            http.DefaultRequestHeaders.Add("X-CSRF-TOKEN", session.GetProperty("antiforgery").GetString());
        }

        return client;
    }

    public Task<HttpResponseMessage> LabelAsync(string traceId, object? value, string? comment = null) =>
        _http.PostAsJsonAsync(WithId("/api/label", traceId), new { value, comment });

    public Task<HttpResponseMessage> ItemAsync(string traceId) => _http.GetAsync(WithId("/api/item", traceId));

    public Task<HttpResponseMessage> SkipAsync(string traceId) => _http.PostAsync(WithId("/api/skip", traceId), null);

    /// <summary>An API path with the trace id as its query parameter, as the page sends it.</summary>
    public static string WithId(string path, string traceId) => $"{path}?traceId={Uri.EscapeDataString(traceId)}";

    public void Dispose() => _http.Dispose();
}
