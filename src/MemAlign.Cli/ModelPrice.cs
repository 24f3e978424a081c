namespace MemAlign.Cli;

/// <summary>
/// What a model's tokens cost, per million, as the settings file's <c>prices</c> gives them (in whatever currency
/// the user writes them: the tool never converts). Cached input tokens cost <see cref="CachedInput"/> when given,
/// else the input price.
/// </summary>
internal sealed record ModelPrice(decimal Input, decimal Output, decimal? CachedInput)
{
    private const decimal PerMillion = 1_000_000m;

    /// <summary>What <paramref name="usage"/> costs at this price.</summary>
    public decimal Cost(TokenUsage usage)
    {
        var cached = Math.Min(usage.CachedInputTokens, usage.InputTokens);
        return (((usage.InputTokens - cached) * Input) + (cached * (CachedInput ?? Input)) + (usage.OutputTokens * Output)) / PerMillion;
    }
}
