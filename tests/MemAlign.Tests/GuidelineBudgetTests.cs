using MemAlign.Alignment;
using Microsoft.Extensions.AI;
using Xunit.Abstractions;

namespace MemAlign.Tests;

/// <summary>Bounded semantic memory: near-duplicate merging by text, the token budget, and re-align staying a no-op.</summary>
public class GuidelineBudgetTests(ITestOutputHelper output)
{
    private static readonly JudgeDefinition Definition = JudgeDefinition.Create("flagged", "Is this text flagged? {{ inputs }}", FeedbackValueType.Boolean);

    [Fact]
    public async Task The_budget_keeps_user_written_then_best_supported_guidelines_and_drops_the_rest()
    {
        var traces = DistinctRationales(120).Concat(SharedRationale(5, "Quotes the refund policy word for word.")).Concat(SharedRationale(3, "Names the courier and the tracking number.")).ToList();
        var optimizer = new MemAlignOptimizer(new MemAlignOptions { MaxGuidelineTokens = 150 });

        var (aligned, report) = await Judge.CreateLocal<bool>(Definition).WithGuidelines("Prefer concise answers.").AlignAsync(traces, optimizer);

        var guidelines = aligned.Memory.Guidelines;
        Assert.Equal("Prefer concise answers.", guidelines[0].Text);
        Assert.Contains("refund policy", guidelines[1].Text);
        Assert.Equal(5, guidelines[1].SourceTraceIds.Count);
        Assert.Contains("courier", guidelines[2].Text);
        Assert.True(report.GuidelineTokens <= 150, report.ToString());
        Assert.Equal(GuidelineBudget.Tokens(guidelines), report.GuidelineTokens);
        Assert.Equal(guidelines.Count, report.GuidelineCount);
        Assert.Equal(150, report.GuidelineTokenBudget);
        Assert.Equal(report.GuidelinesAdded, guidelines.Count - 1 + report.GuidelinesDroppedForBudget.Count); // every new guideline kept or dropped
        Assert.True(report.GuidelinesDroppedForBudget.Count > 90, report.ToString());
        Assert.DoesNotContain(guidelines, g => report.GuidelinesDroppedForBudget.Contains(g.Text));
        Assert.Contains($"{guidelines.Count} guideline(s), {report.GuidelineTokens} of 150 tokens, {report.GuidelinesDroppedForBudget.Count} dropped for the budget (\"", report.ToString());
        Assert.DoesNotContain('\n', report.ToString());
    }

    [Fact]
    public async Task A_user_written_guideline_stays_even_beyond_the_budget()
    {
        var longRule = string.Join(' ', Enumerable.Repeat("Always check every clause of the contract.", 10));
        var (aligned, report) = await Judge.CreateLocal<bool>(Definition).WithGuidelines(longRule)
            .AlignAsync(DistinctRationales(10), new MemAlignOptimizer(new MemAlignOptions { MaxGuidelineTokens = 20 }));

        Assert.Equal(longRule, Assert.Single(aligned.Memory.Guidelines).Text);
        Assert.Equal(10, report.GuidelinesDroppedForBudget.Count);
    }

    [Fact]
    public async Task Re_align_with_nothing_new_adds_merges_and_drops_nothing()
    {
        var traces = DistinctRationales(60).Concat(SharedRationale(4, "Quotes the refund policy word for word.")).ToList();
        var optimizer = new MemAlignOptimizer(new MemAlignOptions { MaxGuidelineTokens = 120 });
        var (first, firstReport) = await Judge.CreateLocal<bool>(Definition).AlignAsync(traces, optimizer);
        Assert.NotEmpty(firstReport.GuidelinesDroppedForBudget);
        Assert.All(first.Memory.Examples, e => Assert.True(e.IsDistilled)); // dropped guidelines' traces count as distilled

        var (second, secondReport) = await first.AlignAsync(traces, optimizer);

        Assert.Equal((0, 0, 0, 0), (secondReport.GuidelinesAdded, secondReport.GuidelinesMerged, secondReport.GuidelinesDropped, secondReport.GuidelinesDroppedForBudget.Count));
        Assert.Equal((0, 0, 0), (secondReport.ExamplesAdded, secondReport.ModelCalls, secondReport.EmbeddingCalls));
        Assert.Equal(first.Memory.Guidelines, second.Memory.Guidelines);
        Assert.Equal(await Json(first.Memory), await Json(second.Memory));
    }

