using System.Text.Json;
using MemAlign.Testing;
using static MemAlign.Labeling.Tests.Pages;
using static Microsoft.Playwright.Assertions;

namespace MemAlign.Labeling.Tests;

[Collection(BrowserCollection.Name)]
public sealed class UntrustedContentTests(Browser browser)
{
    private const string ScriptOutput = "<script>window.__xss = 'script'</script><img src=x onerror=\"window.__xss = 'img'\"> and [a link](javascript:window.__xss='link')";

    [ChromiumFact]
    public async Task A_trace_holding_script_and_event_handlers_shows_those_characters_and_runs_nothing()
    {
        var traces = new[]
        {
            new Trace("xss")
            {
                Inputs = JsonSerializer.SerializeToElement(new { question = "<img src=x onerror=\"window.__xss = 'json'\">", note = "</pre><script>window.__xss='pre'</script>" }),
                Outputs = JsonSerializer.SerializeToElement(ScriptOutput),
                Expectations = JsonSerializer.SerializeToElement("<svg onload=\"window.__xss='svg'\"></svg>"),
            },
        };
        await using var scenario = await LabelingScenario.CreateAsync(traces, instruction: "Read carefully. <script>window.__xss='instruction'</script>", title: "<b>Helpful?</b>");
        var server = await scenario.StartAsync();
        var page = await browser.NewPageAsync();
        var dialogs = 0;
        page.Dialog += (_, dialog) => { dialogs++; _ = dialog.DismissAsync(); };

        await page.GotoAsync(server.Links.Single().Url.ToString());
        await ShowsItemAsync(page, "xss");

        var trace = page.Locator("#trace");
        await Expect(trace).ToContainTextAsync("<script>window.__xss = 'script'</script>");
        await Expect(trace).ToContainTextAsync("<img src=x onerror=\"window.__xss = 'img'\">");
        await Expect(trace).ToContainTextAsync("\"question\": \"<img src=x onerror=\\\"window.__xss = 'json'\\\">\"");
        await Expect(trace).ToContainTextAsync("<svg onload=");
        await Expect(page.Locator("#schema-title")).ToHaveTextAsync("<b>Helpful?</b>");
        await Expect(page.Locator("#schema-instruction")).ToContainTextAsync("<script>window.__xss='instruction'</script>");
        Assert.Equal(0, await page.Locator("#trace img, #trace svg, #trace script, #schema-instruction script").CountAsync());
        Assert.True(await page.EvaluateAsync<bool>("() => [...document.querySelectorAll('a')].every(a => !/javascript/i.test(a.getAttribute('href') || ''))"), "a javascript: link survived");

        await page.WaitForTimeoutAsync(300);
        Assert.True(await page.EvaluateAsync<bool>("() => window.__xss === undefined"), "a script from the trace ran");
        Assert.Equal(0, dialogs);
    }
}
