using System.Net.Http.Json;
using System.Text.Json;
using MemAlign.Testing;
using static MemAlign.Labeling.Tests.Pages;
using static Microsoft.Playwright.Assertions;

namespace MemAlign.Labeling.Tests;

/// <summary>A trace whose inputs are a conversation (a message list) shows as its turns, each as text, never as markup.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ConversationItemTests(Browser browser)
{
    private static Trace Conversation() => new("chat")
    {
        Inputs = JsonSerializer.SerializeToElement(new object[]
        {
            new { role = "system", content = "You are a support agent." },
            new { role = "user", content = "My refund <script>window.__xss='turn'</script> never came." },
            new { role = "assistant", content = "Which order?" },
            new { role = "<b>user</b>", content = "Order **48213**." },
        }),
        Outputs = JsonSerializer.SerializeToElement("The refund is issued; 3-5 business days."),
    };

    [Fact]
    public async Task The_item_gives_a_conversation_as_its_turns_with_roles_encoded_and_text_as_safe_markdown()
    {
        await using var scenario = await LabelingScenario.CreateAsync([Conversation()]);
        var server = await scenario.StartAsync();
        using var reviewer = await ReviewerClient.OpenAsync(server.Links.Single());

        var response = await reviewer.ItemAsync("chat");

        response.EnsureSuccessStatusCode();
        var fields = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("fields").EnumerateArray().ToList();
        var conversation = fields.Single(f => f.GetProperty("name").GetString() == "Conversation (4 turns)");
        var html = conversation.GetProperty("html").GetString()!;
        Assert.Equal(4, html.Split("<li class=\"turn\">").Length - 1);
        Assert.Contains("<span class=\"role\">&lt;b&gt;user&lt;/b&gt;</span>", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.Ordinal);
        Assert.Contains("<strong>48213</strong>", html, StringComparison.Ordinal);
        Assert.StartsWith("system: You are a support agent.", conversation.GetProperty("summary").GetString(), StringComparison.Ordinal);
        Assert.Contains(fields, f => f.GetProperty("name").GetString() == "Outputs");
    }

    [ChromiumFact]
    public async Task The_page_shows_each_turn_with_its_role_and_runs_nothing_from_it()
    {
        await using var scenario = await LabelingScenario.CreateAsync([Conversation()]);
        var server = await scenario.StartAsync();
        var page = await browser.NewPageAsync();

        await page.GotoAsync(server.Links.Single().Url.ToString());
        await ShowsItemAsync(page, "chat");

        var turns = page.Locator("#trace .conversation .turn");
        await Expect(turns).ToHaveCountAsync(4);
        await Expect(turns.Nth(1)).ToContainTextAsync("My refund <script>window.__xss='turn'</script> never came.");
        await Expect(turns.Nth(3).Locator(".role")).ToHaveTextAsync("<b>user</b>");
        Assert.Equal(0, await page.Locator("#trace script, #trace b").CountAsync());
        Assert.True(await page.EvaluateAsync<bool>("() => window.__xss === undefined"), "a script from a turn ran");
    }
}
