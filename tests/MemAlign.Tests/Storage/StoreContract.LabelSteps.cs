using MemAlign.Labeling;
using MemAlign.Storage;
using MemAlign.Testing;

namespace MemAlign.Tests.Storage;

/// <summary>The labeling app's undo steps (schema 5), on the store an earlier version wrote at schema 3.</summary>
public abstract partial class StoreContract
{
    protected async Task A_schema_3_store_upgraded_records_label_steps_and_undoes_only_those_keeping_history_and_forgetting_them()
    {
        await using var fixture = await RestoreSchema3Async();
        await using var store = await TestStores.OpenAsync(fixture.Setting);
        var session = (await store.GetLabelingSessionAsync(Fixture, "week-1"))!;
        var traceId = session.TraceIds[0];
        var written = (await store.GetTraceAsync(Fixture, traceId))!.Assessments.First(a => a.Source.Id == "ann" && a.IsNamed(session.JudgeName));
        Assert.Null(await store.UndoLabelAsync(Fixture, session.Name, "ann"));

        // ann changes the label the earlier version wrote, through the app: undo restores it, and never deletes it.
        await store.UpdateAssessmentAsync(Fixture, written.Id, FeedbackValue.FromBoolean(true), "changed in the app");
        await store.RecordLabelStepAsync(Fixture, session.Name, new LabelStep("ann", traceId, written.Id, FeedbackValue.FromBoolean(true), "changed in the app", written.Value, written.Rationale));
        Assert.Null(await store.UndoLabelAsync(Fixture, session.Name, "bob"));
        Assert.Equal(traceId, await store.UndoLabelAsync(Fixture, session.Name, "ann"));
        Assert.Null(await store.UndoLabelAsync(Fixture, session.Name, "ann"));
        var restored = (await store.GetTraceAsync(Fixture, traceId))!.Assessments.Single(a => a.Id == written.Id);
        Assert.Equal((written.Value, written.Rationale), (restored.Value, restored.Rationale));
        Assert.Contains(await store.GetAssessmentHistoryAsync(Fixture, traceId), a => a.Rationale == "changed in the app");

        // Forgetting the trace forgets its steps.
        await store.UpdateAssessmentAsync(Fixture, written.Id, FeedbackValue.FromBoolean(true), "again");
        await store.RecordLabelStepAsync(Fixture, session.Name, new LabelStep("ann", traceId, written.Id, FeedbackValue.FromBoolean(true), "again", written.Value, written.Rationale));
        await store.ForgetAsync(Fixture, [traceId]);
        Assert.Null(await store.UndoLabelAsync(Fixture, session.Name, "ann"));
    }
}
