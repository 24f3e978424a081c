using System.Diagnostics;
using System.Numerics.Tensors;
using MemAlign.MiniLM;
using Microsoft.Extensions.AI;

namespace MemAlign.Tests;

/// <summary>The real offline sentence encoder (all-MiniLM-L6-v2), its in-memory cache, and alignment on it.</summary>
public class MiniLMEmbeddingGeneratorTests
{
    private const string Refund = "The refund will reach your card in five days";
    private const string Paraphrase = "Your money is on its way back";
    private const string Unrelated = "The store opens at nine";
    private const string Decoy = "Reach for the stars in your dreams";   // shares words with Refund, not meaning

    // Loading the model takes most of a second; the tests that do not dispose share one generator.
    private static readonly MiniLMEmbeddingGenerator Shared = new();

    [Fact]
    public async Task A_paraphrase_ranks_above_unrelated_sentences_even_those_sharing_words_which_fool_the_hashed_embedder()
    {
        var minilm = await Shared.GenerateAsync([Refund, Paraphrase, Unrelated, Decoy]);
        var hashed = await new LocalEmbeddingGenerator().GenerateAsync([Refund, Paraphrase, Unrelated, Decoy]);

        var (paraphrase, unrelated, decoy) = (Cosine(minilm[0], minilm[1]), Cosine(minilm[0], minilm[2]), Cosine(minilm[0], minilm[3]));
        Assert.True(paraphrase > unrelated + 0.15f && paraphrase > decoy + 0.15f, $"MiniLM: paraphrase {paraphrase:F3}, unrelated {unrelated:F3}, decoy {decoy:F3}");
        // Wording is all the hashed embedder sees: the decoy ("reach", "your", "in") beats the paraphrase.
        var (hashedParaphrase, hashedDecoy) = (Cosine(hashed[0], hashed[1]), Cosine(hashed[0], hashed[3]));
        Assert.True(hashedDecoy > hashedParaphrase, $"hashed: paraphrase {hashedParaphrase:F3}, decoy {hashedDecoy:F3}");
    }

    [Fact]
    public async Task Vectors_are_unit_length_384_long_and_labelled_with_the_model()
    {
        var embeddings = await Shared.GenerateAsync([Refund, "", "x", string.Join(' ', Enumerable.Repeat("a long text well past the model's input length", 300))]);

        Assert.Equal(4, embeddings.Count);
        Assert.All(embeddings, e =>
        {
            Assert.Equal(384, e.Vector.Length);
            Assert.Equal(1.0, TensorPrimitives.Norm(e.Vector.Span), 4);
            Assert.Equal("all-MiniLM-L6-v2", e.ModelId);
        });
        var metadata = Shared.GetService<EmbeddingGeneratorMetadata>();
        Assert.Equal((MiniLMEmbeddingGenerator.ModelName, (int?)384), (metadata!.DefaultModelId, metadata.DefaultModelDimensions));
    }

    [Fact]
    public async Task The_same_text_gives_identical_vectors_alone_in_a_batch_and_across_calls()
    {
        var alone = (await Shared.GenerateAsync([Refund]))[0].Vector.ToArray();
        var again = (await Shared.GenerateAsync([Refund]))[0].Vector.ToArray();
        // In a batch longer than one model batch, padded to much longer texts and in another order.
        var others = Enumerable.Range(0, 40).Select(i => $"Filler sentence {i}, made longer than the refund sentence so that padding differs").ToList();
        var batch = await Shared.GenerateAsync([.. others, Refund]);

        Assert.Equal(alone, again);
        Assert.Equal(alone, batch[^1].Vector.ToArray());
        Assert.Equal(41, batch.Count);
        Assert.NotEqual(alone, batch[0].Vector.ToArray());
    }

    [Fact]
    public async Task Parallel_callers_get_the_same_vectors_as_one_caller()
    {
        var texts = Enumerable.Range(0, 12).Select(i => $"Question number {i} about an order that has not arrived").ToArray();
        var sequential = (await Shared.GenerateAsync(texts)).Select(e => e.Vector.ToArray()).ToArray();

        var parallel = await Task.WhenAll(texts.Select(t => Task.Run(() => Shared.GenerateAsync([t]))));

        for (var i = 0; i < texts.Length; i++)
        {
            Assert.Equal(sequential[i], parallel[i][0].Vector.ToArray());
        }
    }

    [Theory]
    [InlineData(512)]
    [InlineData(256)]
    public async Task Asking_for_other_dimensions_throws_naming_the_model_and_its_384(int dimensions)
    {
        using var generator = new MiniLMEmbeddingGenerator();

        var error = await Assert.ThrowsAsync<ArgumentException>(() => generator.GenerateAsync([Refund], new EmbeddingGenerationOptions { Dimensions = dimensions }));

        Assert.Equal("options", error.ParamName);
        Assert.Contains("'all-MiniLM-L6-v2' produces 384-dimensional vectors", error.Message);
        Assert.Contains($"asked for {dimensions}", error.Message);
        Assert.Equal(384, (await Shared.GenerateAsync([Refund], new EmbeddingGenerationOptions { Dimensions = 384 }))[0].Vector.Length);
    }

    [Fact]
    public async Task Cancellation_is_honoured_before_and_during_a_long_batch()
    {
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Shared.GenerateAsync([Refund], cancellationToken: new CancellationToken(canceled: true)));

