using System.Globalization;
using MemAlign.Alignment;
using MemAlign.MiniLM;
using MemAlign.Models;
using MemAlign.Prompting;
using Xunit.Abstractions;

namespace MemAlign.Tests.Evaluation;

/// <summary>
/// Issue 26's measurement, offline: the VADER sentiment ratings (502 tokens, each rated -4..+4 by ten people; every fourth
/// held out, as samples/SentimentRatings splits them), the sentiment judge aligned on the rest with all-MiniLM-L6-v2
/// retrieval and judged by the local judge. Before (main), episodic memory held one example per agreeing label, so the k
/// examples recalled for a trace were often one trace several times; now a trace is one example with its weight. "Before"
/// is main's retrieval on the same memory, exactly: main stored a trace's labels as examples with the trace's one vector, so
/// its k nearest examples are the nearest traces, each repeated by its weight, ties by trace id and then example id; its
/// local judge took their unweighted mean (LocalNumericVote with weight-1 copies). Prompt tokens are what the LLM judge
/// would send for the trace (system and user text, TokenCounter). Held-out agreement is against each held-out token's
/// label by the default rule (the majority value, ties to the most recent), as experiments score it.
/// Run: dotnet test tests/MemAlign.Tests --filter FullyQualifiedName~OnePerTraceMeasurementTests --logger "console;verbosity=detailed"
/// </summary>
public class OnePerTraceMeasurementTests(ITestOutputHelper output)
{
    private const string Rubric = """
        How positive or negative is this word, emoticon or slang token in social-media text?

        Token: {{ inputs }}

        Answer with an integer from -4 (extremely negative) to 4 (extremely positive); 0 is neutral.
        """;

    [Fact]
    public async Task On_VADER_ratings_one_example_per_trace_shortens_the_prompt_and_recalls_k_distinct_traces()
    {
        var definition = JudgeDefinition.Create("sentiment", Rubric, FeedbackValueType.Integer(-4, 4));
        var traces = VaderTraces.Load(definition.Name, rating => rating);
        var train = traces.Where((_, i) => i % 4 != 3).ToList();
        var test = traces.Where((_, i) => i % 4 == 3).ToList();
        using var embedder = MiniLMEmbeddingGenerator.CreateMemoised();
        var aligned = await Judge.CreateLocal(definition).AlignAsync(train, new MemAlignOptimizer(new MemAlignOptions { EmbeddingGenerator = embedder }));
        var memory = aligned.Judge.Memory;
        var k = memory.RetrievalK;
        var truth = FeedbackExtractor.Extract(definition, test).Records.ToDictionary(r => r.TraceId, r => r.Value.AsNumber(), StringComparer.Ordinal);

        var before = new Tally();
        var after = new Tally();
        var sameRecall = new Tally();
        var errors = new List<(double Before, double After)>();
        foreach (var trace in test)
        {
            var prompt = await aligned.Judge.BuildPromptAsync(trace);
            var verdict = await aligned.Judge.EvaluateAsync(trace);
            after.Add(Tokens(prompt.SystemText, prompt.UserText), prompt.Examples, verdict.Feedback!.AsNumber(), truth[trace.Id]);

            // Every example ranked for this trace; the first k are what the judge recalled (checked), and main's k.
            var query = (await embedder.GenerateAsync([Judge.RetrievalText(definition, trace, EmbeddingTokenLimit.For(embedder))])).Single().Vector.ToArray();
            var ranked = memory.Index.Search(query, memory.Examples.Count, excludedTraceId: trace.Id);
            Assert.Equal(ranked.Take(k).Select(r => r.Example.TraceId), prompt.Examples.Select(e => e.Example.TraceId));
            var old = ranked.SelectMany(r => Enumerable.Range(0, r.Example.Weight).Select(i => new RetrievedExample(PerLabel(r.Example, i), r.Similarity))).Take(k).ToList();
            var oldPrompt = JudgePromptBuilder.Build(definition, trace, old, memory.Guidelines, CancellationToken.None, memory);
            var oldValue = LocalNumericVote.Decide(old, LocalCalibration.For(memory).Classes, definition.ValueType).Value;
            before.Add(Tokens(oldPrompt.SystemText, oldPrompt.UserText), old, oldValue, truth[trace.Id]);
            errors.Add((Math.Abs(oldValue - truth[trace.Id]), Math.Abs(verdict.Feedback!.AsNumber() - truth[trace.Id])));

            // What main's prompt took to recall as many distinct traces: every label of the k nearest traces.
            var all = ranked.Take(k).SelectMany(r => Enumerable.Range(0, r.Example.Weight).Select(i => new RetrievedExample(PerLabel(r.Example, i), r.Similarity))).ToList();
            var allPrompt = JudgePromptBuilder.Build(definition, trace, all, memory.Guidelines, CancellationToken.None, memory);
            sameRecall.Add(Tokens(allPrompt.SystemText, allPrompt.UserText), all, oldValue, truth[trace.Id]);
        }

        var labels = memory.Examples.Sum(e => e.Weight);
        output.WriteLine(Invariant($"VADER sentiment, {train.Count} training traces ({labels} agreeing labels), {test.Count} held out, k = {k}, all-MiniLM-L6-v2, local judge"));
        output.WriteLine(Invariant($"  examples in memory:             before {labels,7}   after {memory.Examples.Count,7}"));
        output.WriteLine(Invariant($"  distinct traces per recall:     before {before.DistinctTraces,7:0.00}   after {after.DistinctTraces,7:0.00}"));
        output.WriteLine(Invariant($"  prompt tokens per judged trace: before {before.TokensPerTrace,7:0.0}   after {after.TokensPerTrace,7:0.0}   ({(after.TokensPerTrace - before.TokensPerTrace) / before.TokensPerTrace:+0.0%;-0.0%})"));
        output.WriteLine(Invariant($"  ... main recalling {k} distinct traces (all their labels): {sameRecall.TokensPerTrace:0.0} tokens, {sameRecall.Examples:0.0} examples"));
        output.WriteLine(Invariant($"  prompt tokens per distinct trace recalled: before {before.TokensPerTrace / before.DistinctTraces,7:0.0}   after {after.TokensPerTrace / after.DistinctTraces,7:0.0}"));
        var (lower, upper) = PairedInterval(errors);
        output.WriteLine(Invariant($"  held-out MAE:                   before {before.Mae,7:0.000}   after {after.Mae,7:0.000}   (after - before {after.Mae - before.Mae:+0.000;-0.000}, 95% paired bootstrap [{lower:+0.000;-0.000}, {upper:+0.000;-0.000}])"));
        output.WriteLine(Invariant($"  held-out exact agreement:       before {before.Exact,7:0.000}   after {after.Exact,7:0.000}"));
        output.WriteLine(Invariant($"  held-out within one point:      before {before.WithinOne,7:0.000}   after {after.WithinOne,7:0.000}"));

        Assert.Equal(train.Count, memory.Examples.Count);
        Assert.True(labels > memory.Examples.Count, "the ten raters agree on more than one label per token");
        Assert.Equal(k, after.DistinctTraces, 12); // every recall holds k distinct traces
        Assert.True(before.DistinctTraces < k, Invariant($"before, a recall held {before.DistinctTraces:0.00} distinct traces on average"));
        // At one k the prompt holds k examples either way (VADER's are a token each, with no rationale): no longer than before,
        // and far shorter than main's prompt recalling as many distinct traces.
        Assert.True(after.TokensPerTrace <= before.TokensPerTrace, Invariant($"after {after.TokensPerTrace:0.0} tokens, before {before.TokensPerTrace:0.0}"));
        Assert.True(after.TokensPerTrace < sameRecall.TokensPerTrace, Invariant($"after {after.TokensPerTrace:0.0} tokens, main for {k} distinct traces {sameRecall.TokensPerTrace:0.0}"));
    }

