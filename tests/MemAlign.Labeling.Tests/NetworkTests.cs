using System.Net;

namespace MemAlign.Labeling.Tests;

/// <summary>A server reachable beyond this machine: what it warns, what its links say, which requests it answers.</summary>
public sealed class NetworkTests
{
    [Fact]
    public async Task Listening_on_every_address_warns_and_the_links_never_say_0_0_0_0()
    {
        await using var scenario = await LabelingScenario.CreateAsync(LabelingScenario.Traces(1));
        var loopback = await scenario.StartAsync();
        Assert.Empty(loopback.Warnings);

        var everywhere = await scenario.StartAsync(configure: options => options with { Host = "0.0.0.0" });

        Assert.Contains(everywhere.Warnings, w => w.Contains("beyond this machine, over plain HTTP", StringComparison.Ordinal));
        Assert.DoesNotContain("0.0.0.0", everywhere.Address.ToString(), StringComparison.Ordinal);
        Assert.All(everywhere.Links, l => Assert.DoesNotContain("0.0.0.0", l.Url.ToString(), StringComparison.Ordinal));
        Assert.Equal(Dns.GetHostName(), everywhere.Links.Single().Url.Host, StringComparer.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_request_naming_another_host_is_refused_as_a_rebound_DNS_name_would()
    {
        await using var scenario = await LabelingScenario.CreateAsync(LabelingScenario.Traces(1));
        var server = await scenario.StartAsync();
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false });

        foreach (var host in new[] { "evil.example", $"evil.example:{server.Address.Port}", "127.0.0.1.evil.example" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, server.Links.Single().Url);
            request.Headers.Host = host;
            var response = await http.SendAsync(request);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.False(response.Headers.Contains("Set-Cookie"), host);
        }

        foreach (var host in new[] { $"127.0.0.1:{server.Address.Port}", $"localhost:{server.Address.Port}" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, server.Links.Single().Url);
            request.Headers.Host = host;
            Assert.Equal(HttpStatusCode.OK, (await http.SendAsync(request)).StatusCode);
        }
    }

    [Fact]
    public async Task Behind_an_HTTPS_proxy_the_links_carry_the_public_url_and_the_cookies_are_Secure()
    {
        await using var scenario = await LabelingScenario.CreateAsync(LabelingScenario.Traces(1));
        var port = Ports.Free();
        var server = await scenario.StartAsync(configure: options => options with { Port = port, PublicUrl = new Uri("https://labels.example.test/") });

        var link = server.Links.Single().Url;
        Assert.StartsWith("https://labels.example.test/?token=", link.ToString(), StringComparison.Ordinal);
        Assert.Equal(new Uri("https://labels.example.test/"), server.Address);
        Assert.Empty(server.Warnings);

        // As the proxy forwards the browser's requests: to the server's port, naming the public host.
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        using var trade = new HttpRequestMessage(HttpMethod.Get, "/" + link.Query);
        trade.Headers.Host = "labels.example.test";
        var traded = await http.SendAsync(trade);
        Assert.Equal(HttpStatusCode.OK, traded.StatusCode);
        var token = Assert.Single(traded.Headers.GetValues("Set-Cookie"));
        Assert.Contains("; secure", token, StringComparison.OrdinalIgnoreCase);

        using var session = new HttpRequestMessage(HttpMethod.Get, "/api/session");
        session.Headers.Host = "labels.example.test";
        session.Headers.Add("Cookie", token.Split(';')[0]);
        var page = await http.SendAsync(session);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains(page.Headers.GetValues("Set-Cookie"), c => c.Contains("antiforgery", StringComparison.Ordinal) && c.Contains("; secure", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task A_public_url_with_a_path_is_refused()
    {
        await using var scenario = await LabelingScenario.CreateAsync(LabelingScenario.Traces(1));
        var error = await Assert.ThrowsAsync<ArgumentException>(() => scenario.StartAsync(configure: options => options with { PublicUrl = new Uri("https://example.test/labels/") }));
        Assert.Contains("no path", error.Message, StringComparison.Ordinal);
    }
}
