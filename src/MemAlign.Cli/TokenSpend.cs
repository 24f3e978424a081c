using System.Globalization;
using MemAlign.Evaluation;

namespace MemAlign.Cli;

/// <summary>
/// The tokens a command spent, by model, and what they cost at the prices the user gave (<c>--price</c> for the model in
/// use, else the settings file's <c>prices</c>; there are no default prices): a judge's cost is seen where it is spent, not
/// on the provider's invoice a month later. Only results finished by this call count (a resumed run's earlier results were
/// paid for then).
/// </summary>
internal sealed record TokenSpend(IReadOnlyList<(string Model, TokenUsage Usage, int Calls)> Models, IReadOnlyDictionary<string, ModelPrice> Prices, string? PricesFile,
    ModelPrice? FlagPrice = null)
{
    public TokenUsage Total => Models.Aggregate(default(TokenUsage), (sum, m) => sum + m.Usage);

    public int Calls => Models.Sum(m => m.Calls);

    /// <summary>Whether any price was given at all.</summary>
    public bool Priced => FlagPrice is not null || Prices.Count > 0;

    /// <summary>Of <see cref="Total"/>, the tokens sent through a batch (billed at the provider's batch price).</summary>
    public TokenUsage Batched => BatchedBy.Values.Aggregate(default(TokenUsage), (sum, u) => sum + u);

    /// <summary>Of each model's usage in <see cref="Models"/>, the tokens sent through a batch.</summary>
    public IReadOnlyDictionary<string, TokenUsage> BatchedBy { get; init; } = new Dictionary<string, TokenUsage>(StringComparer.Ordinal);

    /// <summary>The models that spent tokens but have no price.</summary>
    public IReadOnlyList<string> Unpriced => [.. Models.Where(m => m.Usage.TotalTokens > 0 && Price(m.Model) is null).Select(m => m.Model)];

    /// <summary>The priced models that sent tokens through a batch but have no batch prices (batchInput and batchOutput).</summary>
    public IReadOnlyList<string> BatchUnpriced =>
        [.. Models.Where(m => BatchUsage(m.Model).TotalTokens > 0 && Price(m.Model) is { } price && !price.HasBatchPrices).Select(m => m.Model)];

    /// <summary>
    /// The cost at the given prices: streamed tokens at the input, cached and output prices, batch tokens at the batch prices. Null when
    /// none is given, a model that spent tokens has none, or batch tokens have no batch price (a partial sum, or batch tokens at the
    /// streaming price, would misstate it).
    /// </summary>
    public decimal? Cost
    {
        get
        {
            if (!Priced || Unpriced.Count > 0 || BatchUnpriced.Count > 0)
            {
                return null;
            }

            return Models.Sum(m =>
            {
                var price = Price(m.Model)!;
                var batched = BatchUsage(m.Model);
                var streamed = new TokenUsage(m.Usage.InputTokens - batched.InputTokens, m.Usage.OutputTokens - batched.OutputTokens)
                {
                    CachedInputTokens = m.Usage.CachedInputTokens - batched.CachedInputTokens,
                };
                return price.Cost(streamed) + (batched.TotalTokens > 0 ? price.BatchCost(batched)!.Value : 0m);
            });
        }
    }

    /// <summary>What the evaluation records of a run spent, by the model that answered.</summary>
    public static TokenSpend Of(IEnumerable<EvaluationRecord> records, ToolSettings settings, ModelPrice? flagPrice)
    {
        var spent = records.Where(r => r.ModelCalls > 0).ToList();
        return new(
            [.. spent.GroupBy(r => ModelOf(r), StringComparer.Ordinal)
                .OrderBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => (g.Key, g.Aggregate(default(TokenUsage), (sum, r) => sum + r.Usage), g.Sum(r => r.ModelCalls)))],
            settings.Prices, settings.File, flagPrice)
        {
            BatchedBy = spent.Where(r => r.Batched).GroupBy(r => ModelOf(r), StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.Aggregate(default(TokenUsage), (sum, r) => sum + r.Usage), StringComparer.Ordinal),
        };

        static string ModelOf(EvaluationRecord record) => record.Model ?? "unknown model";
    }

    /// <summary>What one model spent (an alignment's reflection calls, an experiment's judge and reflection calls); nothing when it made no call.</summary>
    public static TokenSpend Of(string? model, TokenUsage usage, int calls, ToolSettings settings, ModelPrice? flagPrice) =>
        new(calls > 0 || usage.TotalTokens > 0 ? [(model ?? "unknown model", usage, calls)] : [], settings.Prices, settings.File, flagPrice);

    /// <summary>One line for the terminal: calls, input (of which cached) and output tokens, and the cost where prices are given.</summary>
    public string Describe()
    {
        var total = Total;
        if (Calls == 0 && total.TotalTokens == 0)
        {
            return "Tokens: no model calls (the local models spend none).";
        }

        var reasoning = total.ReasoningTokens > 0 ? string.Create(CultureInfo.InvariantCulture, $" ({total.ReasoningTokens:N0} reasoning)") : "";
        var batch = Batched.TotalTokens > 0 ? string.Create(CultureInfo.InvariantCulture, $" ({Batched.InputTokens:N0} in, {Batched.OutputTokens:N0} out by batch)") : "";
        var line = string.Create(CultureInfo.InvariantCulture,
            $"Tokens: {Calls:N0} model call(s), {total.InputTokens:N0} input ({total.CachedInputTokens:N0} cached), {total.OutputTokens:N0} output{reasoning}{batch} ({string.Join(", ", Models.Select(m => m.Model))})");
        var source = FlagPrice is not null ? "--price" : $"the prices in {PricesFile}";
        return Cost is { } cost
            ? line + string.Create(CultureInfo.InvariantCulture, $"; cost {cost:0.######} at {source}.")
            : Priced
                ? Unpriced.Count > 0
                    ? line + $"; no cost: {PricesFile} has no price for {string.Join(", ", Unpriced.Select(m => $"'{m}'"))} (add it under \"prices\", or give --price)."
                    : line + $"; no cost: batch tokens are billed at the batch price, and {source} has no batch price for {string.Join(", ", BatchUnpriced.Select(m => $"'{m}'"))} "
                        + $"(add {ModelPrice.BatchInputKey}=..,{ModelPrice.BatchOutputKey}=..; they are not guessed from the streaming price)."
                : line + "; no cost: no prices given (--price input=..,cached=..,output=.. or \"prices\" in memalign.json).";
    }

    private TokenUsage BatchUsage(string model) => BatchedBy.TryGetValue(model, out var usage) ? usage : default;

    // --price applies to the model in use (every model this command spent on); else the file's price for the model.
    private ModelPrice? Price(string model) => FlagPrice ?? (Prices.TryGetValue(model, out var price) ? price : null);
}