    private static int Tokens(string system, string user) => TokenCounter.Count(system) + TokenCounter.Count(user);

    // Main's example for one label of the trace: the same text and vector, weight 1.
    private static EpisodicExample PerLabel(EpisodicExample example, int label) =>
        new(Invariant($"{example.Id}#{label}"), example.TraceId, example.Value, example.Rationale, example.Fields, example.EmbeddedField, example.Vector, example.Fingerprint, example.IsDistilled);

    // The 95% percentile bootstrap interval of the mean paired difference (after - before) in absolute error, seeded.
    private static (double Lower, double Upper) PairedInterval(List<(double Before, double After)> errors)
    {
        var random = new Random(26);
        var means = Enumerable.Range(0, 2_000).Select(_ => Enumerable.Range(0, errors.Count).Select(_ => errors[random.Next(errors.Count)]).Average(e => e.After - e.Before)).Order().ToList();
        return (means[(int)(0.025 * means.Count)], means[(int)(0.975 * means.Count) - 1]);
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private sealed class Tally
    {
        private int _traces;
        private long _tokens;
        private int _distinct;
        private double _error;
        private int _exact;
        private int _withinOne;
        private int _examples;

        public double TokensPerTrace => _tokens / (double)_traces;

        public double DistinctTraces => _distinct / (double)_traces;

        public double Mae => _error / _traces;

        public double Exact => _exact / (double)_traces;

        public double WithinOne => _withinOne / (double)_traces;

        public double Examples => _examples / (double)_traces;

        public void Add(int tokens, IReadOnlyList<RetrievedExample> recalled, double value, double truth)
        {
            _traces++;
            _tokens += tokens;
            _examples += recalled.Count;
            _distinct += recalled.Select(e => e.Example.TraceId).Distinct(StringComparer.Ordinal).Count();
            _error += Math.Abs(value - truth);
            _exact += value == truth ? 1 : 0;
            _withinOne += Math.Abs(value - truth) <= 1 ? 1 : 0;
        }
    }
}