    [Fact]
    public async Task A_lowered_budget_applies_on_the_next_align_even_with_nothing_new()
    {
        var traces = DistinctRationales(40).ToList();
        var (wide, _) = await Judge.CreateLocal<bool>(Definition).AlignAsync(traces, new MemAlignOptimizer(new MemAlignOptions { MaxGuidelineTokens = 10_000 }));

        var (narrow, report) = await wide.AlignAsync(traces, new MemAlignOptimizer(new MemAlignOptions { MaxGuidelineTokens = 100 }));

        Assert.Equal(40, wide.Memory.Guidelines.Count);
        Assert.True(GuidelineBudget.Tokens(narrow.Memory.Guidelines) <= 100);
        Assert.Equal(40 - narrow.Memory.Guidelines.Count, report.GuidelinesDroppedForBudget.Count);
        Assert.Equal(wide.Memory.Guidelines.Take(narrow.Memory.Guidelines.Count), narrow.Memory.Guidelines); // equal support: the earlier ones stay
    }

    [Fact]
    public async Task Normalised_equal_and_mostly_overlapping_texts_merge_but_opposite_polarity_does_not()
    {
        Guideline[] existing = [new("Cite the refund policy.", ["t1"]), new("Experts judged true when: the reply quotes the order number and the delivery date", ["t2"])];
        Guideline[] distilled =
        [
            new("  cite the REFUND policy ", ["t3"]),                                                                  // normalised-equal
            new("The reply quotes the order number and the delivery date, experts judged true when", ["t4"]),        // same words
            new("Experts judged true when: the reply quotes the order number and the shipping date", ["t5"]),       // Jaccard 11/13
            new("Experts judged false when: the reply quotes the order number and the delivery date", ["t6"]),       // opposite verdict
            new("Experts judged true when: the reply does not quote the order number and the delivery date", ["t7"]), // negated
        ];

        var (guidelines, added, merged, _) = await GuidelineMerger.MergeAsync(existing, distilled, new OneHotEmbedder(), 0.92, 0.8, 8_000, CancellationToken.None);

        Assert.Equal((2, 3), (added, merged));
        Assert.Equal(["t1", "t3"], guidelines[0].SourceTraceIds);
        Assert.Equal("Cite the refund policy.", guidelines[0].Text);
        Assert.Equal(["t2", "t4", "t5"], guidelines[1].SourceTraceIds);
        Assert.Equal(["t6"], guidelines[2].SourceTraceIds);
        Assert.Equal(["t7"], guidelines[3].SourceTraceIds);
    }

    [Fact]
    public async Task A_realistic_offline_set_of_1200_traces_stays_within_the_default_budget()
    {
        var traces = SupportRationales(1_200).ToList();

        // As before this change: no budget, no word-overlap merging (normalised-equal texts still merge).
        var (unbounded, before) = await Judge.CreateLocal<bool>(Definition).AlignAsync(traces, new MemAlignOptimizer(new MemAlignOptions { MaxGuidelineTokens = int.MaxValue, GuidelineOverlapThreshold = 1.0 }));
        var (bounded, after) = await Judge.CreateLocal<bool>(Definition).AlignAsync(traces, new MemAlignOptimizer());
        output.WriteLine($"before: {before}");
        output.WriteLine($"after:  {after}");

        Assert.True(after.GuidelineTokens <= 1_500, after.ToString());
        Assert.True(after.GuidelinesMerged > before.GuidelinesMerged, $"{before} | {after}");
        Assert.True(before.GuidelineTokens > 1_500, before.ToString());
        var weakestKept = bounded.Memory.Guidelines.Min(g => g.SourceTraceIds.Count);
        Assert.All(after.GuidelinesDroppedForBudget, text => Assert.True(unbounded.Memory.Guidelines.Single(g => g.Text == text).SourceTraceIds.Count <= weakestKept + 1, text)); // rank by support (merges differ by one or so)
    }

