namespace MemAlign.Evaluation;

/// <summary>A batch at the provider, as last seen.</summary>
/// <param name="Id">The provider's batch id.</param>
/// <param name="State">Where it is.</param>
public sealed record ChatBatch(string Id, ChatBatchState State)
{
    /// <summary>The uploaded file of requests, when the provider has one.</summary>
    public string? InputFileId { get; init; }

    /// <summary>The file of replies, once there is one.</summary>
    public string? OutputFileId { get; init; }

    /// <summary>The file of failed rows, once there is one.</summary>
    public string? ErrorFileId { get; init; }

    /// <summary>Rows in the batch (0 until the provider has counted them).</summary>
    public int Total { get; init; }

    /// <summary>Rows answered so far.</summary>
    public int Completed { get; init; }

    /// <summary>Rows failed so far.</summary>
    public int Failed { get; init; }

    /// <summary>When the provider created it.</summary>
    public DateTimeOffset? CreatedAt { get; init; }

    /// <summary>The tags it was submitted with (<see cref="IBatchChatClient.SubmitAsync"/>).</summary>
    public IReadOnlyDictionary<string, string> Metadata { get; init; } = new Dictionary<string, string>();

    /// <summary>Why the whole batch failed (a malformed file, say), when it did.</summary>
    public string? Error { get; init; }

    /// <summary>Whether the batch has ended: nothing more will be answered.</summary>
    public bool IsEnded => State.IsEnded();
}

/// <summary>Where a batch is, as the OpenAI Batch API names its states.</summary>
public enum ChatBatchState
{
    /// <summary>The file is being checked.</summary>
    Validating,

    /// <summary>Rows are being answered.</summary>
    InProgress,

    /// <summary>Answering is done; the result files are being written.</summary>
    Finalizing,

    /// <summary>Every row has an outcome.</summary>
    Completed,

    /// <summary>The batch was refused as a whole (see <see cref="ChatBatch.Error"/>).</summary>
    Failed,

    /// <summary>The window ran out: rows done by then have outcomes, the rest none.</summary>
    Expired,

    /// <summary>A cancellation is under way.</summary>
    Cancelling,

    /// <summary>Cancelled: rows done by then have outcomes, the rest none.</summary>
    Cancelled,
}

/// <summary>What <see cref="ChatBatchState"/> values mean.</summary>
public static class ChatBatchStates
{
    /// <summary>Whether a batch in <paramref name="state"/> has ended (completed, failed, expired or cancelled).</summary>
    public static bool IsEnded(this ChatBatchState state) =>
        state is ChatBatchState.Completed or ChatBatchState.Failed or ChatBatchState.Expired or ChatBatchState.Cancelled;
}
