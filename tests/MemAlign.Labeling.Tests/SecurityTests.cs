using System.Net;
using System.Text;

namespace MemAlign.Labeling.Tests;

public sealed class SecurityTests
{
    [Fact]
    public async Task Without_the_token_every_page_and_api_call_is_refused_with_401()
    {
        await using var scenario = await LabelingScenario.CreateAsync(LabelingScenario.Traces(2));
        var server = await scenario.StartAsync();
        using var anonymous = new HttpClient { BaseAddress = server.Address };
        foreach (var path in new[] { "/", "/app.js", "/app.css", "/status", "/api/session", "/api/next", "/api/item?traceId=t1", "/api/status", "/?token=not-the-token-0123456789" })
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(path)).StatusCode);
        }

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsync("/api/label?traceId=t1", new StringContent("{\"value\":true}", Encoding.UTF8, "application/json"))).StatusCode);
        Assert.Empty(await scenario.LabelsAsync());
    }

    [Fact]
    public async Task The_link_token_becomes_an_HttpOnly_SameSite_Strict_cookie_on_a_page_that_moves_on_to_the_app()
    {
        await using var scenario = await LabelingScenario.CreateAsync(LabelingScenario.Traces(2));
        var server = await scenario.StartAsync();
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false });

        var response = await http.GetAsync(server.Links.Single().Url);

        // A page, not a redirect: the browser sends a Strict cookie on the page's own navigation to "/", even when the
        // link was clicked on another site (see TokenTradeTests).
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Null(response.Headers.Location);
        Assert.Contains("<meta http-equiv=\"refresh\" content=\"0; url=/\">", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_write_without_the_antiforgery_token_is_rejected_with_400_and_with_it_accepted()
    {
        await using var scenario = await LabelingScenario.CreateAsync(LabelingScenario.Traces(2));
        var server = await scenario.StartAsync();
        using var withoutAntiforgery = await ReviewerClient.OpenAsync(server.Links.Single(), withAntiforgery: false);
        using var reviewer = await ReviewerClient.OpenAsync(server.Links.Single());

        Assert.Equal(HttpStatusCode.BadRequest, (await withoutAntiforgery.LabelAsync("t1", true)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await withoutAntiforgery.Http.PostAsync("/api/undo", null)).StatusCode);
        Assert.Empty(await scenario.LabelsAsync());

        var accepted = await reviewer.LabelAsync("t1", true);
        Assert.True(accepted.IsSuccessStatusCode, await accepted.Content.ReadAsStringAsync());
        Assert.Single(await scenario.LabelsAsync());
    }

    [Fact]
    public async Task Every_response_carries_a_strict_content_security_policy_and_the_page_has_no_inline_script()
    {
        await using var scenario = await LabelingScenario.CreateAsync(LabelingScenario.Traces(2));
        var server = await scenario.StartAsync();
        using var reviewer = await ReviewerClient.OpenAsync(server.Links.Single());
        using var anonymous = new HttpClient { BaseAddress = server.Address };

        foreach (var response in new[] { await reviewer.Http.GetAsync("/"), await reviewer.Http.GetAsync("/api/next"), await anonymous.GetAsync("/") })
        {
            var policy = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
            Assert.Contains("default-src 'self'", policy, StringComparison.Ordinal);
            Assert.Contains("script-src 'self'", policy, StringComparison.Ordinal);
            Assert.Contains("frame-ancestors 'none'", policy, StringComparison.Ordinal);
            Assert.DoesNotContain("unsafe-inline", policy, StringComparison.Ordinal);
            Assert.DoesNotContain("unsafe-eval", policy, StringComparison.Ordinal);
            Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
            Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
        }

        var page = await reviewer.Http.GetStringAsync("/");
        Assert.Contains("<script src=\"app.js\" defer></script>", page, StringComparison.Ordinal);
        Assert.Equal(1, page.Split("<script", StringSplitOptions.None).Length - 1);
        Assert.DoesNotContain(" on", page.Split('>').Where(tag => tag.TrimStart().StartsWith('<')).SelectMany(tag => tag.Split('"').Where((_, i) => i % 2 == 0)).Select(t => t.ToLowerInvariant()).Where(t => t.Contains(" onclick", StringComparison.Ordinal) || t.Contains(" onload", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_request_body_over_the_limit_is_refused_with_413()
    {
        await using var scenario = await LabelingScenario.CreateAsync(LabelingScenario.Traces(2));
        var server = await scenario.StartAsync(maxBody: 1024);
        using var reviewer = await ReviewerClient.OpenAsync(server.Links.Single());

        var response = await reviewer.LabelAsync("t1", true, new string('x', 4096));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Empty(await scenario.LabelsAsync());
    }

    [Fact]
    public async Task Labels_outside_the_schema_or_the_queue_are_refused()
    {
        await using var scenario = await LabelingScenario.CreateAsync(LabelingScenario.Traces(2), FeedbackValueType.Integer(1, 5));
        var server = await scenario.StartAsync();
        using var reviewer = await ReviewerClient.OpenAsync(server.Links.Single());

        Assert.Equal(HttpStatusCode.BadRequest, (await reviewer.LabelAsync("t1", 9)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await reviewer.LabelAsync("t1", "many")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await reviewer.LabelAsync("not-queued", 3)).StatusCode);
        Assert.Empty(await scenario.LabelsAsync());
        var accepted = await reviewer.LabelAsync("t1", 4);
        Assert.True(accepted.IsSuccessStatusCode, await accepted.Content.ReadAsStringAsync());
    }
}
