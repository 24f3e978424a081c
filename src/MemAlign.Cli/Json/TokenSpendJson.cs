namespace MemAlign.Cli.Json;

/// <summary>The tokens a call spent (results finished by it only) and their cost at the prices given (--price, else the settings file's).</summary>
/// <param name="ModelCalls">Model calls made.</param>
/// <param name="InputTokens">Input tokens, cached ones included.</param>
/// <param name="CachedInputTokens">Of those, read from the provider's prompt cache.</param>
/// <param name="OutputTokens">Output tokens.</param>
/// <param name="Models">The models that answered.</param>
/// <param name="Cost">The cost at the prices given, in their currency; null when none is given or a model that spent tokens has none.</param>
/// <param name="UnpricedModels">Models that spent tokens with no price.</param>
/// <param name="PriceSource">Where the prices came from: "--price", the settings file's path, or null when none was given.</param>
internal sealed record TokenSpendJson(int ModelCalls, long InputTokens, long CachedInputTokens, long OutputTokens, IReadOnlyList<string> Models, double? Cost, IReadOnlyList<string> UnpricedModels,
    string? PriceSource)
{
    /// <summary>Of the output tokens, those a reasoning model spent on hidden reasoning.</summary>
    public long ReasoningTokens { get; init; }

    /// <summary>Of <see cref="InputTokens"/>, those sent through a batch (billed at the provider's batch price).</summary>
    public long BatchInputTokens { get; init; }

    /// <summary>Of <see cref="OutputTokens"/>, those answered through a batch.</summary>
    public long BatchOutputTokens { get; init; }

    /// <summary>Models that sent tokens through a batch with a price but no batch prices (so <see cref="Cost"/> is null).</summary>
    public IReadOnlyList<string> BatchUnpricedModels { get; init; } = [];

    public static TokenSpendJson From(TokenSpend spend)
    {
        var total = spend.Total;
        return new(spend.Calls, total.InputTokens, total.CachedInputTokens, total.OutputTokens, [.. spend.Models.Select(m => m.Model)], (double?)spend.Cost, spend.Unpriced,
            spend.FlagPrice is not null ? "--price" : spend.Prices.Count > 0 ? spend.PricesFile : null)
        {
            ReasoningTokens = total.ReasoningTokens,
            BatchInputTokens = spend.Batched.InputTokens,
            BatchOutputTokens = spend.Batched.OutputTokens,
            BatchUnpricedModels = spend.BatchUnpriced,
        };
    }
}
