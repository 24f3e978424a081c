using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MemAlign.Testing;

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
    public Task After_a_restart_undo_reverts_only_what_the_reviewer_did_in_the_app_keeping_what_it_undoes_in_history() => UndoAfterRestartAsync(Backends.Sqlite);

    [PostgreSqlFact]
    public Task After_a_restart_undo_reverts_only_what_the_reviewer_did_in_the_app_keeping_what_it_undoes_in_history_on_PostgreSQL() => UndoAfterRestartAsync(Backends.PostgreSql);

    private static async Task UndoAfterRestartAsync(string backend)
    {
        await using var scenario = await LabelingScenario.CreateAsync(LabelingScenario.Traces(4), backend: backend);
        // Imported before the app served the session: ana's labels on t1 and t3, and on t4 after she labelled it in the app.
        await scenario.Store.LogAssessmentAsync(scenario.Experiment, "t1", Imported("t1", false, "imported on t1"));
        await scenario.Store.LogAssessmentAsync(scenario.Experiment, "t3", Imported("t3", true, "imported on t3"));
        var first = await scenario.StartAsync();
        using (var ana = await ReviewerClient.OpenAsync(first.Links[0]))
        {
            (await ana.LabelAsync("t2", true, "new on t2")).EnsureSuccessStatusCode();
            (await ana.LabelAsync("t1", true, "changed on t1")).EnsureSuccessStatusCode();
            (await ana.LabelAsync("t4", true, "new on t4")).EnsureSuccessStatusCode();
        }

        await scenario.Store.LogAssessmentAsync(scenario.Experiment, "t4", Imported("t4", false, "imported on t4 later"));
        await first.DisposeAsync();
        var second = await scenario.StartAsync();
        using var again = await ReviewerClient.OpenAsync(second.Links[0]);

        // t4's label changed since (an import): not the app's to undo. t1 goes back to its imported value; t2 goes.
        Assert.Equal("t1", await UndoAsync(again));
        Assert.Equal("t2", await UndoAsync(again));
        var nothingLeft = await again.Http.PostAsync("/api/undo", null);
        Assert.Equal(HttpStatusCode.NotFound, nothingLeft.StatusCode);

        var labels = (await scenario.LabelsAsync()).ToDictionary(l => l.TraceId, l => l.Label.Rationale);
        Assert.Equal(new Dictionary<string, string?> { ["t1"] = "imported on t1", ["t3"] = "imported on t3", ["t4"] = "imported on t4 later" }, labels);
        Assert.Contains(await scenario.Store.GetAssessmentHistoryAsync(scenario.Experiment, "t2"), a => a.Rationale == "new on t2");
        Assert.Contains(await scenario.Store.GetAssessmentHistoryAsync(scenario.Experiment, "t1"), a => a.Rationale == "changed on t1");
    }

    private static Assessment Imported(string traceId, bool value, string rationale) =>
        new(LabelingScenario.JudgeName, FeedbackValue.FromBoolean(value), AssessmentSource.Human("ana"), rationale)
        {
            Id = Assessment.StableId(traceId, LabelingScenario.JudgeName, AssessmentSource.Human("ana")),
        };

    private static async Task<string?> UndoAsync(ReviewerClient reviewer)
    {
        var response = await reviewer.Http.PostAsync("/api/undo", null);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("traceId").GetString();
    }
}
