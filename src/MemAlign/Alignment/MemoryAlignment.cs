using Microsoft.Extensions.AI;

namespace MemAlign;

/// <summary>What an <see cref="IAlignmentOptimizer"/> made: a judge's new memory, the embedder its examples were embedded with, and the report.</summary>
/// <param name="Memory">The new memory.</param>
/// <param name="Embedder">The embedder of the memory's examples; a judge needs it to retrieve examples for a trace.</param>
/// <param name="Report">What was done and what it cost.</param>
public sealed record MemoryAlignment(JudgeMemory Memory, IEmbeddingGenerator<string, Embedding<float>> Embedder, AlignmentReport Report);
