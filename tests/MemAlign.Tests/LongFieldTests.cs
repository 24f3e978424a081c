using System.Diagnostics;
using MemAlign.Alignment;
using Microsoft.ML.Tokenizers;
using Xunit.Abstractions;

namespace MemAlign.Tests;

/// <summary>
/// A field without whitespace (base64, a minified line) is one pre-token to the tokenizer, whose byte-pair
/// encoding costs the square of its length: counting 400 KB took a minute, 10 MB more than a quarter of an
/// hour, and one such trace stalled every align. Counting, truncating and batch packing are linear now.
/// </summary>
public class LongFieldTests(ITestOutputHelper output)
{
    private const int TenMegabytes = 10_000_000;

    // Far above what linear counting takes on a loaded 2-core machine, far below what the quadratic one did.
    private static readonly TimeSpan Generous = TimeSpan.FromSeconds(90);

    private static readonly JudgeDefinition Definition = JudgeDefinition.Create("flagged", "Is this text flagged? {{ inputs }}", FeedbackValueType.Boolean);

    [Fact]
    public async Task A_10_MB_field_without_spaces_is_counted_and_truncated_in_linear_time()
    {
        var text = RunWithoutSpaces(TenMegabytes, seed: 1);

        var watch = Stopwatch.StartNew();
        var count = await Bounded(() => TokenCounter.Count(text));
        var counted = watch.Elapsed;
        var prefix = await Bounded(() => TokenCounter.Truncate(text, 8_000));
        output.WriteLine($"10 MB run: {count:N0} tokens counted in {counted.TotalSeconds:0.0} s, truncated in {watch.Elapsed.TotalSeconds - counted.TotalSeconds:0.0} s");

        // Random letters: a few characters per token, never more than one token per character.
        Assert.InRange(count, TenMegabytes / 8, TenMegabytes);
        Assert.StartsWith(prefix, text, StringComparison.Ordinal);
        Assert.InRange(TokenCounter.Count(prefix), 7_990, 8_000);

        // Pieces cut inside a run cost at most a token per cut more than the tokenizer's exact count (20 KB: 78 cuts).
        var sample = text[..20_000];
        var exact = TiktokenTokenizer.CreateForEncoding("o200k_base").CountTokens(sample);
        Assert.InRange(TokenCounter.Count(sample), exact, exact + (sample.Length / TokenCounter.PieceLength));

        // One repeated character, the tokenizer's other worst case.
        var repeated = new string('a', TenMegabytes);
        Assert.InRange(await Bounded(() => TokenCounter.Count(repeated)), TenMegabytes / 256, TenMegabytes / 2);
        var cut = await Bounded(() => TokenCounter.Truncate(repeated, 100));
        Assert.InRange(TokenCounter.Count(cut), 95, 100);
        Assert.True(cut.Length > 100, cut);
    }

    [Fact]
    public void Ordinary_text_counts_as_the_tokenizer_counts_it_whole()
    {
        var sentence = "The refund was issued within five business days, as the policy says. ";
        var text = string.Concat(Enumerable.Repeat(sentence, 200)); // 14 KB: many pieces, each cut where a space starts
        var whole = TiktokenTokenizer.CreateForEncoding("o200k_base");
        Assert.Equal(whole.CountTokens(text), TokenCounter.Count(text));
        Assert.Equal(whole.CountTokens(sentence), TokenCounter.Count(sentence));
        Assert.Equal(text, TokenCounter.Truncate(text, 1_000_000));
        var prefix = TokenCounter.Truncate(text, 100);
        Assert.StartsWith(prefix, text, StringComparison.Ordinal);
        Assert.InRange(TokenCounter.Count(prefix), 95, 100);

        // Text of surrogate pairs (emoji) round-trips whole.
        var emoji = string.Concat(Enumerable.Repeat("\U0001F600", 1_000));
        Assert.Equal(emoji, TokenCounter.Truncate(emoji, int.MaxValue));
        Assert.InRange(TokenCounter.Count(emoji), 1_000, 4_000);
    }

    [Fact]
    public async Task Batch_packing_puts_each_10_MB_record_alone_and_keeps_the_small_ones_together()
    {
        var huge = RunWithoutSpaces(TenMegabytes, seed: 2);
        var records = new List<DistillationRecord>
        {
            Record("small-1", "short answer"),
            Record("huge-1", huge),
            Record("small-2", "another short answer"),
            Record("small-3", "a third short answer"),
            Record("huge-2", huge[1..] + "x"),
        };

        var batches = await Bounded(() => DistillationBatcher.Pack(records, fixedTokens: 500, maxRecords: 50, maxTokens: 60_000));

        Assert.Equal(
            [["small-1"], ["huge-1"], ["small-2", "small-3"], ["huge-2"]],
            batches.Select(b => b.Select(r => r.TraceId).ToArray()).ToArray());
    }

    [Fact]
    public async Task Align_with_a_10_MB_field_without_spaces_finishes_and_remembers_the_trace()
    {
        var traces = new List<Trace>
        {
            Labelled("huge", RunWithoutSpaces(TenMegabytes, seed: 3), true),
            Labelled("short-1", "a short and clear answer", false),
            Labelled("short-2", "another short answer about refunds", true),
        };

        var (aligned, report) = await Bounded(() => Judge.CreateLocal<bool>(Definition).AlignAsync(traces).GetAwaiter().GetResult());

        Assert.Equal(3, report.ExamplesAdded);
        Assert.Contains("huge", aligned.Memory.TraceIds);
        var verdict = await Bounded(() => aligned.EvaluateAsync(Trace.Create("query", RunWithoutSpaces(TenMegabytes, seed: 4), "n/a")).GetAwaiter().GetResult());
        Assert.Null(verdict.Error);
    }

    /// <summary>Runs <paramref name="work"/> on the thread pool and fails the test if it takes longer than <see cref="Generous"/>.</summary>
    private static Task<T> Bounded<T>(Func<T> work) => Task.Run(work).WaitAsync(Generous);

    /// <summary>Random lower-case letters: one pre-token to the tokenizer (capitals, digits and punctuation would split it), so the tokenizer's word cache does not help.</summary>
    internal static string RunWithoutSpaces(int length, int seed)
    {
        const string Alphabet = "abcdefghijklmnopqrstuvwxyz";
        var random = new Random(seed);
        return string.Create(length, random, (span, r) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = Alphabet[r.Next(Alphabet.Length)];
            }
        });
    }

    private static DistillationRecord Record(string id, string inputs) =>
        new(id, FeedbackValue.FromBoolean(true), "because", new Dictionary<string, string>(StringComparer.Ordinal) { ["inputs"] = inputs });

    private static Trace Labelled(string id, string inputs, bool value) =>
        Trace.Create(id, inputs, "n/a").WithAssessment(new Assessment(Definition.Name, value, AssessmentSource.Human("expert"), $"rationale for {id}"));
}
