namespace MemAlign;

/// <summary>Tokens a model call (or several) consumed.</summary>
/// <param name="InputTokens">Prompt tokens.</param>
/// <param name="OutputTokens">Completion tokens.</param>
public readonly record struct TokenUsage(long InputTokens, long OutputTokens)
{
    /// <summary>Of <see cref="InputTokens"/>, those the provider read from its prompt cache (billed at its cached rate), as it reported them.</summary>
    public long CachedInputTokens { get; init; }

    /// <summary>Of <see cref="OutputTokens"/>, those a reasoning model spent on hidden reasoning, as the provider reported them.</summary>
    public long ReasoningTokens { get; init; }

    /// <summary>Prompt plus completion tokens.</summary>
    public long TotalTokens => InputTokens + OutputTokens;

    /// <summary>Adds two usages.</summary>
    public static TokenUsage operator +(TokenUsage left, TokenUsage right) =>
        new(left.InputTokens + right.InputTokens, left.OutputTokens + right.OutputTokens)
        {
            CachedInputTokens = left.CachedInputTokens + right.CachedInputTokens,
            ReasoningTokens = left.ReasoningTokens + right.ReasoningTokens,
        };

    /// <summary>Adds two usages.</summary>
    public static TokenUsage Add(TokenUsage left, TokenUsage right) => left + right;
}
