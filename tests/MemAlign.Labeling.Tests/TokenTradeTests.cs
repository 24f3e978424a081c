using System.Net;
using System.Text;
using MemAlign.Testing;
using static MemAlign.Labeling.Tests.Pages;
using static Microsoft.Playwright.Assertions;

namespace MemAlign.Labeling.Tests;

/// <summary>Trading the link's token for the cookie: from another site's page, and whatever the address around the token says.</summary>
[Collection(BrowserCollection.Name)]
public sealed class TokenTradeTests(Browser browser)
{
    [ChromiumFact]
    public async Task A_link_clicked_on_another_sites_page_opens_the_app_the_first_time_and_leaves_no_token_in_the_history()
    {
        await using var scenario = await LabelingScenario.CreateAsync(LabelingScenario.Traces(2));
        var server = await scenario.StartAsync();
        // Webmail or chat: a page of another site (localhost is another site than 127.0.0.1) holding the link.
        await using var webmail = OtherSite.Serve($"<!DOCTYPE html><html><body><a id=\"link\" href=\"{server.Links.Single().Url}\">Your labeling link</a></body></html>");
        var page = await browser.NewPageAsync();

        await page.GotoAsync(webmail.Url.ToString());
        var before = await page.EvaluateAsync<int>("() => history.length");
        await page.ClickAsync("#link");

        await Expect(page.Locator("#reviewer")).ToHaveTextAsync("ana");
        await ShowsItemAsync(page, "t1");
        Assert.Equal(server.Address.GetLeftPart(UriPartial.Authority) + "/#item/t1", page.Url);
        // The page with the token was replaced in the history by the app: after the other site, the app and its item.
        Assert.Equal(before + 2, await page.EvaluateAsync<int>("() => history.length"));
    }

    [Fact]
    public async Task The_trade_never_sends_the_browser_off_site_and_takes_the_parameter_in_any_case()
    {
        await using var scenario = await LabelingScenario.CreateAsync(LabelingScenario.Traces(2));
        var server = await scenario.StartAsync();
        var token = server.Links.Single().Url.Query["?token=".Length..];
        using var noRedirects = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = server.Address };

        var offSite = await noRedirects.GetAsync(new Uri(server.Address.GetLeftPart(UriPartial.Authority) + "//evil.example/?token=" + token));
        var offSiteBody = await offSite.Content.ReadAsStringAsync();
        Assert.True(offSite.Headers.Location is null, $"redirected to {offSite.Headers.Location}");
        Assert.Contains("url=/\"", offSiteBody, StringComparison.Ordinal);
        Assert.DoesNotContain("evil", offSiteBody, StringComparison.Ordinal);

        foreach (var name in new[] { "Token", "TOKEN" })
        {
            using var browserLike = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), MaxAutomaticRedirections = 5 }) { BaseAddress = server.Address };
            var traded = await browserLike.GetAsync($"/?{name}={token}");
            Assert.True(traded.StatusCode == HttpStatusCode.OK, $"?{name}=: {(int)traded.StatusCode} to {traded.Headers.Location}");
            Assert.Contains("\"reviewer\":\"ana\"", await browserLike.GetStringAsync("/api/session"), StringComparison.Ordinal);
        }
    }

    /// <summary>A page of another site: a one-page HTTP server on localhost.</summary>
    private sealed class OtherSite : IAsyncDisposable
    {
        private readonly HttpListener _listener = new();
        private readonly Task _serving;

        private OtherSite(string html)
        {
            var port = Ports.Free();
            Url = new Uri($"http://localhost:{port}/");
            _listener.Prefixes.Add(Url.ToString());
            _listener.Start();
            var body = Encoding.UTF8.GetBytes(html);
            _serving = Task.Run(async () =>
            {
                while (_listener.IsListening)
                {
                    HttpListenerContext context;
                    try
                    {
                        context = await _listener.GetContextAsync();
                    }
                    catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
                    {
                        return;
                    }

                    context.Response.ContentType = "text/html; charset=utf-8";
                    await context.Response.OutputStream.WriteAsync(body);
                    context.Response.Close();
                }
            });
        }

        public Uri Url { get; }

        public static OtherSite Serve(string html) => new(html);

        public async ValueTask DisposeAsync()
        {
            _listener.Stop();
            _listener.Close();
            await _serving;
        }
    }
}
