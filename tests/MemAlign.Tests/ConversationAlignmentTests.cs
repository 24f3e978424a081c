using System.Text.Json;
using MemAlign.Alignment;
using MemAlign.MiniLM;
using Microsoft.Extensions.AI;
using Xunit.Abstractions;

namespace MemAlign.Tests;

/// <summary>
/// Conversation judges align: feedback on a conversation becomes guidelines and an episodic example keyed by the
/// conversation, shortened to the embedder's token budget (first user turn, last turns, a marker for the middle).
/// Offline: the MiniLM embedder and the local judge.
/// </summary>
public class ConversationAlignmentTests(ITestOutputHelper output)
{
    private static readonly IEmbeddingGenerator<string, Embedding<float>> MiniLM = MiniLMEmbeddingGenerator.CreateMemoised();

    private static EmbeddingTokenLimit Budget => MiniLMEmbeddingGenerator.TokenLimit;

    private static int Tokens(string text) => Budget.Tokenizer.CountTokens(text) - Budget.Tokenizer.CountTokens("");

    private static string[] Lines(string text) => text.Split('\n');

    [Fact]
    public void A_conversation_far_over_the_budget_keeps_its_first_user_turn_and_last_turns_within_the_budget()
    {
        var trace = ConversationData.WithLongMiddle(ConversationData.Align[0], fillerTurns: 60);
        var conversation = trace.GetField(TraceField.Conversation)!.Value;

        var shortened = ConversationText.Shorten(conversation, Budget);

        output.WriteLine($"{shortened.Turns} turns: {shortened.FullTokens} MiniLM tokens before, {shortened.Tokens} after (budget {Budget.MaxTokens}); {shortened.TurnsLeftOut} turns left out");
        Assert.Equal(66, shortened.Turns);
        Assert.True(shortened.FullTokens > 10 * Budget.MaxTokens, $"{shortened.FullTokens} tokens is not far over the budget");
        Assert.Equal(Tokens(shortened.Text), shortened.Tokens);
        Assert.InRange(shortened.Tokens, Budget.MaxTokens / 2, Budget.MaxTokens);
        var lines = Lines(shortened.Text);
        Assert.Equal("#1 user: I returned the blender two weeks ago and still have no refund.", lines[0]);
        Assert.Equal($"[... {shortened.TurnsLeftOut} turns left out ...]", lines[1]);
        Assert.StartsWith("#66 assistant: I have issued the refund of $89", lines[^1]);
        Assert.Equal(shortened.Turns - shortened.TurnsLeftOut, lines.Length - 1);
        // The turns shown after the marker are the last ones, in order, each whole.
        var numbers = lines[2..].Select(l => int.Parse(l[1..l.IndexOf(' ', StringComparison.Ordinal)], System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(Enumerable.Range(67 - numbers.Count, numbers.Count), numbers);
        Assert.DoesNotContain("[...]", shortened.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_conversation_within_the_budget_is_kept_whole()
    {
        var trace = ConversationData.Align[0];

        var shortened = ConversationText.Shorten(trace.GetField(TraceField.Conversation)!.Value, Budget);

        Assert.Equal((6, 0), (shortened.Turns, shortened.TurnsLeftOut));
        Assert.Equal(shortened.FullTokens, shortened.Tokens);
        foreach (var message in trace.Inputs!.Value.EnumerateArray())
        {
            Assert.Contains(message.GetProperty("content").GetString()!, shortened.Text, StringComparison.Ordinal);
        }

        Assert.Equal(6, Lines(shortened.Text).Length);
    }

    [Fact]
    public void A_turn_longer_than_its_share_is_cut_between_words_and_marked()
    {
        var words = string.Join(' ', Enumerable.Range(0, 900).Select(i => $"word{i}"));
        var conversation = JsonSerializer.SerializeToElement(new[]
        {
            new { role = "user", content = words },
            new { role = "assistant", content = "Short answer." },
        });

        var shortened = ConversationText.Shorten(conversation, Budget);

        var lines = Lines(shortened.Text);
        Assert.True(shortened.Tokens <= Budget.MaxTokens, $"{shortened.Tokens} tokens");
        Assert.Equal(Tokens(shortened.Text), shortened.Tokens);
        Assert.EndsWith(" [...]", lines[0], StringComparison.Ordinal);
        var kept = lines[0][..^" [...]".Length];
        var original = "#1 user: " + words;
        Assert.StartsWith(kept, original, StringComparison.Ordinal);
        Assert.Equal(' ', original[kept.Length]);
        Assert.True(Tokens(kept) <= Budget.MaxTokens / 2);
        Assert.Equal("#2 assistant: Short answer.", lines[^1]);
    }

    [Fact]
    public async Task A_conversation_judge_aligned_offline_retrieves_the_conversation_of_the_same_problem()
    {
        // One training conversation far over the budget: its example must still be keyed by what it is about.
        var align = ConversationData.Align.Select((t, i) => i == 0 ? ConversationData.WithLongMiddle(t, 60, t.Id) : t).ToList();
        var optimizer = new MemAlignOptimizer(new MemAlignOptions { EmbeddingGenerator = MiniLM, RetrievalK = 1 });

        var (aligned, report) = await Judge.CreateLocal<bool>(ConversationData.Resolution).AlignAsync(align, optimizer);

        Assert.Equal(8, report.ExamplesAdded);
        Assert.NotEmpty(aligned.Memory.Guidelines);
        Assert.All(aligned.Memory.Examples, e =>
        {
            Assert.Equal(TraceField.Conversation, e.EmbeddedField);
            Assert.True(Tokens(e.EmbeddedText) <= Budget.MaxTokens, $"{e.TraceId}: {Tokens(e.EmbeddedText)} tokens");
        });
        var longExample = aligned.Memory.Examples.Single(e => e.TraceId == align[0].Id);
        Assert.Contains("turns left out ...]", longExample.EmbeddedText, StringComparison.Ordinal);
        Assert.DoesNotContain("Filler remark 30", longExample.EmbeddedText, StringComparison.Ordinal);

        // Each test conversation, as recorded and with a long middle of its own, recalls the training conversation of its topic.
        var queries = ConversationData.Test.Concat(ConversationData.Test.Select(t => ConversationData.WithLongMiddle(t, 60))).ToList();
        var hits = 0;
        var correct = 0;
        foreach (var query in queries)
        {
            var verdict = await aligned.EvaluateAsync(query);
            Assert.True(verdict.IsSuccess, verdict.Error?.Message);
            var recalled = Assert.Single(verdict.RetrievedExampleIds);
            var hit = ConversationData.Topic(recalled) == query.Tags["topic"];
            hits += hit ? 1 : 0;
            if (!hit)
            {
                output.WriteLine($"{query.Id} recalled {recalled}");
            }

            correct += verdict.Value == query.Assessments[0].Value.AsBoolean() ? 1 : 0;
        }

        // Before: the whole conversation embedded as its JSON text, which MiniLM cuts after 256 word pieces (the first
        // turn and then the filler of a long one). The same queries, top 1 by cosine.
        var before = await WholeTextHitsAsync(align, queries);
        output.WriteLine($"retrieval hit rate {hits}/{queries.Count} shortened, {before}/{queries.Count} with the whole text; local judge agreement {correct}/{queries.Count}");
        Assert.True(hits >= queries.Count - 1, $"{hits}/{queries.Count} retrieved the conversation of the same problem");
        Assert.True(hits > before, $"shortening recalled {hits}, the whole text {before}");
        Assert.True(correct >= queries.Count - 1, $"{correct}/{queries.Count} verdicts agree with the experts");
    }

    private static async Task<int> WholeTextHitsAsync(IReadOnlyList<Trace> align, IReadOnlyList<Trace> queries)
    {
        static string Whole(Trace t) => Rubrics.JsonData.ToPromptText(t.GetField(TraceField.Conversation)!.Value);
        var keys = await MiniLM.GenerateAsync(align.Select(Whole));
        var asked = await MiniLM.GenerateAsync(queries.Select(Whole));
        var hits = 0;
        for (var q = 0; q < queries.Count; q++)
        {
            var best = Enumerable.Range(0, align.Count)
                .MaxBy(i => System.Numerics.Tensors.TensorPrimitives.CosineSimilarity(asked[q].Vector.Span, keys[i].Vector.Span));
            hits += align[best].Tags["topic"] == queries[q].Tags["topic"] ? 1 : 0;
        }

        return hits;
    }
}
