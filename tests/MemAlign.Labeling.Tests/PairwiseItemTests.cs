using System.Net.Http.Json;
using System.Text.Json;
using MemAlign.Testing;
using static MemAlign.Labeling.Tests.Pages;
using static Microsoft.Playwright.Assertions;

namespace MemAlign.Labeling.Tests;

/// <summary>
/// A pairwise item under a preference schema: its two candidates side by side, in an order drawn per reviewer and item,
/// the reviewer's A and B written back in the stored order, and candidate text shown as text.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class PairwiseItemTests(Browser browser)
{
    private static IReadOnlyList<Trace> Pairs(int count) =>
        [.. Enumerable.Range(1, count).Select(i => PairwiseTrace.Create($"p{i}", $"Question {i}: where is my refund?", $"first-{i}: we are looking into it.", $"second-{i}: issued today, 3 days."))];

    private static async Task<JsonElement> ItemAsync(ReviewerClient reviewer, string traceId)
    {
        var response = await reviewer.ItemAsync(traceId);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static string Text(JsonElement field) => field.GetProperty("html").GetString()!;

    [Fact]
    public async Task Each_reviewer_sees_the_candidates_in_an_order_of_their_own_and_their_A_is_stored_as_the_candidate_they_saw_as_A()
    {
        var traces = Pairs(6);
        await using var scenario = await LabelingScenario.CreateAsync(traces, FeedbackValueType.Preference, reviewers: ["ana", "ben"], labelsPerTrace: 2);
        var server = await scenario.StartAsync();
        using var ana = await ReviewerClient.OpenAsync(server.Links[0]);
        using var ben = await ReviewerClient.OpenAsync(server.Links[1]);
        var swaps = new List<bool>();

        foreach (var (reviewer, name) in new[] { (ana, "ana"), (ben, "ben") })
        {
            foreach (var trace in traces)
            {
                var item = await ItemAsync(reviewer, trace.Id);
                var again = await ItemAsync(reviewer, trace.Id);
                var pair = item.GetProperty("pair");
                var shownA = Text(pair.GetProperty("a"));
                Assert.Equal(shownA, Text(again.GetProperty("pair").GetProperty("a"))); // the same reviewer always sees an item the same way
                Assert.Equal(("A", "B"), (pair.GetProperty("a").GetProperty("name").GetString(), pair.GetProperty("b").GetProperty("name").GetString()));
                Assert.DoesNotContain(item.GetProperty("fields").EnumerateArray(), f => f.GetProperty("name").GetString() == "Outputs");
                var swapped = shownA.Contains("second-", StringComparison.Ordinal);
                swaps.Add(swapped);

                (await reviewer.LabelAsync(trace.Id, "A", $"{name} prefers what was shown as A")).EnsureSuccessStatusCode();

                var labelled = await ItemAsync(reviewer, trace.Id);
                Assert.Equal("A", labelled.GetProperty("myLabel").GetProperty("value").GetString()); // shown back in the reviewer's names
            }
        }

        Assert.Contains(true, swaps);
        Assert.Contains(false, swaps);
        var stored = await scenario.LabelsAsync();
        Assert.Equal(12, stored.Count);
        var i = 0;
        foreach (var (reviewer, _) in new[] { ("ana", 0), ("ben", 1) })
        {
            foreach (var trace in traces)
            {
                var label = stored.Single(l => l.TraceId == trace.Id && l.Label.Source.Id == reviewer).Label;
                Assert.Equal(swaps[i++] ? "B" : "A", label.Value.AsText());
            }
        }
    }

    private static string? Note(JsonElement label) =>
        label.TryGetProperty("commentNote", out var note) && note.ValueKind == JsonValueKind.String ? note.GetString() : null;

    [Fact]
    public async Task A_comment_given_with_the_pair_swapped_is_stored_marked_so_and_text_naming_the_stored_order_is_shown_with_a_note()
    {
        var traces = Pairs(8);
        var swapped = traces.Where(t => PairDisplay.Swapped("ana", t.Id)).Select(t => t.Id).ToList();
        var straight = traces.First(t => !PairDisplay.Swapped("ana", t.Id)).Id;
        Assert.True(swapped.Count >= 2, "the draw swaps at least two of ana's eight pairs");
        await using var scenario = await LabelingScenario.CreateAsync(traces, FeedbackValueType.Preference, reviewers: ["ana"]);

        // A label given outside the app (an import) names the candidates as they are stored.
        await scenario.Store.LogAssessmentAsync(scenario.Experiment, swapped[1],
            new Assessment(LabelingScenario.JudgeName, FeedbackValue.FromText("A"), AssessmentSource.Human("ana"), "A cites the date."));
        var model = new ScriptedChatClient(fallback: _ => ScriptedChatClient.Response("{\"rationale\": \"A reads well.\", \"result\": \"A\"}"));
        var server = await scenario.StartAsync(verdicts: (trace, cancellationToken) => ((IJudge)Judge.Create(scenario.Definition, model)).EvaluateAsync(trace, cancellationToken));
        using var ana = await ReviewerClient.OpenAsync(server.Links[0]);

        (await ana.LabelAsync(swapped[0], "A", "A gives the date.")).EnsureSuccessStatusCode();
        (await ana.LabelAsync(straight, "A", "A gives the date.")).EnsureSuccessStatusCode();

        var stored = (await scenario.LabelsAsync()).ToDictionary(l => l.TraceId, l => l.Label);
        Assert.Equal(("B", "[shown order b,a: in this comment A is candidate b and B is candidate a] A gives the date."), (stored[swapped[0]].Value.AsText(), stored[swapped[0]].Rationale));
        Assert.Equal(("A", "A gives the date."), (stored[straight].Value.AsText(), stored[straight].Rationale));

        // Back to its writer, who sees the pair the same way: as written, without the mark or a note.
        var mine = (await ItemAsync(ana, swapped[0])).GetProperty("myLabel");
        Assert.Equal(("A", "A gives the date.", null), (mine.GetProperty("value").GetString(), mine.GetProperty("comment").GetString(), Note(mine)));

        // The imported comment's A is the stored A, which ana sees as B: a note says so, and the text is left as it is.
        var imported = (await ItemAsync(ana, swapped[1])).GetProperty("myLabel");
        Assert.Equal(("B", "A cites the date.", PairDisplay.StoredOrderCommentNote), (imported.GetProperty("value").GetString(), imported.GetProperty("comment").GetString(), Note(imported)));
        Assert.Null(Note((await ItemAsync(ana, straight)).GetProperty("myLabel")));

        // The judge's reasoning names the stored order too: noted where the pair is swapped, and only there.
        Assert.StartsWith(PairDisplay.StoredOrderVerdictNote, (await ItemAsync(ana, swapped[0])).GetProperty("verdict").GetProperty("rationale").GetString(), StringComparison.Ordinal);
        Assert.StartsWith("Tie: with A shown first, A", (await ItemAsync(ana, straight)).GetProperty("verdict").GetProperty("rationale").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_stored_order_comment_sent_back_unchanged_by_a_reviewer_who_sees_the_pair_swapped_stays_unmarked()
    {
        var traces = Pairs(8);
        var swapped = traces.Where(t => PairDisplay.Swapped("ana", t.Id)).Select(t => t.Id).ToList();
        Assert.True(swapped.Count >= 2, "the draw swaps at least two of ana's eight pairs");
        await using var scenario = await LabelingScenario.CreateAsync(traces, FeedbackValueType.Preference, reviewers: ["ana"]);
        // Imported labels of ana's, naming the candidates as they are stored.
        foreach (var id in swapped.Take(2))
        {
            await scenario.Store.LogAssessmentAsync(scenario.Experiment, id,
                new Assessment(LabelingScenario.JudgeName, FeedbackValue.FromText("A"), AssessmentSource.Human("ana"), " A cites the date. "));
        }

        var server = await scenario.StartAsync();
        using var ana = await ReviewerClient.OpenAsync(server.Links[0]);

        // On the first she changes her choice and sends the comment back as it was shown (with the note); on the second she edits it.
        var shown = (await ItemAsync(ana, swapped[0])).GetProperty("myLabel");
        Assert.Equal(PairDisplay.StoredOrderCommentNote, Note(shown));
        (await ana.LabelAsync(swapped[0], "A", shown.GetProperty("comment").GetString()!)).EnsureSuccessStatusCode();
        (await ana.LabelAsync(swapped[1], "A", "A cites the date and the amount.")).EnsureSuccessStatusCode();

        var stored = (await scenario.LabelsAsync()).ToDictionary(l => l.TraceId, l => l.Label);
        Assert.Equal(("B", "A cites the date."), (stored[swapped[0]].Value.AsText(), stored[swapped[0]].Rationale)); // still the stored order's text, unmarked
        Assert.Equal(("B", PairDisplay.SwappedCommentMark + "A cites the date and the amount."), (stored[swapped[1]].Value.AsText(), stored[swapped[1]].Rationale));
        Assert.Equal(PairDisplay.StoredOrderCommentNote, Note((await ItemAsync(ana, swapped[0])).GetProperty("myLabel")));
        Assert.Null(Note((await ItemAsync(ana, swapped[1])).GetProperty("myLabel")));
    }

    [ChromiumFact]
    public async Task The_page_shows_the_stored_order_note_beside_the_comment_as_text()
    {
        var trace = Pairs(8).First(t => PairDisplay.Swapped("ana", t.Id));
        await using var scenario = await LabelingScenario.CreateAsync([trace], FeedbackValueType.Preference, reviewers: ["ana"]);
        await scenario.Store.LogAssessmentAsync(scenario.Experiment, trace.Id,
            new Assessment(LabelingScenario.JudgeName, FeedbackValue.FromText("A"), AssessmentSource.Human("ana"), "<b>A</b> cites the date."));
        var server = await scenario.StartAsync();
        var page = await browser.NewPageAsync();

        await page.GotoAsync(server.Links.Single().Url.ToString());
        await ShowsCompleteAsync(page); // her only item is labelled already
        await page.GotoAsync(server.Address + "#item/" + trace.Id);
        await ShowsItemAsync(page, trace.Id);

        await Expect(page.Locator("#comment-note")).ToBeVisibleAsync();
        await Expect(page.Locator("#comment-note")).ToHaveTextAsync(PairDisplay.StoredOrderCommentNote);
        await Expect(page.Locator("#comment")).ToHaveValueAsync("<b>A</b> cites the date.");
        Assert.Equal(0, await page.Locator("#label-form b").CountAsync());
    }

    [ChromiumFact]
    public async Task The_page_shows_both_candidates_side_by_side_as_text()
    {
        var trace = PairwiseTrace.Create("p1", "Which is better?", "Reply <script>window.__xss='a'</script> one.", "Reply **two**.");
        await using var scenario = await LabelingScenario.CreateAsync([trace], FeedbackValueType.Preference);
        var server = await scenario.StartAsync();
        var page = await browser.NewPageAsync();

        await page.GotoAsync(server.Links.Single().Url.ToString());
        await ShowsItemAsync(page, "p1");

        await Expect(page.Locator("#trace .pair #candidate-a h2")).ToHaveTextAsync("A");
        await Expect(page.Locator("#trace .pair #candidate-b h2")).ToHaveTextAsync("B");
        var both = await page.Locator("#trace .pair").InnerTextAsync();
        Assert.Contains("Reply <script>window.__xss='a'</script> one.", both, StringComparison.Ordinal);
        Assert.Contains("two", both, StringComparison.Ordinal);
        var boxes = await page.Locator("#trace .pair .field").EvaluateAllAsync<double[]>("els => els.map(e => e.getBoundingClientRect().top)");
        Assert.Equal(boxes[0], boxes[1]); // side by side: one row
        Assert.Equal(0, await page.Locator("#trace script").CountAsync());
        Assert.True(await page.EvaluateAsync<bool>("() => window.__xss === undefined"), "a script from a candidate ran");
    }
}
