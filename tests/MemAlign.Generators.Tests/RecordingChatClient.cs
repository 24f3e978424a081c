using System.Collections.Concurrent;
using Microsoft.Extensions.AI;

namespace MemAlign.Generators.Tests;

/// <summary>A chat client that records every prompt and answers like a judge: "Good" for categories, 4 for scales, true otherwise.</summary>
internal sealed class RecordingChatClient : IChatClient
{
    private readonly ConcurrentQueue<string> _prompts = new();

    public IReadOnlyCollection<string> Prompts => _prompts;

    public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var prompt = string.Join("\n", messages.Select(m => m.Text));
        _prompts.Enqueue(prompt);
        var result = prompt.Contains("Rate the description", StringComparison.Ordinal) ? "\"Good\"" : prompt.Contains("from 1 to 5", StringComparison.Ordinal) ? "4" : "true";
        return Task.FromResult(new ChatResponse(new ChatMessage(ChatRole.Assistant, $$"""{"result": {{result}}, "rationale": "recorded"}""")));
    }

    public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException();

    public object? GetService(Type serviceType, object? serviceKey = null) => null;

    public void Dispose()
    {
    }
}
