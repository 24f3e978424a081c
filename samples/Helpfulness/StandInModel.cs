using System.Text.RegularExpressions;
using Microsoft.Extensions.AI;

namespace Helpfulness;

/// <summary>
/// The offline stand-in for an LLM, so the walkthrough runs with no model configured: it calls a reply
/// unhelpful only when it is openly rude, and, when the prompt carries retrieved expert examples (an
/// aligned judge), it follows the verdict of the most similar one, as a model shown those examples tends
/// to. It is a demonstration device, not a judge: set OPENAI_API_KEY (or OPENAI_BASE_URL) for a real model.
/// </summary>
internal sealed partial class StandInModel : IChatClient
{
    public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        // The user message holds the retrieved examples (an aligned judge), then the trace's fields as JSON values.
        var prompt = messages.Last(m => m.Role == ChatRole.User).Text;
        var firstExample = FirstExampleResult().Match(prompt);
        var (verdict, why) = firstExample.Success
            ? (firstExample.Groups[1].Value == "true", "follows the most similar expert example")
            : (!RudeWords().IsMatch(OutputsField().Match(prompt).Groups[1].Value), "judges rudeness only");
        var reply = new ChatMessage(ChatRole.Assistant, $"{{\"rationale\": \"Stand-in model: {why}.\", \"result\": {(verdict ? "true" : "false")}}}");
        return Task.FromResult(new ChatResponse(reply) { ModelId = "offline-stand-in" });
    }

    public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException();

    public object? GetService(Type serviceType, object? serviceKey = null) => null;

    public void Dispose()
    {
    }

    [GeneratedRegex(@"Example 1:\n(?:.*\n)*?  result: (true|false)")]
    private static partial Regex FirstExampleResult();

    [GeneratedRegex(@"^outputs: (.*)$", RegexOptions.Multiline)]
    private static partial Regex OutputsField();

    [GeneratedRegex(@"\b(yourself|whatever|stupid|don't care)\b", RegexOptions.IgnoreCase)]
    private static partial Regex RudeWords();
}
