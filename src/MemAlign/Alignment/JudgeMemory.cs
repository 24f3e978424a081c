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

    /// <summary>
    /// Creates a memory. Several examples of one trace (memories stored before one example per trace held one per
    /// label) are merged into one, in the place of the first: its weight the sum of theirs, their reviewers and
    /// rationales together.
    /// </summary>
    /// <exception cref="ArgumentException">
    /// Settings are out of range, an example's vector has the wrong length, or examples of one trace disagree on the verdict.
    /// </exception>
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
        Examples = OnePerTrace(examples);
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

    /// <summary>The labelled examples, one per trace.</summary>
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

    private static EpisodicExample[] OnePerTrace(IEnumerable<EpisodicExample> examples)
    {
        var list = examples.ToList();
        var byTrace = list.GroupBy(e => e.TraceId, StringComparer.Ordinal).ToList();
        return byTrace.Count == list.Count ? list.ToArray() : byTrace.Select(g => EpisodicExample.Merge(g.ToList())).ToArray();
    }

    internal JudgeMemory With(IEnumerable<Guideline>? guidelines = null, IEnumerable<EpisodicExample>? examples = null) =>
        new(guidelines ?? Guidelines, examples ?? Examples, EmbeddingModelId, EmbeddingDimensions, RetrievalK);
}
