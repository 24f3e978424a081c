using System.Numerics.Tensors;
using Microsoft.Extensions.AI;

namespace MemAlign;

/// <summary>
/// An embedding generator that needs no network and no model: texts become L2-normalised vectors of
/// hashed word, word-pair and character-trigram features. Deterministic across runs and machines, so
/// alignment and retrieval work offline and in tests. It measures shared wording, not meaning; use a
/// real embedding model for production retrieval.
/// </summary>
public sealed class LocalEmbeddingGenerator : IEmbeddingGenerator<string, Embedding<float>>
{
    /// <summary>The model id this generator reports.</summary>
    public const string ModelName = "memalign-local-hash-v1";

    /// <summary>The default vector length.</summary>
    public const int DefaultDimensions = 512;

    private const float WordWeight = 1.0f;
    private const float StopWordWeight = 0.15f;
    private const float WordPairWeight = 0.6f;
    private const float TrigramWeight = 0.4f;

    // Function words carry little of what distinguishes one example from another.
    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        "a", "an", "the", "and", "or", "but", "if", "of", "to", "in", "on", "at", "for", "with", "by", "from",
        "is", "are", "was", "were", "be", "been", "it", "its", "this", "that", "these", "those", "as", "so",
        "i", "you", "we", "they", "he", "she", "me", "my", "your", "our", "do", "does", "did", "not", "no",
    };

    private readonly EmbeddingGeneratorMetadata _metadata;

    /// <summary>Creates a generator of vectors with <paramref name="dimensions"/> components.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="dimensions"/> is below 16.</exception>
    public LocalEmbeddingGenerator(int dimensions = DefaultDimensions)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(dimensions, 16);
        Dimensions = dimensions;
        _metadata = new EmbeddingGeneratorMetadata("memalign-local", null, ModelName, dimensions);
    }

    /// <summary>The vector length.</summary>
    public int Dimensions { get; }

    /// <inheritdoc />
    public Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(
        IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(values);
        var dimensions = options?.Dimensions ?? Dimensions;
        ArgumentOutOfRangeException.ThrowIfLessThan(dimensions, 16, "options.Dimensions");

        var embeddings = new GeneratedEmbeddings<Embedding<float>>();
        foreach (var value in values)
        {
            cancellationToken.ThrowIfCancellationRequested();
            embeddings.Add(new Embedding<float>(Embed(value ?? "", dimensions))
            {
                ModelId = ModelName,
                CreatedAt = null,
            });
        }

        return Task.FromResult(embeddings);
    }

    /// <summary>Embeds one text.</summary>
    public float[] Embed(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Embed(text, Dimensions);
    }

    /// <inheritdoc />
    public object? GetService(Type serviceType, object? serviceKey = null)
    {
        ArgumentNullException.ThrowIfNull(serviceType);
        return serviceKey is not null ? null
            : serviceType == typeof(EmbeddingGeneratorMetadata) ? _metadata
            : serviceType.IsInstanceOfType(this) ? this
            : null;
    }

    /// <inheritdoc />
    public void Dispose()
    {
    }

    private static float[] Embed(string text, int dimensions)
    {
        var vector = new float[dimensions];
        var words = Words(text);
        for (var i = 0; i < words.Count; i++)
        {
            var word = words[i];
            Add(vector, Fnv1a(word, 0x5eed_0001), StopWords.Contains(word) ? StopWordWeight : WordWeight);
            if (i > 0)
            {
                Add(vector, Fnv1a(words[i - 1] + " " + word, 0x5eed_0002), WordPairWeight);
            }

            var padded = "#" + word + "#";
            for (var start = 0; start + 3 <= padded.Length; start++)
            {
                Add(vector, Fnv1a(padded.AsSpan(start, 3), 0x5eed_0003), TrigramWeight);
            }
        }

        var norm = TensorPrimitives.Norm(vector);
        if (norm > 0)
        {
            TensorPrimitives.Divide(vector, norm, vector);
        }

        return vector;
    }

    private static List<string> Words(string text)
    {
        var words = new List<string>();
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var inWord = i < text.Length && char.IsLetterOrDigit(text[i]);
            if (inWord && start < 0)
            {
                start = i;
            }
            else if (!inWord && start >= 0)
            {
                words.Add(text[start..i].ToLowerInvariant());
                start = -1;
            }
        }

        return words;
    }

    // Signed feature hashing: the top bit picks the sign, so collisions cancel out on average.
    private static void Add(float[] vector, ulong hash, float weight)
    {
        var index = (int)(hash % (ulong)vector.Length);
        vector[index] += (hash >> 63) == 0 ? weight : -weight;
    }

    // FNV-1a over UTF-16 code units: tiny, stable across runtimes and platforms (string.GetHashCode is
    // randomised per process), and good enough for feature hashing.
    private static ulong Fnv1a(ReadOnlySpan<char> text, ulong seed)
    {
        var hash = 14695981039346656037UL ^ seed;
        foreach (var c in text)
        {
            hash = (hash ^ (byte)c) * 1099511628211UL;
            hash = (hash ^ (byte)(c >> 8)) * 1099511628211UL;
        }

        // Final avalanche so that the low bits (the index) and the top bit (the sign) are well mixed.
        hash ^= hash >> 33;
        hash *= 0xff51afd7ed558ccdUL;
        hash ^= hash >> 33;
        return hash;
    }
}
