using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace MemAlign.Labeling.Tests;

public sealed class UndoTests
{
    [Fact]
    public async Task Undo_reverts_a_changed_label_to_its_earlier_value_and_removes_a_new_one_never_touching_another_reviewers()
    {
        await using var scenario = await LabelingScenario.CreateAsync(LabelingScenario.Traces(2), reviewers: ["ana", "ben"], labelsPerTrace: 2);
        var server = await scenario.StartAsync();
        using var ana = await ReviewerClient.OpenAsync(server.Links[0]);
        using var ben = await ReviewerClient.OpenAsync(server.Links[1]);
        (await ben.LabelAsync("t1", false, "ben's")).EnsureSuccessStatusCode();
        (await ana.LabelAsync("t1", true, "first")).EnsureSuccessStatusCode();
        (await ana.LabelAsync("t1", false, "changed my mind")).EnsureSuccessStatusCode();

        // The change is an update of ana's own label, and the store keeps what it replaced.
        Assert.NotEmpty(await scenario.Store.GetAssessmentHistoryAsync(scenario.Experiment, "t1"));
        Assert.Equal("t1", await UndoAsync(ana));
        var labels = await scenario.LabelsAsync();
        Assert.Equal(2, labels.Count);
        Assert.Equal(("first", true), labels.Where(l => l.Label.Source.Id == "ana").Select(l => (l.Label.Rationale, l.Label.Value.AsBoolean())).Single());

        Assert.Equal("t1", await UndoAsync(ana));
        Assert.Equal("ben", Assert.Single(await scenario.LabelsAsync()).Label.Source.Id);
        var nothingLeft = await ana.Http.PostAsync("/api/undo", null);
        Assert.True(nothingLeft.StatusCode == HttpStatusCode.NotFound, $"{nothingLeft.StatusCode}: {await nothingLeft.Content.ReadAsStringAsync()}");
    }

    [Fact]
    public async Task After_a_restart_undo_removes_the_reviewers_most_recent_label()
    {
        await using var scenario = await LabelingScenario.CreateAsync(LabelingScenario.Traces(3));
        var first = await scenario.StartAsync();
        using (var ana = await ReviewerClient.OpenAsync(first.Links[0]))
        {
            (await ana.LabelAsync("t2", true)).EnsureSuccessStatusCode();
            (await ana.LabelAsync("t1", true)).EnsureSuccessStatusCode();
        }

        await first.DisposeAsync();
        var second = await scenario.StartAsync();
        using var again = await ReviewerClient.OpenAsync(second.Links[0]);
        Assert.Equal("t1", await UndoAsync(again));
        Assert.Equal("t2", Assert.Single(await scenario.LabelsAsync()).TraceId);
    }

    private static async Task<string?> UndoAsync(ReviewerClient reviewer)
    {
        var response = await reviewer.Http.PostAsync("/api/undo", null);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("traceId").GetString();
    }
}
