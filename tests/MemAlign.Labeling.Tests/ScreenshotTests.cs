using System.Text.Json;
using MemAlign.Testing;
using static MemAlign.Labeling.Tests.Pages;
using static Microsoft.Playwright.Assertions;

namespace MemAlign.Labeling.Tests;

[Collection(BrowserCollection.Name)]
public sealed class ScreenshotTests(Browser browser)
{
    /// <summary>Where the screenshot goes; docs/labeling-app.png in the README is a copy of it.</summary>
    public static string ScreenshotPath => Path.Combine(AppContext.BaseDirectory, "artifacts", "labeling-app.png");

    /// <summary>Where the page is captured after the label, with the judge's verdict shown as feedback.</summary>
    public static string FeedbackScreenshotPath => Path.Combine(AppContext.BaseDirectory, "artifacts", "labeling-app-feedback.png");

    /// <summary>Where the operator's status page is captured.</summary>
    public static string OperatorScreenshotPath => Path.Combine(AppContext.BaseDirectory, "artifacts", "labeling-operator-status.png");

    [ChromiumFact]
    public async Task The_labeling_page_with_a_realistic_trace_and_the_judges_verdict_is_captured_for_the_readme()
    {
        var trace = new Trace("support-0142")
        {
            Inputs = JsonSerializer.SerializeToElement(new { question = "My export to CSV keeps failing with 'file in use'. What can I do?", product = "Ledger Pro 4.2" }),
            Outputs = JsonSerializer.SerializeToElement(
                "That error means another program has the file open.\n\n1. Close the CSV in **Excel** or any other viewer.\n2. Export again, or choose a new file name.\n3. If it persists, restart Ledger Pro: it may still hold the file from a failed export.\n\nSee [Exporting data](https://example.com/docs/export) for details."),
            Expectations = JsonSerializer.SerializeToElement(new { facts = new[] { "The file is locked by another program", "Closing it or exporting under a new name fixes it" } }),
        };
        await using var scenario = await LabelingScenario.CreateAsync([trace, .. LabelingScenario.Traces(5)],
            title: "Is the answer helpful?",
            instruction: "Answer **yes** when the reply solves the user's problem *for their product version*. Explain a **no** in the comment: the judge learns from it.",
            reviewers: ["maria", "tom"]);
        // The judge, aligned on earlier expert labels (traces outside the session), recalls some of them for this trace.
        var earlier = new[]
        {
            Labelled("support-0031", "Export to PDF fails with 'file in use'.", "Close the PDF in your viewer and export again.", true, "Names the cause and the fix."),
            Labelled("support-0077", "Why does my CSV export fail?", "Exports can fail for many reasons. Try again later.", false, "Generic: does not say what to do about the locked file."),
            Labelled("support-0102", "Backup says the file is in use.", "Another program holds the file: close it, or restart Ledger Pro if a failed run still holds it.", true, "Explains the lock and both ways out."),
        };
        await scenario.Store.AddTracesAsync(scenario.Experiment, earlier);
        var alignment = await new MemAlignOptimizer(new MemAlignOptions()).AlignAsync(scenario.Definition, JudgeMemory.Empty, earlier);
        IJudge judge = Judge.CreateLocal(scenario.Definition).WithMemory(alignment.Memory, alignment.Embedder);
        var server = await scenario.StartAsync(verdicts: judge.EvaluateAsync);
        var page = await browser.NewPageAsync(1280, 800);

        // Blind, as sessions are by default: the reviewer answers before seeing the judge.
        await page.GotoAsync(server.Links[0].Url.ToString());
        await ShowsItemAsync(page, "support-0142");
        await Expect(page.Locator("#verdict")).ToBeHiddenAsync();
        await PressAsync(page, "y", "c");
        await page.Keyboard.TypeAsync("Covers the usual cause and the fix.");
        Directory.CreateDirectory(Path.GetDirectoryName(ScreenshotPath)!);
        await page.ScreenshotAsync(new() { Path = ScreenshotPath, FullPage = false });
        Assert.True(new FileInfo(ScreenshotPath).Length > 10_000);

        // Then the judge's verdict and what it recalled, as feedback.
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("#verdict-value")).Not.ToBeEmptyAsync();
        await Expect(page.Locator("#verdict-example-list li").First).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = FeedbackScreenshotPath, FullPage = false });
    }

    private static Trace Labelled(string id, string question, string answer, bool helpful, string rationale) =>
        Trace.Create(id, new { question }, answer).WithAssessment(new Assessment(LabelingScenario.JudgeName, helpful, AssessmentSource.Human("lead-expert"), rationale));

    [ChromiumFact]
    public async Task The_operators_status_page_shows_each_reviewers_progress_and_their_agreement_and_a_reviewers_only_their_own()
    {
        await using var scenario = await LabelingScenario.CreateAsync(LabelingScenario.Traces(3), reviewers: ["ana", "ben"], labelsPerTrace: 2);
        // A judge that says "helpful" unless the question is the second one: it agrees with ana on t1 and t3, with ben on t1 and t2.
        var judgeCalls = 0;
        var server = await scenario.StartAsync(verdicts: (trace, cancellationToken) =>
        {
            Interlocked.Increment(ref judgeCalls);
            var model = new MemAlign.Testing.ScriptedChatClient(fallback: _ => MemAlign.Testing.ScriptedChatClient.Response(
                $"{{\"rationale\": \"scripted\", \"result\": {(trace.Id == "t2" ? "false" : "true")}}}"));
            return ((IJudge)Judge.Create(scenario.Definition, model)).EvaluateAsync(trace, cancellationToken);
        });
        using (var ana = await ReviewerClient.OpenAsync(server.Links[0]))
        using (var ben = await ReviewerClient.OpenAsync(server.Links[1]))
        {
            foreach (var id in new[] { "t1", "t2", "t3" })
            {
                (await ana.LabelAsync(id, true)).EnsureSuccessStatusCode();
                await ana.Http.GetStringAsync(ReviewerClient.WithId("/api/item", id)); // seen again, with the judge's verdict now that ana answered
            }

            (await ben.LabelAsync("t1", true)).EnsureSuccessStatusCode();
            (await ben.LabelAsync("t2", false)).EnsureSuccessStatusCode();

            // The status never asks the judge: it uses the verdicts already shown (t1, t2), not one per labelled trace.
            using var @operator = await ReviewerClient.OpenAsync(new ReviewerLink("operator", server.OperatorLink));
            var early = System.Text.Json.Nodes.JsonNode.Parse(await @operator.Http.GetStringAsync("/api/status"))!;
            Assert.Equal(3, judgeCalls);
            Assert.Equal(3, (int)early["judgeAgreement"]!.AsArray().Single(p => (string)p!["reviewer"]! == "ana")!["traces"]!);
        }

        // ben sees his own progress and the totals, not ana's nor anyone's agreement.
        var page = await browser.NewPageAsync();
        await page.GotoAsync(server.Links[1].Url.ToString());
        await ShowsItemAsync(page, "t3");
        await page.Locator("#status-link").ClickAsync();
        await Expect(page.Locator("#status-view")).ToBeVisibleAsync();
        await Expect(page.Locator("#status-reviewers tr")).ToHaveTextAsync(["ben21"]);
        await Expect(page.Locator("#status-summary")).ToContainTextAsync("2 of 3 items");
        await Expect(page.Locator("#status-operator")).ToBeHiddenAsync();
        await Expect(page.Locator("#status-reviewer-note")).ToBeVisibleAsync();

        // The operator's link shows everyone's progress, their agreement, and the judge against each.
        page = await browser.NewPageAsync(1280, 900);
        await page.GotoAsync(server.OperatorLink.ToString());
        await Expect(page.Locator("#status-view")).ToBeVisibleAsync();
        await Expect(page.Locator(".who")).ToContainTextAsync("Operator view");
        await Expect(page.Locator("#status-reviewers tr")).ToHaveTextAsync(["ana30", "ben21"]);
        await Expect(page.Locator("#status-summary")).ToContainTextAsync("2 of 3 items");
        await Expect(page.Locator("#status-agreement")).Not.ToBeEmptyAsync();
        await Expect(page.Locator("#status-statistics")).ToContainTextAsync("Krippendorff's alpha (nominal)");
        await Expect(page.Locator("#status-judge tr")).ToHaveTextAsync(new[] { "ana", "ben" }.Select(r => new System.Text.RegularExpressions.Regex($"^{r}")).ToArray());
        // ben and the judge agree on both items they share, with both answers used: kappa 1; ana always says true, so her kappa with the judge is 0.
        await Expect(page.Locator("#status-judge tr").Nth(1)).ToHaveTextAsync("ben1.0001.000 to 1.0002"); // kappa, 95% interval, items
        await Expect(page.Locator("#status-judge tr").Nth(0)).ToHaveTextAsync("ana0.0000.000 to 0.0003");
        await Expect(page.Locator("#status-judge-reference")).ToContainTextAsync("always answering the most common label has kappa 0");
        await Expect(page.Locator("#back-link")).ToBeHiddenAsync(); // the operator labels nothing
        Assert.Equal(3, judgeCalls); // one per item shown; ben's page (t3, not yet labelled by him) asked nothing
        Directory.CreateDirectory(Path.GetDirectoryName(OperatorScreenshotPath)!);
        await page.ScreenshotAsync(new() { Path = OperatorScreenshotPath, FullPage = true });
        Assert.True(new FileInfo(OperatorScreenshotPath).Length > 10_000);
    }
}
