using System.Globalization;

namespace MemAlign.Cli;

/// <summary>
/// What a model's tokens cost, per million, as the settings file's <c>prices</c> or <c>--price</c> gives them (in whatever
/// currency the user writes them: the tool never converts, and knows no price it is not given). Cached input tokens cost
/// <see cref="Cached"/> when given, else the input price. Tokens sent through a provider's batch API cost the batch prices,
/// and have no known cost without them (never the streaming price).
/// </summary>
internal sealed record ModelPrice(decimal Input, decimal Output, decimal? Cached, decimal? BatchInput = null, decimal? BatchOutput = null)
{
    /// <summary>The keys of a price, as <c>--price</c> and the settings file write them.</summary>
    public const string InputKey = "input", OutputKey = "output", CachedKey = "cached", BatchInputKey = "batchInput", BatchOutputKey = "batchOutput";

    /// <summary>The settings file's earlier name for <see cref="CachedKey"/>, still accepted there.</summary>
    public const string CachedInputAlias = "cachedInput";

    public static readonly string[] Keys = [InputKey, CachedKey, OutputKey, BatchInputKey, BatchOutputKey];

    private const decimal PerMillion = 1_000_000m;

    /// <summary>What <paramref name="usage"/> costs at this price.</summary>
    public decimal Cost(TokenUsage usage)
    {
        var cached = Math.Min(usage.CachedInputTokens, usage.InputTokens);
        return (((usage.InputTokens - cached) * Input) + (cached * (Cached ?? Input)) + (usage.OutputTokens * Output)) / PerMillion;
    }

    /// <summary>Whether both batch prices are given: without them batch tokens have no known cost.</summary>
    public bool HasBatchPrices => BatchInput is not null && BatchOutput is not null;

    /// <summary>What <paramref name="usage"/> sent through a batch API costs, or null when the batch prices are not given.</summary>
    public decimal? BatchCost(TokenUsage usage) =>
        BatchInput is { } input && BatchOutput is { } output ? ((usage.InputTokens * input) + (usage.OutputTokens * output)) / PerMillion : null;

    /// <summary>
    /// Reads <c>--price input=0.40,cached=0.10,output=1.60[,batchInput=..,batchOutput=..]</c> (per million tokens).
    /// </summary>
    /// <exception cref="UsageException">A key is unknown or given twice, a value is not a number of at least 0, or input or output is missing.</exception>
    public static ModelPrice Parse(string text)
    {
        const string Form = "--price takes input=N,cached=N,output=N (per million tokens; cached, batchInput and batchOutput optional), such as --price input=0.40,cached=0.10,output=1.60";
        var values = new Dictionary<string, decimal>(StringComparer.Ordinal);
        foreach (var part in text.Split(',', StringSplitOptions.TrimEntries))
        {
            var equals = part.IndexOf('=', StringComparison.Ordinal);
            var name = equals < 0 ? part : part[..equals].Trim();
            var key = Array.Find(Keys, k => string.Equals(k, name, StringComparison.OrdinalIgnoreCase))
                ?? throw new UsageException(part.Length == 0
                    ? $"{Form}; '{text}' has an empty entry."
                    : $"--price: unknown price '{name}'; a price is one of {string.Join(", ", Keys)} ({Form}).");
            var value = equals < 0 ? "" : part[(equals + 1)..].Trim();
            if (!decimal.TryParse(value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount))
            {
                throw new UsageException($"--price: '{key}' is a price per million tokens, a number of at least 0, not '{value}' ({Form}).");
            }

            if (!values.TryAdd(key, amount))
            {
                throw new UsageException($"--price: '{key}' is given twice; keep one.");
            }
        }

        var missing = new[] { InputKey, OutputKey }.Where(k => !values.ContainsKey(k)).ToArray();
        if (missing.Length > 0)
        {
            throw new UsageException($"--price has no {string.Join(" or ", missing)} price; {Form}.");
        }

        return new ModelPrice(values[InputKey], values[OutputKey], Get(CachedKey), Get(BatchInputKey), Get(BatchOutputKey));

        decimal? Get(string key) => values.TryGetValue(key, out var amount) ? amount : null;
    }
}
