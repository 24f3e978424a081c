using Microsoft.Extensions.AI;

namespace MemAlign;

/// <summary>
/// The optimizer's output (<see cref="IAlignmentOptimizer"/>): a judge's new memory, the embedder its examples
/// were embedded with, and the <see cref="AlignmentReport"/>. <c>judge.AlignAsync</c> puts it on a copy of the
/// judge and gives back an <see cref="AlignedJudge{TJudge}"/>.
/// </summary>
/// <param name="Memory">The new memory.</param>
/// <param name="Embedder">The embedder of the memory's examples; a judge needs it to retrieve examples for a trace.</param>
/// <param name="Report">What was done and what it cost.</param>
public sealed record AlignedMemory(JudgeMemory Memory, IEmbeddingGenerator<string, Embedding<float>> Embedder, AlignmentReport Report);
