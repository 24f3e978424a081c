using System.Text.Json;
using MemAlign.Testing;
using static MemAlign.Labeling.Tests.Pages;

namespace MemAlign.Labeling.Tests;

[Collection(BrowserCollection.Name)]
public sealed class TraceIdTests(Browser browser)
{
    // Ids a trace file may carry: path separators and dot segments, URL syntax, unicode, a very long one.
    private static readonly string[] Ids = ["a/b", "..", ".", "../x", "50%", "%2F", "what?x=1", "#tag", "ünï côdé ✓/日本", new string('l', 999) + "/"];

    [ChromiumFact]
    public async Task Ids_with_slashes_dots_percent_question_hash_unicode_and_a_thousand_characters_open_and_are_labelled_in_the_browser_each_asked_for_once()
    {
        var traces = Ids.Select(id => new Trace(id) { Inputs = JsonSerializer.SerializeToElement("Question about " + id[..Math.Min(id.Length, 20)]), Outputs = JsonSerializer.SerializeToElement("An answer.") }).ToList();
        await using var scenario = await LabelingScenario.CreateAsync(traces);
        var server = await scenario.StartAsync();
        var page = await browser.NewPageAsync();
        var itemRequests = new List<string>();
        page.Request += (_, request) =>
        {
            if (request.Url.Contains("/api/item", StringComparison.Ordinal))
            {
                itemRequests.Add(request.Url);
            }
        };

        await page.GotoAsync(server.Links.Single().Url.ToString());
        foreach (var id in Ids)
        {
            await LabelAsync(page, id, "y");
        }

        await ShowsCompleteAsync(page);
        Assert.Equal(Ids.Order(StringComparer.Ordinal), (await scenario.LabelsAsync()).Select(l => l.TraceId));
        Assert.Equal(Ids.Length, itemRequests.Count);

        // Back to one by its address (the page's #fragment).
        await page.GotoAsync(server.Address + "#item/" + Uri.EscapeDataString(Ids[0]));
        await ShowsItemAsync(page, Ids[0]);
    }
}
