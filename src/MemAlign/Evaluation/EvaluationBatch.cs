namespace MemAlign.Evaluation;

/// <summary>
/// A batch an evaluation run submitted, saved with the run (<see cref="Storage.IEvaluationStore.SaveEvaluationBatchAsync"/>) the
/// moment it exists, so that resuming the run collects it instead of paying for its rows again. Its state is the
/// provider's while it runs; an ended state is saved only once its results are saved, so an ended batch is collected.
/// </summary>
/// <param name="JudgeName">The judge whose prompts it holds (one judge per batch).</param>
/// <param name="BatchId">The provider's batch id.</param>
/// <param name="State">Its state as last saved.</param>
/// <param name="CreatedAt">When it was submitted.</param>
/// <param name="UpdatedAt">When its state was last saved.</param>
public sealed record EvaluationBatch(string JudgeName, string BatchId, ChatBatchState State, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt)
{
    /// <summary>The uploaded file of requests, when the provider has one.</summary>
    public string? InputFileId { get; init; }
}
