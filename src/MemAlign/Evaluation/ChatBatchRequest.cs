using Microsoft.Extensions.AI;

namespace MemAlign.Evaluation;

/// <summary>One request of a batch: the messages and options a chat call would send, and the id its result comes back under.</summary>
/// <param name="CustomId">The row's id, unique in its batch (MemAlign uses the trace id: a batch holds one judge's rows).</param>
/// <param name="Messages">The messages.</param>
/// <param name="Options">The options (response format, temperature).</param>
public sealed record ChatBatchRequest(string CustomId, IReadOnlyList<ChatMessage> Messages, ChatOptions Options);
