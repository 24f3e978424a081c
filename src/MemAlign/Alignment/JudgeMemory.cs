using MemAlign.Alignment;

namespace MemAlign;

/// <summary>
/// What an aligned judge remembers: semantic memory (guidelines, each with the traces it came from) and
/// episodic memory (labelled examples with their embeddings), plus the embedding model and retrieval
/// settings they were made with. Immutable and self-contained: it can be stored and loaded without any
/// model call.
/// </summary>
public sealed class JudgeMemory
{
    private readonly Lazy<EpisodicIndex> _index;

    /// <summary>Creates a memory.</summary>
    /// <exception cref="ArgumentException">Settings are out of range, or an example's vector has the wrong length.</exception>
    public JudgeMemory(
        IEnumerable<Guideline> guidelines,
        IEnumerable<EpisodicExample> examples,
        string embeddingModelId,
        int embeddingDimensions,
        int retrievalK)
    {
        ArgumentNullException.ThrowIfNull(guidelines);
        ArgumentNullException.ThrowIfNull(examples);
        ArgumentException.ThrowIfNullOrWhiteSpace(embeddingModelId);
        ArgumentOutOfRangeException.ThrowIfLessThan(embeddingDimensions, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(retrievalK, 1);
        Guidelines = guidelines.ToArray();
        Examples = examples.ToArray();
        EmbeddingModelId = embeddingModelId;
        EmbeddingDimensions = embeddingDimensions;
        RetrievalK = retrievalK;
        if (Examples.FirstOrDefault(e => e.Vector.Length != embeddingDimensions) is { } wrong)
        {
            throw new ArgumentException(
                $"Example '{wrong.Id}' (trace '{wrong.TraceId}') has a {wrong.Vector.Length}-dimensional vector, but the memory holds {embeddingDimensions}-dimensional ones.",
                nameof(examples));
        }

        _index = new Lazy<EpisodicIndex>(() => new EpisodicIndex(Examples, EmbeddingDimensions));
    }

    /// <summary>An empty memory (an unaligned judge), for the local embedder's default settings.</summary>
    public static JudgeMemory Empty { get; } = new([], [], LocalEmbeddingGenerator.ModelName, LocalEmbeddingGenerator.DefaultDimensions, 5);

    /// <summary>The guidelines, in a deterministic order.</summary>
    public IReadOnlyList<Guideline> Guidelines { get; }

    /// <summary>The labelled examples.</summary>
    public IReadOnlyList<EpisodicExample> Examples { get; }

    /// <summary>The embedding model the example vectors come from; queries must be embedded by the same one.</summary>
    public string EmbeddingModelId { get; }

    /// <summary>The length of every vector.</summary>
    public int EmbeddingDimensions { get; }

    /// <summary>How many examples are retrieved per evaluation.</summary>
    public int RetrievalK { get; }

    /// <summary>Whether there is nothing in memory.</summary>
    public bool IsEmpty => Guidelines.Count == 0 && Examples.Count == 0;

    /// <summary>The ids of the traces with examples in memory.</summary>
    public IReadOnlySet<string> TraceIds => Examples.Select(e => e.TraceId).ToHashSet(StringComparer.Ordinal);

    internal EpisodicIndex Index => _index.Value;

    internal JudgeMemory With(IEnumerable<Guideline>? guidelines = null, IEnumerable<EpisodicExample>? examples = null) =>
        new(guidelines ?? Guidelines, examples ?? Examples, EmbeddingModelId, EmbeddingDimensions, RetrievalK);
}
