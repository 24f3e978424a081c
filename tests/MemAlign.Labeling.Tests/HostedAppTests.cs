using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using MemAlign.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using static MemAlign.Labeling.Tests.Pages;
using static Microsoft.Playwright.Assertions;

namespace MemAlign.Labeling.Tests;

/// <summary>The labeling app mounted in the user's own ASP.NET Core host (<c>MapMemAlignLabeling</c>), under the host's sign-in.</summary>
[Collection(BrowserCollection.Name)]
public sealed class HostedAppTests(Browser browser)
{
    [ChromiumFact]
    public async Task Mounted_in_a_host_the_app_labels_in_a_real_browser_as_the_signed_in_user_and_refuses_who_is_not_a_reviewer()
    {
        await using var scenario = await LabelingScenario.CreateAsync(LabelingScenario.Traces(3), reviewers: ["maria", "tom"]);
        await using var host = await SignInHost.StartAsync(scenario);
        var page = await browser.NewPageAsync();
        var requested = new List<string>();
        page.Request += (_, request) => requested.Add(new Uri(request.Url).AbsolutePath);

        // Not signed in: the host's own login, not the app.
        var anonymous = await page.GotoAsync(new Uri(host.Address, "/labeling/").ToString());
        Assert.Equal(401, anonymous!.Status);
        Assert.EndsWith("/login", new Uri(page.Url).AbsolutePath, StringComparison.Ordinal);

        // Signed in as maria (the host's sign-in lands on /labeling, which moves to /labeling/): she labels two items by keyboard.
        requested.Clear();
        await page.GotoAsync(new Uri(host.Address, "/signin?user=maria").ToString());
        await Expect(page.Locator("#reviewer")).ToHaveTextAsync("maria");
        Assert.Equal("/labeling/", new Uri(page.Url).AbsolutePath);
        await Expect(page.Locator("#verdict")).ToBeHiddenAsync(); // blind until she answers
        var first = await ShownItemAsync(page);
        await LabelAsync(page, first, "y");
        var second = await ShownItemAsync(page);
        await LabelAsync(page, second, "n", "Too vague.");

        var labels = await scenario.LabelsAsync();
        Assert.Equal(2, labels.Count);
        Assert.True(labels.Single(l => l.TraceId == first).Label.Value.AsBoolean());
        Assert.False(labels.Single(l => l.TraceId == second).Label.Value.AsBoolean());
        Assert.All(labels, l => Assert.Equal(AssessmentSource.Human("maria"), l.Label.Source));
        Assert.Equal("Too vague.", labels.Single(l => l.TraceId == second).Label.Rationale);
        // Everything the page asked for is under the app's path (its script, style and API are relative to it), or the sign-in.
        Assert.All(requested, path => Assert.True(path.StartsWith("/labeling", StringComparison.Ordinal) || path == "/signin", path));

        // Someone the session does not name is told why, in the page.
        var stranger = await browser.NewPageAsync();
        await stranger.GotoAsync(new Uri(host.Address, "/signin?user=eve").ToString());
        await Expect(stranger.Locator("#message")).ToContainTextAsync("signed in as 'eve', who is not a reviewer of labeling session 'review'");
        Assert.Equal(2, (await scenario.LabelsAsync()).Count);
    }

    [Fact]
    public async Task The_hosts_user_decides_the_reviewer_operators_see_everyone_and_label_nothing_and_writes_need_the_users_antiforgery_token()
    {
        await using var scenario = await LabelingScenario.CreateAsync(LabelingScenario.Traces(3), reviewers: ["maria", "tom"], labelsPerTrace: 2);
        await using var host = await SignInHost.StartAsync(scenario);

        using var anonymous = await host.ClientAsync(null);
        var refused = await anonymous.GetAsync("/labeling/api/session");
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode); // the host's challenge: to its login page
        Assert.Equal("/login", refused.Headers.Location!.AbsolutePath);

        using var maria = await host.ClientAsync("maria");
        var session = await maria.GetFromJsonAsync<JsonElement>("/labeling/api/session");
        Assert.Equal("maria", session.GetProperty("reviewer").GetString());
        var header = session.GetProperty("antiforgeryHeader").GetString()!;
        Assert.Equal(HttpStatusCode.BadRequest, (await maria.PostAsJsonAsync("/labeling/api/label?traceId=t1", new { value = true })).StatusCode);
        maria.DefaultRequestHeaders.Add(header, session.GetProperty("antiforgery").GetString());
        (await maria.PostAsJsonAsync("/labeling/api/label?traceId=t1", new { value = true })).EnsureSuccessStatusCode();