    [Fact]
    public void Word_overlap_threshold_and_budget_are_validated()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new MemAlignOptimizer(new MemAlignOptions { MaxGuidelineTokens = 0 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new MemAlignOptimizer(new MemAlignOptions { GuidelineOverlapThreshold = 0 }));
        Assert.Equal(1_500, new MemAlignOptions().MaxGuidelineTokens);
    }

    private static async Task<string> Json(JudgeMemory memory)
    {
        using var stream = new MemoryStream();
        await JudgeMemoryJson.WriteAsync(memory, stream);
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    // Rationales of made-up words, so no two share more than the distiller's prefix.
    internal static IEnumerable<Trace> DistinctRationales(int count, int seed = 3)
    {
        var random = new Random(seed);
        for (var i = 0; i < count; i++)
        {
            var words = string.Join(' ', Enumerable.Range(0, 4).Select(_ => Word(random)));
            yield return Labelled($"d{i:D3}", $"text {i} {Word(random)}", i % 2 == 0, $"Mentions {words}.");
        }
    }

    // Support-desk rationales: a few reasons in many wordings, a few specific details, so merging and the budget both have work.
    private static IEnumerable<Trace> SupportRationales(int count)
    {
        string[] good =
        [
            "The reply {0} the question {1}.", "It {2} the {3} policy.", "{4} and {5}.", "Gives the {6} the customer asked for.", "The answer {0} what was asked {1}.",
        ];
        string[] bad = ["The tone is {7}.", "It ignores the {6}.", "It {2} the wrong {3} policy.", "{7} and unhelpful.", "Does not give the {6}."];
        string[][] slots =
        [
            ["answers", "addresses", "responds to", "covers"], ["directly", "clearly", "fully", "in one line", "with the steps"], ["cites", "quotes", "mentions", "explains", "links"],
            ["refund", "return", "shipping", "warranty", "privacy", "exchange", "cancellation"], ["Friendly", "Warm", "Polite", "Courteous"], ["accurate", "correct", "precise", "complete"],
            ["order number", "tracking link", "delivery date", "store hours", "price", "invoice", "size chart", "opening times"], ["rude", "dismissive", "curt", "sarcastic", "cold"],
        ];
        var random = new Random(17);
        for (var i = 0; i < count; i++)
        {
            var value = random.NextDouble() < 0.7;
            var templates = value ? good : bad;
            var sentences = Enumerable.Range(0, 1 + random.Next(2)).Select(_ =>
                string.Format(System.Globalization.CultureInfo.InvariantCulture, templates[random.Next(templates.Length)], slots.Select(s => (object)s[random.Next(s.Length)]).ToArray()));
            var rationale = string.Join(' ', sentences) + (random.NextDouble() < 0.3 ? $" Order {random.Next(10_000, 99_999)} was mentioned." : "");
            yield return Labelled($"r{i:D4}", $"customer message {i}", value, rationale);
        }
    }

    private static IEnumerable<Trace> SharedRationale(int count, string rationale) =>
        Enumerable.Range(0, count).Select(i => Labelled($"s-{rationale.Length}-{i}", $"shared text {rationale} {i}", true, rationale));

    private static Trace Labelled(string id, string inputs, bool value, string rationale) =>
        Trace.Create(id, inputs, "n/a").WithAssessment(new Assessment(Definition.Name, value, AssessmentSource.Human("expert"), rationale));

    private static string Word(Random random) => new(Enumerable.Range(0, 6).Select(_ => (char)('a' + random.Next(26))).ToArray());

    /// <summary>Every text its own direction: only the text rules can merge.</summary>
    private sealed class OneHotEmbedder : IEmbeddingGenerator<string, Embedding<float>>
    {
        public Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
        {
            var texts = values.ToList();
            return Task.FromResult(new GeneratedEmbeddings<Embedding<float>>(texts.Select((_, i) =>
            {
                var vector = new float[texts.Count];
                vector[i] = 1;
                return new Embedding<float>(vector);
            })));
        }

        public object? GetService(Type serviceType, object? serviceKey = null) => null;

        public void Dispose()
        {
        }
    }
}
