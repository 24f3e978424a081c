namespace MemAlign.Alignment;

/// <summary>
/// Keeps semantic memory within a token budget. User-written guidelines always stay and come first;
/// distilled ones follow by support (how many distinct traces they rest on), equal support keeping the
/// earlier guideline first (older guidelines before newer, so adding data does not churn equals). In that
/// order each guideline is kept while it fits the budget and dropped otherwise; a later, shorter one may
/// still fit. Ranking an already ranked list changes nothing, so applying the budget twice is a no-op.
/// </summary>
internal static class GuidelineBudget
{
    public static (List<Guideline> Kept, List<Guideline> Dropped, int Tokens) Apply(IReadOnlyList<Guideline> guidelines, int maxTokens)
    {
        var ranked = guidelines
            .Select((g, i) => (Guideline: g, Position: i))
            .OrderByDescending(g => g.Guideline.IsUserWritten)
            .ThenByDescending(g => g.Guideline.SourceTraceIds.Count)
            .ThenBy(g => g.Position)
            .Select(g => g.Guideline);
        var kept = new List<Guideline>();
        var dropped = new List<Guideline>();
        var tokens = 0;
        foreach (var guideline in ranked)
        {
            var cost = Tokens(guideline);
            if (guideline.IsUserWritten || tokens + cost <= maxTokens)
            {
                kept.Add(guideline);
                tokens += cost;
            }
            else
            {
                dropped.Add(guideline);
            }
        }

        return (kept, dropped, tokens);
    }

    /// <summary>The guidelines' text in tokens (the quoted line each takes in the prompt costs a few more).</summary>
    public static int Tokens(IEnumerable<Guideline> guidelines) => guidelines.Sum(Tokens);

    private static int Tokens(Guideline guideline) => TokenCounter.Count(guideline.Text);
}
