using MemAlign.Alignment;
using MemAlign.Testing;
using static MemAlign.Labeling.Tests.Pages;
using static Microsoft.Playwright.Assertions;

namespace MemAlign.Labeling.Tests;

[Collection(BrowserCollection.Name)]
public sealed class KeyboardSessionTests(Browser browser)
{
    [ChromiumFact]
    public async Task A_whole_session_is_labelled_with_the_keyboard_only_and_alignment_learns_from_the_labels()
    {
        await using var scenario = await LabelingScenario.CreateAsync(LabelingScenario.Traces(4));
        var server = await scenario.StartAsync("ana", scenario.LocalVerdicts());
        var page = await browser.NewPageAsync();

        await page.GotoAsync(server.Links.Single().Url.ToString());
        await Expect(page.Locator("#reviewer")).ToHaveTextAsync("ana");
        await Expect(page.Locator("#schema-title")).ToHaveTextAsync("Is the answer helpful?");
        await Expect(page.Locator("#schema-instruction strong")).ToHaveTextAsync("yes");
        await Expect(page.Locator("#verdict")).ToBeHiddenAsync();     // blind: the judge's verdict comes after the label
        Assert.DoesNotContain("token", page.Url, StringComparison.Ordinal);

        await LabelAsync(page, "t1", "y");
        await ShowsItemAsync(page, "t2");
        await PressAsync(page, "s");                                      // skip t2 for now
        await LabelAsync(page, "t3", "n", "Does not say where Settings is.");
        await ShowsItemAsync(page, "t4");
        await PressAsync(page, "k");                                      // back to the skipped one
        await ShowsItemAsync(page, "t3");
        await PressAsync(page, "k");
        await LabelAsync(page, "t2", "y");
        await LabelAsync(page, "t4", "y");
        await ShowsCompleteAsync(page);
        await Expect(page.Locator("#progress-text")).ToHaveTextAsync("4 labelled · 0 to go");

        await PressAsync(page, "u");                                      // undo t4's label, and label it again
        await ShowsItemAsync(page, "t4");
        Assert.Equal(3, (await scenario.LabelsAsync()).Count);
        await LabelAsync(page, "t4", "n");
        await ShowsCompleteAsync(page);

        var labels = await scenario.LabelsAsync();
        Assert.Equal(["t1", "t2", "t3", "t4"], labels.Select(l => l.TraceId));
        Assert.All(labels, l => Assert.Equal(AssessmentSource.Human("ana"), l.Label.Source));
        Assert.Equal([true, true, false, false], labels.Select(l => l.Label.Value.AsBoolean()));
        Assert.Equal("Does not say where Settings is.", labels[2].Label.Rationale);

        // The labels are feedback at once: alignment reads every one of them from the store.
        var traces = await scenario.Store.GetTracesAsync(scenario.Experiment, scenario.Session.TraceIds);
        var alignment = await new MemAlignOptimizer(new MemAlignOptions()).AlignAsync(scenario.Definition, JudgeMemory.Empty, traces);
        Assert.Equal(["t1", "t2", "t3", "t4"], alignment.Memory.Examples.Select(e => e.TraceId).Order(StringComparer.Ordinal));
        Assert.Contains(alignment.Memory.Examples, e => e.Rationale == "Does not say where Settings is.");
    }

    [ChromiumFact]
    public async Task Holding_u_undoes_one_label_not_one_per_key_repeat()
    {
        await using var scenario = await LabelingScenario.CreateAsync(LabelingScenario.Traces(3));
        var server = await scenario.StartAsync("ana");
        var page = await browser.NewPageAsync();
        await page.GotoAsync(server.Links.Single().Url.ToString());
        await LabelAsync(page, "t1", "y");
        await LabelAsync(page, "t2", "y");
        await LabelAsync(page, "t3", "y");
        await ShowsCompleteAsync(page);

        await page.Keyboard.DownAsync("u");
        await ShowsItemAsync(page, "t3");
        for (var i = 0; i < 5; i++)
        {
            // The key held down: the browser repeats it, as a keyboard does every 30 to 100 ms.
            await page.WaitForTimeoutAsync(100);
            await page.Keyboard.DownAsync("u");
        }

        await page.Keyboard.UpAsync("u");
        await page.WaitForTimeoutAsync(300);
        await ShowsItemAsync(page, "t3");
        Assert.Equal(["t1", "t2"], (await scenario.LabelsAsync()).Select(l => l.TraceId));
    }

    [ChromiumFact]
    public async Task A_new_server_on_the_same_store_resumes_at_the_reviewers_next_unlabelled_item()
    {
        await using var scenario = await LabelingScenario.CreateAsync(LabelingScenario.Traces(4));
        var first = await scenario.StartAsync("ana");
        var page = await browser.NewPageAsync();
        await page.GotoAsync(first.Links.Single().Url.ToString());
        await LabelAsync(page, "t1", "y");
        await LabelAsync(page, "t2", "n");
        await first.DisposeAsync();

        var second = await scenario.StartAsync("ana");
        await page.GotoAsync(second.Links.Single().Url.ToString());
        await ShowsItemAsync(page, "t3");
        await Expect(page.Locator("#progress-text")).ToHaveTextAsync("2 labelled · 2 to go");
        await LabelAsync(page, "t3", "y");
        await ShowsItemAsync(page, "t4");
        Assert.Equal(3, (await scenario.LabelsAsync()).Count);
    }
}
