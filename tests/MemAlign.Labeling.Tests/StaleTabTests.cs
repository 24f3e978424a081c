using MemAlign.Testing;
using static MemAlign.Labeling.Tests.Pages;
using static Microsoft.Playwright.Assertions;

namespace MemAlign.Labeling.Tests;

[Collection(BrowserCollection.Name)]
public sealed class StaleTabTests(Browser browser)
{
    [ChromiumFact]
    public async Task A_tab_opened_as_one_reviewer_never_writes_as_another_whose_link_was_opened_later_in_the_same_browser()
    {
        await using var scenario = await LabelingScenario.CreateAsync(LabelingScenario.Traces(2), reviewers: ["maria", "tom"], labelsPerTrace: 2);
        var server = await scenario.StartAsync();
        var marias = await browser.NewPageAsync();
        await marias.GotoAsync(server.Links[0].Url.ToString());
        await Expect(marias.Locator("#reviewer")).ToHaveTextAsync("maria");
        await ShowsItemAsync(marias, "t1");

        // Tom's link, opened in another tab of the same browser (the same cookies).
        var toms = await marias.Context.NewPageAsync();
        await toms.GotoAsync(server.Links[1].Url.ToString());
        await Expect(toms.Locator("#reviewer")).ToHaveTextAsync("tom");

        await marias.BringToFrontAsync();
        await PressAsync(marias, "y", "Enter");
        await Expect(marias.Locator("#message")).ToContainTextAsync("reload the page");
        await Expect(marias.Locator("#message")).ToContainTextAsync("tom");
        Assert.Empty(await scenario.LabelsAsync());

        // Reloaded, the tab says whose it is now, and writes as them.
        await marias.ReloadAsync();
        await Expect(marias.Locator("#reviewer")).ToHaveTextAsync("tom");
        await LabelAsync(marias, "t1", "y");
        Assert.Equal("tom", Assert.Single(await scenario.LabelsAsync()).Label.Source.Id);
    }
}
