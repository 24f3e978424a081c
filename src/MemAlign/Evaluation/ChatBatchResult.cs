using Microsoft.Extensions.AI;

namespace MemAlign.Evaluation;

/// <summary>The outcome of one row of a batch: the model's response, or why there is none.</summary>
/// <param name="CustomId">The row's <see cref="ChatBatchRequest.CustomId"/>.</param>
public sealed record ChatBatchResult(string CustomId)
{
    /// <summary>The response (text, model, token usage), or <see langword="null"/> when the row failed.</summary>
    public ChatResponse? Response { get; init; }

    /// <summary>Why the row has no response, as the provider said it; <see langword="null"/> with a response.</summary>
    public string? Error { get; init; }

    /// <summary>
    /// Whether the row was never run because the batch ended first (expired or cancelled): it is not a result and
    /// is sent again, unlike a row the model failed on.
    /// </summary>
    public bool Unfinished { get; init; }
}
