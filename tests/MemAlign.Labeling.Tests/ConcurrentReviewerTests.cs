using System.Net;
using Microsoft.Playwright;
using MemAlign.Testing;
using static MemAlign.Labeling.Tests.Pages;

namespace MemAlign.Labeling.Tests;

[Collection(BrowserCollection.Name)]
public sealed class ConcurrentReviewerTests(Browser browser)
{
    [ChromiumTheory]
    [InlineData(Backends.Sqlite)]
    [PostgreSqlData]
    public async Task Two_reviewers_in_two_browsers_label_at_once_and_every_label_is_stored_once(string backend)
    {
        await using var scenario = await LabelingScenario.CreateAsync(LabelingScenario.Traces(5), reviewers: ["ana", "ben"], labelsPerTrace: 2, backend: backend);
        var server = await scenario.StartAsync();
        var ana = await browser.NewPageAsync();
        var ben = await browser.NewPageAsync();

        await Task.WhenAll(LabelEverythingAsync(ana, server.Links[0], "y"), LabelEverythingAsync(ben, server.Links[1], "n"));

        var labels = await scenario.LabelsAsync();
        Assert.Equal(10, labels.Count);
        Assert.All(labels.GroupBy(l => l.TraceId), trace => Assert.Equal(["ana", "ben"], trace.Select(l => l.Label.Source.Id).Order(StringComparer.Ordinal)));
        Assert.All(labels, l => Assert.Equal(l.Label.Source.Id == "ana", l.Label.Value.AsBoolean()));
        Assert.Equal(10, labels.Select(l => l.Label.Id).Distinct().Count());
    }

    [Theory]
    [InlineData(Backends.Sqlite)]
    [PostgreSqlData]
    public async Task Two_reviewers_submitting_the_same_item_at_once_store_one_label_and_the_late_one_gets_409(string backend)
    {
        await using var scenario = await LabelingScenario.CreateAsync(LabelingScenario.Traces(6), reviewers: ["ana", "ben"], labelsPerTrace: 1, backend: backend);
        var server = await scenario.StartAsync();
        using var ana = await ReviewerClient.OpenAsync(server.Links[0]);
        using var ben = await ReviewerClient.OpenAsync(server.Links[1]);

        foreach (var traceId in scenario.Session.TraceIds)
        {
            var responses = await Task.WhenAll(ana.LabelAsync(traceId, true), ben.LabelAsync(traceId, false));
            Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Conflict], responses.Select(r => r.StatusCode).Order());
        }

        // One reviewer submitting twice at once (a double click) updates their label instead of adding a second.
        var doubled = await Task.WhenAll(ana.LabelAsync("t1", false, "second thoughts"), ana.LabelAsync("t1", false, "second thoughts"));
        var labels = await scenario.LabelsAsync();
        Assert.Equal(6, labels.Count);
        Assert.Equal(6, labels.Select(l => l.TraceId).Distinct().Count());
        if (labels.Single(l => l.TraceId == "t1").Label.Source.Id == "ana")
        {
            Assert.All(doubled, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
            Assert.Equal("second thoughts", labels.Single(l => l.TraceId == "t1").Label.Rationale);
        }
    }

    // Labels with one key until the session is complete for this reviewer, waiting for each item as a person would.
    private static async Task LabelEverythingAsync(IPage page, ReviewerLink link, string key)
    {
        await page.GotoAsync(link.Url.ToString());
        for (var labelled = 0; labelled < 10; labelled++)
        {
            var shown = await page.WaitForFunctionAsync(
                "() => !document.getElementById('complete-view').hidden ? 'complete' : (!document.getElementById('item-view').hidden ? document.getElementById('trace-id').textContent : null)");
            var traceId = await shown.JsonValueAsync<string>();
            if (traceId == "complete")
            {
                return;
            }

            await LabelAsync(page, traceId, key);
        }

        throw new InvalidOperationException($"{link.Reviewer} was still labelling after 10 items of a 5-item session.");
    }
}
