using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MemAlign.Storage;
using MemAlign.Testing;
using static MemAlign.Labeling.Tests.Pages;
using static Microsoft.Playwright.Assertions;

namespace MemAlign.Labeling.Tests;

/// <summary>A trace the page cannot show must never hold a reviewer up.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ProblemItemTests(Browser browser)
{
    [Fact]
    public async Task Markdown_nested_hundreds_deep_shows_as_text_and_a_huge_field_is_capped()
    {
        var quotes = new string('>', 300) + " deep <b>quote</b>";
        var lists = string.Concat(Enumerable.Range(0, 300).Select(i => new string(' ', 2 * i) + "- item\n"));
        var huge = new string('x', 3 * TraceFieldViews.MaxShownCharacters);
        var traces = new[]
        {
            new Trace("quotes") { Inputs = JsonSerializer.SerializeToElement(lists), Outputs = JsonSerializer.SerializeToElement(quotes), Expectations = JsonSerializer.SerializeToElement(huge) },
        };
        await using var scenario = await LabelingScenario.CreateAsync(traces);
        var server = await scenario.StartAsync();
        using var reviewer = await ReviewerClient.OpenAsync(server.Links.Single());

        var response = await reviewer.ItemAsync("quotes");

        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        var fields = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("fields").EnumerateArray().ToDictionary(f => f.GetProperty("name").GetString()!, f => f.GetProperty("html").GetString()!);
        Assert.Contains(new string('>', 300).Replace(">", "&gt;", StringComparison.Ordinal) + " deep &lt;b&gt;quote&lt;/b&gt;", fields["Outputs"], StringComparison.Ordinal);
        Assert.Contains("- item", fields["Inputs"], StringComparison.Ordinal);
        Assert.True(fields["Expectations"].Length < TraceFieldViews.MaxShownCharacters + 1_000, $"{fields["Expectations"].Length} characters rendered");
        Assert.Contains("200,000 more characters not shown", fields["Expectations"], StringComparison.Ordinal);
        (await reviewer.LabelAsync("quotes", true)).EnsureSuccessStatusCode();
    }

    [ChromiumFact]
    public async Task An_item_that_fails_to_open_even_the_first_is_the_one_s_skips_and_it_is_not_offered_again()
    {
        await using var scenario = await LabelingScenario.CreateAsync(LabelingScenario.Traces(3));
        var server = await scenario.StartAsync();
        var page = await browser.NewPageAsync();
        // The server fails on t1, whatever the reason (a store error, content it cannot render).
        await page.RouteAsync(url => url.Contains("/api/item", StringComparison.Ordinal) && url.Contains("t1", StringComparison.Ordinal),
            route => route.FulfillAsync(new() { Status = 500, ContentType = "application/json", Body = "{\"error\":\"Trace 't1' could not be shown.\"}" }));

        await page.GotoAsync(server.Links.Single().Url.ToString());
        await Expect(page.Locator("#message")).ToContainTextAsync("could not be shown");
        await PressAsync(page, "s");
        await ShowsItemAsync(page, "t2");

        await LabelAsync(page, "t2", "y");
        await LabelAsync(page, "t3", "y");
        await ShowsCompleteAsync(page);
        Assert.Equal(["t2", "t3"], (await scenario.LabelsAsync()).Select(l => l.TraceId));
    }

    [Fact]
    public async Task An_item_the_server_fails_on_is_set_aside_so_next_offers_another()
    {
        await using var scenario = await LabelingScenario.CreateAsync(LabelingScenario.Traces(2));
        var store = new FailingTraceStore(scenario.Store);
        var server = await scenario.StartAsync(configure: options => options with { Traces = store });
        using var reviewer = await ReviewerClient.OpenAsync(server.Links.Single());

        store.FailNextRead = true;
        var failed = await reviewer.ItemAsync("t1");

        Assert.Equal(HttpStatusCode.InternalServerError, failed.StatusCode);
        Assert.Contains("Trace 't1' could not be shown", (await failed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Equal("t2", (await reviewer.Http.GetFromJsonAsync<JsonElement>("/api/next")).GetProperty("traceId").GetString());
    }

    /// <summary>A store whose next read fails, as a database that went away for a moment.</summary>
    private sealed class FailingTraceStore(ITraceStore inner) : ITraceStore
    {
        public bool FailNextRead { get; set; }

        public Task<Trace?> GetTraceAsync(string experiment, string traceId, CancellationToken cancellationToken = default) =>
            FailIfAsked(() => inner.GetTraceAsync(experiment, traceId, cancellationToken));

        public Task<IReadOnlyList<Trace>> GetTracesAsync(string experiment, IReadOnlyCollection<string> traceIds, CancellationToken cancellationToken = default) =>
            FailIfAsked(() => inner.GetTracesAsync(experiment, traceIds, cancellationToken));

        public IAsyncEnumerable<Trace> SearchTracesAsync(string experiment, TraceQuery query, CancellationToken cancellationToken = default) =>
            FailIfAsked(() => inner.SearchTracesAsync(experiment, query, cancellationToken));

        public Task<IReadOnlyList<string>> ListExperimentsAsync(CancellationToken cancellationToken = default) => inner.ListExperimentsAsync(cancellationToken);

        public Task CreateExperimentAsync(string experiment, CancellationToken cancellationToken = default) => inner.CreateExperimentAsync(experiment, cancellationToken);

        public Task<int> AddTracesAsync(string experiment, IEnumerable<Trace> traces, CancellationToken cancellationToken = default) => inner.AddTracesAsync(experiment, traces, cancellationToken);

        public Task TagTraceAsync(string experiment, string traceId, string key, string value, CancellationToken cancellationToken = default) =>
            inner.TagTraceAsync(experiment, traceId, key, value, cancellationToken);

        public Task LogAssessmentAsync(string experiment, string traceId, Assessment assessment, CancellationToken cancellationToken = default) =>
            inner.LogAssessmentAsync(experiment, traceId, assessment, cancellationToken);

        public Task UpdateAssessmentAsync(string experiment, string assessmentId, FeedbackValue value, string? rationale, CancellationToken cancellationToken = default) =>
            inner.UpdateAssessmentAsync(experiment, assessmentId, value, rationale, cancellationToken);

        public Task<IReadOnlyList<Assessment>> GetAssessmentHistoryAsync(string experiment, string traceId, CancellationToken cancellationToken = default) =>
            inner.GetAssessmentHistoryAsync(experiment, traceId, cancellationToken);

        public Task<bool> DeleteAssessmentAsync(string experiment, string assessmentId, CancellationToken cancellationToken = default) =>
            inner.DeleteAssessmentAsync(experiment, assessmentId, cancellationToken);

        private T FailIfAsked<T>(Func<T> read)
        {
            if (FailNextRead)
            {
                FailNextRead = false;
                throw new InvalidOperationException("The database went away.");
            }

            return read();
        }
    }
}