        // Tom's requests carry tom's identity; maria's antiforgery token is not his.
        using var tom = await host.ClientAsync("tom");
        _ = await tom.GetFromJsonAsync<JsonElement>("/labeling/api/session"); // tom's own antiforgery cookie
        tom.DefaultRequestHeaders.Add(header, session.GetProperty("antiforgery").GetString());
        var stale = await tom.PostAsJsonAsync("/labeling/api/label?traceId=t1", new { value = false });
        Assert.Equal(HttpStatusCode.BadRequest, stale.StatusCode);
        Assert.Contains("out of date", await stale.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var admin = await host.ClientAsync("lead", role: "admin");
        var status = JsonNode.Parse(await admin.GetStringAsync("/labeling/api/status"))!;
        Assert.Equal(["maria", "tom"], status["reviewers"]!.AsArray().Select(r => (string)r!["reviewer"]!));
        Assert.Equal(1, (int)status["reviewers"]![0]!["labelled"]!);
        Assert.True(JsonNode.Parse(await admin.GetStringAsync("/labeling/api/session"))!["reviewer"] is null);
        Assert.Equal(HttpStatusCode.Forbidden, (await admin.GetAsync("/labeling/api/next")).StatusCode);

        var mine = JsonNode.Parse(await tom.GetStringAsync("/labeling/api/status"))!;
        Assert.Equal(["tom"], mine["reviewers"]!.AsArray().Select(r => (string)r!["reviewer"]!));
        Assert.Null(mine["agreement"]);

        using var eve = await host.ClientAsync("eve");
        var stranger = await eve.GetAsync("/labeling/api/session");
        Assert.Equal(HttpStatusCode.Forbidden, stranger.StatusCode);
        Assert.Contains("'eve', who is not a reviewer", await stranger.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var labels = await scenario.LabelsAsync();
        Assert.Equal([("t1", "maria")], labels.Select(l => (l.TraceId, l.Label.Source.Id)));
    }

    [Fact]
    public async Task A_session_that_is_not_there_yet_is_answered_503_with_the_reason_and_served_once_it_is()
    {
        await using var scenario = await LabelingScenario.CreateAsync(LabelingScenario.Traces(2), reviewers: ["maria"]);
        await using var host = await SignInHost.StartAsync(scenario, options => options with { SessionName = "later" });
        using var maria = await host.ClientAsync("maria");

        var missing = await maria.GetAsync("/labeling/api/session");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, missing.StatusCode);
        Assert.Contains("There is no labeling session 'later'", await missing.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        await scenario.Store.CreateLabelingSessionAsync(scenario.Session with { Name = "later" });
        var session = await maria.GetFromJsonAsync<JsonElement>("/labeling/api/session");
        Assert.Equal("later", session.GetProperty("session").GetString());
    }

    [Fact]
    public async Task Mounting_in_a_host_without_antiforgery_or_authorization_says_what_to_add()
    {
        await using var scenario = await LabelingScenario.CreateAsync(LabelingScenario.Traces(1), reviewers: ["maria"]);
        var options = new LabelingEndpointOptions { Traces = scenario.Store, Judges = scenario.Store, Sessions = scenario.Store, SessionName = LabelingScenario.SessionName };

        var bare = WebApplication.CreateSlimBuilder();
        bare.Services.AddAuthorization();
        await using var noAntiforgery = bare.Build();
        Assert.Contains("builder.Services.AddAntiforgery()", Assert.Throws<InvalidOperationException>(() => noAntiforgery.MapMemAlignLabeling("/labeling", options)).Message, StringComparison.Ordinal);

        var withoutAuthorization = WebApplication.CreateSlimBuilder();
        withoutAuthorization.Services.AddAntiforgery();
        await using var noAuthorization = withoutAuthorization.Build();
        Assert.Contains("builder.Services.AddAuthorization()", Assert.Throws<InvalidOperationException>(() => noAuthorization.MapMemAlignLabeling("/labeling", options)).Message, StringComparison.Ordinal);
    }
}
