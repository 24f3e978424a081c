namespace MemAlign.Testing;

/// <summary>Replies as a reasoning model gives them: hidden reasoning counted in the output tokens, and sometimes no answer left.</summary>
public static class ReasoningReplies
{
    /// <summary>A completion with <paramref name="content"/> (empty for none), its finish reason and its reasoning tokens.</summary>
    public static ServerReply Completion(string content, string finishReason = "stop", int completionTokens = 300, int reasoningTokens = 256, string model = "loopback-reasoner")
        => ServerReply.Completion(content, model, promptTokens: 120, completionTokens, finishReason: finishReason, reasoningTokens: reasoningTokens);

    /// <summary>The refusal OpenAI's reasoning models give a temperature other than their default.</summary>
    public static ServerReply TemperatureRefused() => new(400,
        """{"error": {"message": "Unsupported value: 'temperature' does not support 0 with this model. Only the default (1) value is supported.", "type": "invalid_request_error", "param": "temperature", "code": "unsupported_value"}}""",
        new Dictionary<string, string>());
}
