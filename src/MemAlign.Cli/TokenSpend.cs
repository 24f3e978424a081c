using System.Globalization;
using MemAlign.Evaluation;

namespace MemAlign.Cli;

/// <summary>
/// The tokens a command spent, by model, and what they cost at the settings file's prices: a judge's cost is seen
/// where it is spent, not on the provider's invoice a month later. Only results finished by this call count (a
/// resumed run's earlier results were paid for then).
/// </summary>
internal sealed record TokenSpend(IReadOnlyList<(string Model, TokenUsage Usage, int Calls)> Models, IReadOnlyDictionary<string, ModelPrice> Prices, string? PricesFile)
{
    public TokenUsage Total => Models.Aggregate(default(TokenUsage), (sum, m) => sum + m.Usage);

    public int Calls => Models.Sum(m => m.Calls);

    /// <summary>Of <see cref="Total"/>, the tokens sent through a batch (billed at the provider's batch price).</summary>
    public TokenUsage Batched { get; init; }

    /// <summary>The models that spent tokens but have no price in the settings file.</summary>
    public IReadOnlyList<string> Unpriced => [.. Models.Where(m => m.Usage.TotalTokens > 0 && Price(m.Model) is null).Select(m => m.Model)];

    /// <summary>The cost at the file's prices; null when no price is set or a model that spent tokens has none (a partial sum would understate it).</summary>
    /// <remarks>Batch tokens have no price here yet: their cost is unknown rather than reckoned at the streaming price.</remarks>
    public decimal? Cost => Prices.Count == 0 || Unpriced.Count > 0 || Batched.TotalTokens > 0 ? null : Models.Sum(m => Price(m.Model)?.Cost(m.Usage) ?? 0m);

    public static TokenSpend Of(IEnumerable<EvaluationRecord> records, ToolSettings settings) => new(
        [.. records.Where(r => r.ModelCalls > 0)
            .GroupBy(r => r.Model ?? "unknown model", StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => (g.Key, g.Aggregate(default(TokenUsage), (sum, r) => sum + r.Usage), g.Sum(r => r.ModelCalls)))],
        settings.Prices, settings.File)
    {
        Batched = records.Where(r => r.ModelCalls > 0 && r.Batched).Aggregate(default(TokenUsage), (sum, r) => sum + r.Usage),
    };

    /// <summary>One line for the terminal, or null when nothing was spent (the offline judge spends no tokens).</summary>
    public string? Describe()
    {
        var total = Total;
        if (total.TotalTokens == 0)
        {
            return null;
        }

        var cached = total.CachedInputTokens > 0 ? string.Create(CultureInfo.InvariantCulture, $" ({total.CachedInputTokens:N0} cached)") : "";
        cached += Batched.TotalTokens > 0 ? string.Create(CultureInfo.InvariantCulture, $" ({Batched.InputTokens:N0} in, {Batched.OutputTokens:N0} out by batch)") : "";
        var line = string.Create(CultureInfo.InvariantCulture,
            $"Tokens: {total.InputTokens:N0} in{cached}, {total.OutputTokens:N0} out over {Calls:N0} model call(s) ({string.Join(", ", Models.Select(m => m.Model))})");
        return Cost is { } cost
            ? line + string.Create(CultureInfo.InvariantCulture, $"; cost {cost:0.######} at the prices in {PricesFile}.")
            : Prices.Count > 0
                ? line + $"; no cost: {PricesFile} has no price for {string.Join(", ", Unpriced.Select(m => $"'{m}'"))} (add it under \"prices\")."
                : line + ".";
    }

    private ModelPrice? Price(string model) => Prices.TryGetValue(model, out var price) ? price : null;
}