        // About 20 seconds of work on two cores; cancelled after a quarter of a second it stops within a batch.
        var texts = Enumerable.Range(0, 3000).Select(i => $"Sentence {i}: the parcel was left with a neighbour and the customer wants to know which one").ToList();
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(250));
        var clock = Stopwatch.StartNew();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Shared.GenerateAsync(texts, cancellationToken: cancellation.Token));

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed}");
    }

    [Fact]
    public async Task A_disposed_generator_refuses_work_and_disposing_twice_is_harmless()
    {
        var generator = new MiniLMEmbeddingGenerator();
        Assert.Single(await generator.GenerateAsync([Refund]));

        generator.Dispose();
        generator.Dispose();

        await Assert.ThrowsAsync<ObjectDisposedException>(() => generator.GenerateAsync([Refund]));
    }

    [Fact]
    public async Task The_memory_cache_embeds_each_text_once_and_still_reports_the_model()
    {
        var inner = new CountingEmbedder(Shared);
        using var cached = inner.WithMemoryCache();

        var first = await cached.GenerateAsync([Refund, Paraphrase]);
        var second = await cached.GenerateAsync([Paraphrase, Unrelated, Refund]);

        Assert.Equal([Refund, Paraphrase, Unrelated], inner.Texts);               // the repeats never reached it
        Assert.Equal(2, inner.Calls);                                             // the new text went in one call
        Assert.Equal(first[0].Vector.ToArray(), second[2].Vector.ToArray());
        Assert.Equal(first[1].Vector.ToArray(), second[0].Vector.ToArray());
        Assert.Equal((await Shared.GenerateAsync([Unrelated]))[0].Vector.ToArray(), second[1].Vector.ToArray());
        Assert.Equal("all-MiniLM-L6-v2", cached.GetService<EmbeddingGeneratorMetadata>()!.DefaultModelId);
        Assert.Equal(384, cached.GetService<EmbeddingGeneratorMetadata>()!.DefaultModelDimensions);
        Assert.Equal("all-MiniLM-L6-v2", MiniLMEmbeddingGenerator.CreateMemoised().GetService<EmbeddingGeneratorMetadata>()!.DefaultModelId);
    }

    [Fact]
    public async Task A_size_limited_cache_still_answers_and_rejects_a_limit_below_one()
    {
        var inner = new CountingEmbedder(Shared);
        using var cached = inner.WithMemoryCache(sizeLimitBytes: 1);   // too small to keep anything

        await cached.GenerateAsync([Refund]);
        var again = await cached.GenerateAsync([Refund]);

        Assert.Equal([Refund, Refund], inner.Texts);
        Assert.Equal(384, again[0].Vector.Length);
        Assert.Throws<ArgumentOutOfRangeException>(() => inner.WithMemoryCache(sizeLimitBytes: 0));
    }

    [Fact]
    public async Task Alignment_records_the_model_and_retrieves_the_semantically_closest_example()
    {
        var definition = JudgeDefinition.Create("helpfulness", "User query: {{ inputs }}\nAssistant response: {{ outputs }}", FeedbackValueType.Boolean);
        Trace[] traces =
        [
            SeedFeedback.Labelled("money-back", Paraphrase, "Yes, it has been sent.", true, "Reassures about the refund."),
            SeedFeedback.Labelled("opening-hours", Unrelated, "Correct.", false, "Off topic."),
            SeedFeedback.Labelled("stars", Decoy, "Inspiring!", false, "Not what the customer asked."),
            SeedFeedback.Labelled("sizes", "Do these shoes come in size 44?", "Yes, in black and brown.", true, "Direct answer."),
        ];
        var query = Trace.Create("q", Refund, "Yes.");

        Judge<bool> aligned = await Judge.CreateLocal<bool>(definition).AlignAsync(traces,
            new MemAlignOptimizer(new MemAlignOptions { EmbeddingGenerator = MiniLMEmbeddingGenerator.CreateMemoised(), RetrievalK = 1 }));
        var verdict = await aligned.EvaluateAsync(query);
        Judge<bool> hashed = await Judge.CreateLocal<bool>(definition).AlignAsync(traces, new MemAlignOptimizer(new MemAlignOptions { RetrievalK = 1 }));

        Assert.Equal(("all-MiniLM-L6-v2", 384), (aligned.Memory.EmbeddingModelId, aligned.Memory.EmbeddingDimensions));
        Assert.All(aligned.Memory.Examples, e => Assert.Equal(384, e.Vector.Length));
        Assert.Equal(["money-back"], verdict.RetrievedExampleIds);
        Assert.True(verdict.Value);
        // The hashed embedder retrieves the decoy that shares words, and votes the other way.
        var hashedVerdict = await hashed.EvaluateAsync(query);
        Assert.Equal(["stars"], hashedVerdict.RetrievedExampleIds);
        Assert.False(hashedVerdict.Value);
    }

    private static float Cosine(Embedding<float> a, Embedding<float> b) => TensorPrimitives.CosineSimilarity(a.Vector.Span, b.Vector.Span);

    /// <summary>Records every text that reaches the wrapped generator; disposing it leaves the shared generator alone.</summary>
    private sealed class CountingEmbedder(IEmbeddingGenerator<string, Embedding<float>> inner) : IEmbeddingGenerator<string, Embedding<float>>
    {
        private readonly List<string> _texts = [];

        public IReadOnlyList<string> Texts { get { lock (_texts) { return [.. _texts]; } } }

        public int Calls { get; private set; }

        public Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
        {
            var list = values.ToList();
            lock (_texts)
            {
                _texts.AddRange(list);
                Calls++;
            }

            return inner.GenerateAsync(list, options, cancellationToken);
        }

        public object? GetService(Type serviceType, object? serviceKey = null) => inner.GetService(serviceType, serviceKey);

        public void Dispose()
        {
        }
    }
}
