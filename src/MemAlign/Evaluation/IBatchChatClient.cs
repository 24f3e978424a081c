namespace MemAlign.Evaluation;

/// <summary>
/// A chat model's batch API: many requests sent at once, answered within a window at a lower price (OpenAI's Batch
/// API: <c>MemAlign.OpenAI</c>'s chat clients offer one through <c>GetService(typeof(IBatchChatClient))</c>).
/// <see cref="Evaluator.RunBatchAsync(IReadOnlyList{IJudge}, IAsyncEnumerable{Trace}, EvaluationOptions?, BatchEvaluationOptions?, IProgress{BatchEvaluationProgress}?, CancellationToken)"/>
/// submits a judge's prompts through it, polls, and reads the results as a judge reads replies.
/// </summary>
public interface IBatchChatClient
{
    /// <summary>
    /// Sends <paramref name="requests"/> as one batch, tagged with <paramref name="metadata"/> (kept by the provider and
    /// given back by <see cref="GetAsync"/> and <see cref="ListAsync"/>), and returns it as the provider first reports it.
    /// </summary>
    Task<ChatBatch> SubmitAsync(IReadOnlyList<ChatBatchRequest> requests, IReadOnlyDictionary<string, string>? metadata = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// The batches created at or after <paramref name="createdSince"/>, newest first: how a resumed run finds a batch it
    /// created but never learned the id of (the process stopped, or the reply was lost, between the provider creating
    /// the batch and the run saving it).
    /// </summary>
    IAsyncEnumerable<ChatBatch> ListAsync(DateTimeOffset createdSince, CancellationToken cancellationToken = default);

    /// <summary>Where the batch is now.</summary>
    Task<ChatBatch> GetAsync(string batchId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Every row the batch has an outcome for (a reply or an error), read once it has ended (completed, expired,
    /// cancelled); rows it never reached are either absent or marked <see cref="ChatBatchResult.Unfinished"/>.
    /// </summary>
    IAsyncEnumerable<ChatBatchResult> ReadResultsAsync(ChatBatch batch, CancellationToken cancellationToken = default);
}
