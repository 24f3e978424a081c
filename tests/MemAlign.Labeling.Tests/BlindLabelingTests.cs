using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using MemAlign.Testing;
using Microsoft.Playwright;
using static MemAlign.Labeling.Tests.Pages;
using static Microsoft.Playwright.Assertions;

namespace MemAlign.Labeling.Tests;

/// <summary>
/// Labels worth learning from: by default a reviewer answers before the judge's verdict (or the examples it recalled)
/// reaches the page; each label records whether the judge had been shown; the answer controls are on the first screen.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class BlindLabelingTests(Browser browser)
{
    private const string Marker = "JUDGE-RATIONALE-7f3a";

    // A judge that says "helpful" with a rationale the tests can look for anywhere.
    private static Func<Trace, CancellationToken, Task<JudgeVerdict>> ScriptedJudge(LabelingScenario scenario) => (trace, cancellationToken) =>
    {
        var model = new ScriptedChatClient(fallback: _ => ScriptedChatClient.Response($"{{\"rationale\": \"{Marker} on {trace.Id}\", \"result\": true}}"));
        return ((IJudge)Judge.Create(scenario.Definition, model)).EvaluateAsync(trace, cancellationToken);
    };

    [ChromiumFact]
    public async Task In_a_default_session_the_judges_verdict_reaches_the_page_only_after_the_reviewers_own_label_and_a_change_after_it_is_recorded_as_not_blind()
    {
        await using var scenario = await LabelingScenario.CreateAsync(LabelingScenario.Traces(2));
        Assert.Equal(JudgeVisibility.AfterLabel, (await scenario.Store.GetLabelingSessionAsync(scenario.Experiment, LabelingScenario.SessionName))!.ShowJudge);
        var server = await scenario.StartAsync("ana", ScriptedJudge(scenario));
        var page = await browser.NewPageAsync(1280, 800);
        var bodies = new ConcurrentQueue<Task<string>>();
        page.Response += (_, response) =>
        {
            if (response.Url.Contains("/api/", StringComparison.Ordinal))
            {
                bodies.Enqueue(response.TextAsync());
            }
        };

        await page.GotoAsync(server.Links.Single().Url.ToString());
        await Expect(page.Locator("#trace-id")).Not.ToBeEmptyAsync();
        var first = await page.Locator("#trace-id").TextContentAsync() ?? "";
        await Expect(page.Locator("#verdict")).ToBeHiddenAsync();

        // Not hidden but absent: neither the page nor anything the server sent holds the verdict before the label.
        Assert.DoesNotContain(Marker, await page.ContentAsync(), StringComparison.Ordinal);
        foreach (var body in bodies)
        {
            Assert.DoesNotContain(Marker, await body, StringComparison.Ordinal);
        }

        await PressAsync(page, "y", "Enter");
        await page.WaitForFunctionAsync("id => document.body.dataset.feedback === id", first);
        await Expect(page.Locator("#verdict-rationale")).ToHaveTextAsync($"{Marker} on {first}");
        await Expect(page.Locator("#submit")).ToBeDisabledAsync();
        await Expect(page.Locator("#change-label")).ToBeVisibleAsync();
        await PressAsync(page, "n");                                       // the label stands: keys do not change it
        var blind = (await scenario.LabelsAsync()).Single();
        Assert.Equal((first, true, (bool?)false), (blind.TraceId, blind.Label.Value.AsBoolean(), blind.Label.JudgeShown));

        // Changing it after seeing the judge takes an explicit step, and the new label says the judge was shown.
        await page.Locator("#change-label").ClickAsync();
        await Expect(page.Locator("#submit")).ToBeEnabledAsync();
        await PressAsync(page, "n", "Enter");
        await page.WaitForFunctionAsync("id => document.body.dataset.feedback === id", first);
        var changed = (await scenario.LabelsAsync()).Single();
        Assert.Equal((false, (bool?)true), (changed.Label.Value.AsBoolean(), changed.Label.JudgeShown));

        // Enter moves on; the next item is blind again.
        await PressAsync(page, "Enter");
        await MovedOnFromAsync(page, first);
        await Expect(page.Locator("#verdict")).ToBeHiddenAsync();
        await Expect(page.Locator("#submit")).ToBeEnabledAsync();
    }

    [ChromiumFact]
    public async Task At_1280x800_the_inputs_outputs_and_answer_controls_are_on_the_first_screen_even_with_the_judge_shown_first()
    {
        var question = "My invoices export fails. " + string.Concat(Enumerable.Repeat("The export dialog shows an error about a locked file and a retry button. ", 14));
        var answer = "Close the file in any program that has it open, then export again. " + string.Concat(Enumerable.Repeat("If that does not help, restart the app and try once more. ", 18));
        await using var scenario = await LabelingScenario.CreateAsync([Trace.Create("long-1", question, answer), .. LabelingScenario.Traces(1)],
            instruction: string.Concat(Enumerable.Repeat("Say **yes** when the answer solves the user's problem for their product version, and explain a **no**. ", 8)),
            showJudge: JudgeVisibility.BeforeLabel);
        var server = await scenario.StartAsync("ana", ScriptedJudge(scenario));
        var page = await browser.NewPageAsync(1280, 800);

        await page.GotoAsync(server.Links.Single().Url.ToString());
        await Expect(page.Locator("#trace-id")).Not.ToBeEmptyAsync();
        await page.GotoAsync(server.Address + "#item/long-1");
        await ShowsItemAsync(page, "long-1");
        await Expect(page.Locator("#verdict-rationale")).ToContainTextAsync(Marker);

        var onScreen = new[]
        {
            page.Locator("#trace section.field").Nth(0), page.Locator("#trace section.field").Nth(1),
            page.Locator("#choices .choice").First, page.Locator("#choices .choice").Last, page.Locator("#comment"), page.Locator("#submit"),
        };
        foreach (var element in onScreen)
        {
            var box = await element.BoundingBoxAsync();
            Assert.NotNull(box);
            Assert.True(box.Y >= 0 && box.Y + Math.Min(box.Height, 40) <= 800,
                $"{await element.EvaluateAsync<string>("e => e.id || e.className || e.tagName")} is at y={box.Y} (height {box.Height}), outside the first 800 pixels");
        }

        Assert.Equal(0, await page.EvaluateAsync<double>("() => window.scrollY"));
        Assert.Equal(["Inputs", "Outputs"], (await page.Locator("#trace section.field h2").AllTextContentsAsync()).Take(2));

        // The judge's panel folds away, and never pushes the controls down.
        var submitBefore = (await page.Locator("#submit").BoundingBoxAsync())!.Y;
        await page.Locator("#verdict > summary").ClickAsync();
        Assert.Equal(submitBefore, (await page.Locator("#submit").BoundingBoxAsync())!.Y);
    }

    [Fact]
    public async Task Labels_record_whether_the_judge_was_shown_and_agreement_leaves_out_those_given_after_it_unless_asked()
    {
        await using var scenario = await LabelingScenario.CreateAsync(LabelingScenario.Traces(3), reviewers: ["ana", "ben"], labelsPerTrace: 2, showJudge: JudgeVisibility.BeforeLabel);
        var server = await scenario.StartAsync(verdicts: ScriptedJudge(scenario));
        using var ana = await ReviewerClient.OpenAsync(server.Links[0]);
        using var ben = await ReviewerClient.OpenAsync(server.Links[1]);

        // ana opens t1 and t2 (the judge shown first), and labels t3 without opening it; ben labels all three blind.
        foreach (var id in new[] { "t1", "t2" })
        {
            Assert.Contains(Marker, await (await ana.ItemAsync(id)).Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        foreach (var (id, value) in new[] { ("t1", true), ("t2", false), ("t3", true) })
        {
            (await ana.LabelAsync(id, value)).EnsureSuccessStatusCode();
            (await ben.LabelAsync(id, !value)).EnsureSuccessStatusCode();
        }

        var labels = await scenario.LabelsAsync();
        Assert.Equal([("t1", true), ("t2", true), ("t3", false)],
            labels.Where(l => l.Label.Source.Id == "ana").Select(l => (l.TraceId, l.Label.JudgeShown == true)));
        Assert.All(labels.Where(l => l.Label.Source.Id == "ben"), l => Assert.Equal(false, l.Label.JudgeShown));

        var traces = await scenario.Store.GetTracesAsync(scenario.Experiment, scenario.Session.TraceIds);
        var blind = LabelingProgress.Status(scenario.Session, traces, scenario.Definition).Agreement;
        var all = LabelingProgress.Status(scenario.Session, traces, scenario.Definition, includeNonBlind: true).Agreement;
        Assert.Equal((2, 1, false), (blind.NonBlindLabels, blind.MultiplyLabelledTraces, blind.IncludesNonBlindLabels));
        Assert.Contains("2 label(s) given after seeing the judge's verdict left out", blind.ToString(), StringComparison.Ordinal);
        Assert.Equal((2, 3, true), (all.NonBlindLabels, all.MultiplyLabelledTraces, all.IncludesNonBlindLabels));

        // The judge against each reviewer: ana's anchored labels are left out unless asked for.
        var verdicts = scenario.Session.TraceIds.ToDictionary(id => id, _ => (FeedbackValue)true);
        Assert.Equal(1, LabelingProgress.JudgeAgreement(scenario.Session, traces, verdicts).Single(p => p.Reviewer == "ana").SharedTraces);
        Assert.Equal(3, LabelingProgress.JudgeAgreement(scenario.Session, traces, verdicts, includeNonBlind: true).Single(p => p.Reviewer == "ana").SharedTraces);

        // The operator's status says how many labels were not blind.
        using var @operator = await ReviewerClient.OpenAsync(new ReviewerLink("operator", server.OperatorLink));
        var status = JsonNode.Parse(await @operator.Http.GetStringAsync("/api/status"))!;
        Assert.Contains("left out (blind labels only)", (string)status["agreement"]!["summary"]!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Undo_restores_whether_the_replaced_label_was_blind()
    {
        await using var scenario = await LabelingScenario.CreateAsync(LabelingScenario.Traces(1));
        var server = await scenario.StartAsync(verdicts: ScriptedJudge(scenario));
        using var ana = await ReviewerClient.OpenAsync(server.Links[0]);

        (await ana.LabelAsync("t1", true)).EnsureSuccessStatusCode();                      // blind
        Assert.Contains(Marker, await (await ana.ItemAsync("t1")).Content.ReadAsStringAsync(), StringComparison.Ordinal); // now shown, as feedback
        (await ana.LabelAsync("t1", false)).EnsureSuccessStatusCode();                     // changed after seeing it
        Assert.Equal((false, (bool?)true), ((await scenario.LabelsAsync()).Single().Label.Value.AsBoolean(), (await scenario.LabelsAsync()).Single().Label.JudgeShown));

        (await System.Net.Http.Json.HttpClientJsonExtensions.PostAsJsonAsync(ana.Http, "/api/undo", new { })).EnsureSuccessStatusCode();
        var restored = (await scenario.LabelsAsync()).Single().Label;
        Assert.Equal((true, (bool?)false), (restored.Value.AsBoolean(), restored.JudgeShown));
    }

    [Fact]
    public async Task A_session_that_never_shows_the_judge_sends_no_verdict_even_after_the_label()
    {
        await using var scenario = await LabelingScenario.CreateAsync(LabelingScenario.Traces(1), showJudge: JudgeVisibility.Never);
        var server = await scenario.StartAsync(verdicts: ScriptedJudge(scenario));
        using var ana = await ReviewerClient.OpenAsync(server.Links[0]);

        (await ana.LabelAsync("t1", true)).EnsureSuccessStatusCode();
        var item = JsonNode.Parse(await (await ana.ItemAsync("t1")).Content.ReadAsStringAsync())!;
        Assert.Null(item["verdict"]);
        Assert.Equal("never", (string)JsonNode.Parse(await ana.Http.GetStringAsync("/api/session"))!["showJudge"]!);
        Assert.Equal(false, (await scenario.LabelsAsync()).Single().Label.JudgeShown);
    }
}
