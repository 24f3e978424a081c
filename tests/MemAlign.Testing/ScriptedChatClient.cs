using System.Collections.Concurrent;
using Microsoft.Extensions.AI;

namespace MemAlign.Testing;

/// <summary>
/// A deterministic <see cref="IChatClient"/>: each call is answered by the next scripted step (a reply
/// text, an exception, or a function of the request), or by a fallback when the script is used up.
/// Every request is recorded. Thread-safe.
/// </summary>
public sealed class ScriptedChatClient : IChatClient
{
    private readonly ConcurrentQueue<Func<ChatRequest, ChatResponse>> _steps = new();
    private readonly ConcurrentQueue<ChatRequest> _requests = new();
    private readonly Func<ChatRequest, ChatResponse>? _fallback;

    public ScriptedChatClient(Func<ChatRequest, ChatResponse>? fallback = null, string modelId = "scripted-model")
    {
        _fallback = fallback;
        ModelId = modelId;
    }

    public string ModelId { get; }

    public IReadOnlyList<ChatRequest> Requests => _requests.ToArray();

    public int CallCount => _requests.Count;

    /// <summary>Answers with a reply text (and optional token usage).</summary>
    public ScriptedChatClient Reply(string text, long inputTokens = 10, long outputTokens = 5)
    {
        _steps.Enqueue(_ => Response(text, inputTokens, outputTokens));
        return this;
    }

    /// <summary>Throws on the next call.</summary>
    public ScriptedChatClient Throw(Exception exception)
    {
        _steps.Enqueue(_ => throw exception);
        return this;
    }

    /// <summary>Answers the next call with a function of the request.</summary>
    public ScriptedChatClient Answer(Func<ChatRequest, ChatResponse> step)
    {
        _steps.Enqueue(step);
        return this;
    }

    public static ChatResponse Response(string text, long inputTokens = 10, long outputTokens = 5) =>
        new(new ChatMessage(ChatRole.Assistant, text))
        {
            Usage = new UsageDetails { InputTokenCount = inputTokens, OutputTokenCount = outputTokens, TotalTokenCount = inputTokens + outputTokens },
        };

    public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var request = new ChatRequest(messages.Select(m => new RecordedMessage(m.Role.Value, m.Text)).ToArray(), options);
        _requests.Enqueue(request);
        var step = _steps.TryDequeue(out var next) ? next : _fallback
            ?? throw new InvalidOperationException($"ScriptedChatClient: no scripted reply left for call {_requests.Count}.");
        var response = step(request);
        response.ModelId ??= ModelId;
        return Task.FromResult(response);
    }

    public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("Judges do not stream.");

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceType == typeof(ChatClientMetadata) ? new ChatClientMetadata("scripted", null, ModelId) : null;

    public void Dispose()
    {
    }
}

/// <summary>One recorded chat request.</summary>
public sealed record ChatRequest(IReadOnlyList<RecordedMessage> Messages, ChatOptions? Options)
{
    public string System => Messages.First(m => m.Role == "system").Text;

    public string User => Messages.First(m => m.Role == "user").Text;

    public string LastUser => Messages.Last(m => m.Role == "user").Text;
}

/// <summary>One recorded message.</summary>
public sealed record RecordedMessage(string Role, string Text);
