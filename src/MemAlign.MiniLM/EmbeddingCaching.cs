using Microsoft.Extensions.AI;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace MemAlign.MiniLM;

/// <summary>
/// Memoises embeddings in memory for the life of the generator, with Microsoft.Extensions.AI's own
/// caching embedding generator over a <see cref="MemoryDistributedCache"/>.
/// </summary>
/// <remarks>
/// Experiments align and evaluate many times on the same texts, and a real encoder costs milliseconds
/// per text: with the cache, each distinct text (and embedding option set) reaches the inner generator
/// once. A batch sends only the texts not cached yet, in one call. Nothing is written to disk; the cache
/// lives as long as the returned generator, and disposing that generator disposes the inner one.
/// </remarks>
public static class EmbeddingCaching
{
    /// <summary>
    /// Wraps <paramref name="generator"/> in an in-memory cache. The wrapper answers
    /// <c>GetService&lt;EmbeddingGeneratorMetadata&gt;()</c> with the inner generator's metadata, so the
    /// model id MemAlign records with a memory is unchanged.
    /// </summary>
    /// <param name="generator">The generator whose results to memoise.</param>
    /// <param name="sizeLimitBytes">
    /// An upper bound on the cache, in bytes of serialised embeddings (a 384-dimensional one takes a few
    /// KB); when it is reached the cache compacts itself and embeds again what it dropped.
    /// <see langword="null"/> (the default) keeps every embedding, which suits a process that embeds a
    /// bounded corpus, such as an experiment.
    /// </param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="sizeLimitBytes"/> is below 1.</exception>
    public static IEmbeddingGenerator<string, Embedding<float>> WithMemoryCache(
        this IEmbeddingGenerator<string, Embedding<float>> generator, long? sizeLimitBytes = null)
    {
        ArgumentNullException.ThrowIfNull(generator);
        if (sizeLimitBytes is { } limit)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1, nameof(sizeLimitBytes));
        }

        var cache = new MemoryDistributedCache(Options.Create(new MemoryDistributedCacheOptions { SizeLimit = sizeLimitBytes }));
        return new EmbeddingGeneratorBuilder<string, Embedding<float>>(generator)
            .UseDistributedCache(cache)
            .Build();
    }
}
