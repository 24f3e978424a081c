using MemAlign.Evaluation;

namespace MemAlign.Tests.Storage;

// The batches a run submitted (eval_run_batches): saved with the run, moved on by state, scoped by experiment.
public abstract partial class StoreContract
{
    protected async Task Batches_are_saved_with_their_run_and_move_on_by_state()
    {
        await using var store = await OpenAsync();
        var run = await store.CreateEvaluationRunAsync(Experiment, "batched", judgeName: "helpfulness", judgeVersion: 1);
        var other = await store.CreateEvaluationRunAsync(Experiment, "other");
        var at = new DateTimeOffset(2026, 5, 1, 8, 0, 0, TimeSpan.Zero);
        var first = new EvaluationBatch("helpfulness", "batch_b", ChatBatchState.Validating, at, at) { InputFileId = "file-1" };
        var second = new EvaluationBatch("helpfulness", "batch_a", ChatBatchState.InProgress, at.AddMinutes(5), at.AddMinutes(5)) { InputFileId = "file-2" };

        Assert.Empty(await store.GetEvaluationBatchesAsync(Experiment, run.Id));
        await store.SaveEvaluationBatchAsync(Experiment, run.Id, second);
        await store.SaveEvaluationBatchAsync(Experiment, run.Id, first);
        await store.SaveEvaluationBatchAsync(Experiment, other.Id, first with { BatchId = "batch_other" });

        // Oldest first, whatever the ids; each run sees only its own.
        Assert.Equal([first, second], await store.GetEvaluationBatchesAsync(Experiment, run.Id));
        Assert.Equal(["batch_other"], (await store.GetEvaluationBatchesAsync(Experiment, other.Id)).Select(b => b.BatchId));

        // A later save moves the state on and keeps when it was made and the file it was made from.
        var collected = first with { State = ChatBatchState.Expired, UpdatedAt = at.AddHours(24), CreatedAt = at.AddDays(9), InputFileId = null };
        await store.SaveEvaluationBatchAsync(Experiment, run.Id, collected);
        var saved = (await store.GetEvaluationBatchesAsync(Experiment, run.Id))[0];
        Assert.Equal((ChatBatchState.Expired, at, at.AddHours(24), "file-1"), (saved.State, saved.CreatedAt, saved.UpdatedAt, saved.InputFileId));

        // Runs are scoped by experiment, and a batch needs its run.
        Assert.Empty(await store.GetEvaluationBatchesAsync("another-" + Experiment, run.Id));
        var missing = await Assert.ThrowsAsync<InvalidOperationException>(() => store.SaveEvaluationBatchAsync(Experiment, "run-missing", first));
        Assert.Contains("run-missing", missing.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<InvalidOperationException>(() => store.SaveEvaluationBatchAsync("another-" + Experiment, run.Id, first));
    }
}
