using Microsoft.Extensions.AI;

namespace MemAlign;

/// <summary>How <see cref="MemAlignOptimizer"/> aligns: the reflection and embedding models, retrieval and batching.</summary>
public sealed record MemAlignOptions
{
    /// <summary>
    /// The model that distils guidelines from expert rationales. <see langword="null"/> uses the offline
    /// extractive distiller (rationale sentences as guidelines), which needs no model.
    /// </summary>
    public IChatClient? ReflectionModel { get; init; }

    /// <summary>How the reflection model is called (retries, timeouts, logging).</summary>
    public JudgeOptions ReflectionCallOptions { get; init; } = JudgeOptions.Default;

    /// <summary>The embedder for episodic memory; <see langword="null"/> uses <see cref="LocalEmbeddingGenerator"/> with <see cref="EmbeddingDimensions"/>.</summary>
    public IEmbeddingGenerator<string, Embedding<float>>? EmbeddingGenerator { get; init; }

    /// <summary>The vector length (default 512, as the reference's text-embedding-3-small setting).</summary>
    public int EmbeddingDimensions { get; init; } = 512;

    /// <summary>Examples retrieved per evaluation (default 5).</summary>
    public int RetrievalK { get; init; } = 5;

    /// <summary>Records per distillation batch, at most (default 50).</summary>
    public int MaxRecordsPerBatch { get; init; } = 50;

    /// <summary>The reflection model's input budget per batch, in tokens (default 60,000).</summary>
    public int MaxBatchInputTokens { get; init; } = 60_000;

    /// <summary>Distillation batches in flight at once (default 8).</summary>
    public int MaxParallelDistillations { get; init; } = 8;

    /// <summary>Embedding cosine similarity at or above which two guidelines are the same one (default 0.92).</summary>
    public double GuidelineMergeThreshold { get; init; } = 0.92;

    /// <summary>How several human labels on one trace become one (default: majority, ties to the most recent label).</summary>
    public LabelResolution LabelResolution { get; init; } = LabelResolution.Default;

    /// <summary>
    /// Word overlap (Jaccard similarity of the word sets, after normalising case and punctuation) at or
    /// above which two guidelines are the same one (default 0.8); texts that differ in a polarity word
    /// ("not", "true" / "false") never merge this way.
    /// </summary>
    public double GuidelineOverlapThreshold { get; init; } = 0.8;

    /// <summary>
    /// The most tokens of guideline text semantic memory keeps (default 1,500: about a page, which a judge
    /// model reads in full next to the rubric and examples). Applied after merging, on every align, whatever
    /// the distiller: user-written guidelines always stay; distilled ones are kept by support (the number of
    /// traces they rest on) while they fit, and the rest are dropped and listed in the report. Their traces
    /// stay distilled, so a later align does not bring them back unless their feedback changes.
    /// </summary>
    public int MaxGuidelineTokens { get; init; } = 1_500;

    /// <summary>Text embedded per example is cut to this many tokens (default 8,000, under OpenAI embedders' 8,191).</summary>
    public int MaxEmbeddingInputTokens { get; init; } = 8_000;

    internal void Validate()
    {
        static void AtLeast(int value, int minimum, string name)
        {
            if (value < minimum)
            {
                throw new ArgumentOutOfRangeException(name, value, $"{nameof(MemAlignOptions)}.{name} must be at least {minimum}.");
            }
        }

        AtLeast(EmbeddingDimensions, 16, nameof(EmbeddingDimensions));
        AtLeast(RetrievalK, 1, nameof(RetrievalK));
        AtLeast(MaxRecordsPerBatch, 1, nameof(MaxRecordsPerBatch));
        AtLeast(MaxBatchInputTokens, 1_000, nameof(MaxBatchInputTokens));
        AtLeast(MaxParallelDistillations, 1, nameof(MaxParallelDistillations));
        AtLeast(MaxEmbeddingInputTokens, 16, nameof(MaxEmbeddingInputTokens));
        AtLeast(MaxGuidelineTokens, 1, nameof(MaxGuidelineTokens));
        if (double.IsNaN(GuidelineOverlapThreshold) || GuidelineOverlapThreshold is <= 0 or > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(GuidelineOverlapThreshold), GuidelineOverlapThreshold,
                $"{nameof(MemAlignOptions)}.{nameof(GuidelineOverlapThreshold)} must be above 0 and at most 1.");
        }

        if (double.IsNaN(GuidelineMergeThreshold) || GuidelineMergeThreshold is <= 0 or > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(GuidelineMergeThreshold), GuidelineMergeThreshold,
                $"{nameof(MemAlignOptions)}.{nameof(GuidelineMergeThreshold)} must be above 0 and at most 1.");
        }

        ArgumentNullException.ThrowIfNull(LabelResolution, nameof(LabelResolution));
        LabelResolution.Validate();
        ArgumentNullException.ThrowIfNull(ReflectionCallOptions, nameof(ReflectionCallOptions));
        ReflectionCallOptions.Validate();
    }
}
