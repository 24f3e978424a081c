using Microsoft.Extensions.AI;

/// <summary>
/// A model that says "true" after a delay, and after <paramref name="answers"/> answers never answers again: a run
/// that is still going whenever its parent kills it, however slowly the parent watches.
/// </summary>
internal sealed class SlowModel(TimeSpan delay, int answers) : IChatClient
{
    private int _calls;

    public async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var timeout = Interlocked.Increment(ref _calls) > answers ? Timeout.InfiniteTimeSpan : delay;
        await Task.Delay(timeout, cancellationToken);
        return new ChatResponse(new ChatMessage(ChatRole.Assistant, "{\"rationale\": \"slow\", \"result\": true}"));
    }

    public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException();

    public object? GetService(Type serviceType, object? serviceKey = null) => null;

    public void Dispose()
    {
    }
}
