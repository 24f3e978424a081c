using Microsoft.Extensions.AI;

namespace MemAlign;

/// <summary>
/// Alignment and copies of a judge that keep its type: aligning a <c>Helpfulness</c> gives a
/// <c>Helpfulness</c>, with its generated <c>EvaluateAsync(inputs, outputs)</c>. The judge itself is never changed.
/// </summary>
public static class JudgeAlignmentExtensions
{
    /// <summary>
    /// Aligns the judge with the human feedback on <paramref name="traces"/> (assessments named like the
    /// judge, from HUMAN sources) and returns a new judge of the same type. The default optimizer is
    /// <see cref="MemAlignOptimizer"/> with its default options (offline distiller and embedder).
    /// </summary>
    /// <exception cref="ArgumentException">No traces were given.</exception>
    /// <exception cref="InvalidOperationException">No trace has usable feedback, the judge is session-level, or its memory was embedded by another model.</exception>
    public static async Task<AlignedJudge<TJudge>> AlignAsync<TJudge>(this TJudge judge, IEnumerable<Trace> traces, IAlignmentOptimizer? optimizer = null,
        CancellationToken cancellationToken = default)
        where TJudge : Judge
    {
        ArgumentNullException.ThrowIfNull(judge);
        ArgumentNullException.ThrowIfNull(traces);
        var memory = await judge.MemoryAsync(cancellationToken).ConfigureAwait(false);
        var outcome = await (optimizer ?? new MemAlignOptimizer()).AlignAsync(judge.Definition, memory, traces.ToList(), cancellationToken).ConfigureAwait(false);
        return new AlignedJudge<TJudge>(judge.WithMemory(outcome.Memory, outcome.Embedder), outcome.Report);
    }

    /// <summary>Removes what the judge learned from the given traces; see <see cref="MemAlignOptimizer.UnalignAsync"/>.</summary>
    public static async Task<AlignedJudge<TJudge>> UnalignAsync<TJudge>(this TJudge judge, IEnumerable<string> traceIds, bool redistill = false,
        IAlignmentOptimizer? optimizer = null, CancellationToken cancellationToken = default)
        where TJudge : Judge
    {
        ArgumentNullException.ThrowIfNull(judge);
        ArgumentNullException.ThrowIfNull(traceIds);
        var memory = await judge.MemoryAsync(cancellationToken).ConfigureAwait(false);
        var outcome = await (optimizer ?? new MemAlignOptimizer()).UnalignAsync(judge.Definition, memory, traceIds.ToHashSet(StringComparer.Ordinal), redistill, cancellationToken)
            .ConfigureAwait(false);
        return new AlignedJudge<TJudge>(judge.WithMemory(outcome.Memory, judge.Embedder ?? outcome.Embedder), outcome.Report);
    }

    /// <summary>Removes what the judge learned from the given traces; see <see cref="MemAlignOptimizer.UnalignAsync"/>.</summary>
    public static Task<AlignedJudge<TJudge>> UnalignAsync<TJudge>(this TJudge judge, IEnumerable<Trace> traces, bool redistill = false,
        IAlignmentOptimizer? optimizer = null, CancellationToken cancellationToken = default)
        where TJudge : Judge
    {
        ArgumentNullException.ThrowIfNull(traces);
        return judge.UnalignAsync(traces.Select(t => t.Id), redistill, optimizer, cancellationToken);
    }

    /// <summary>A copy with user-written guidelines added to its semantic memory (they survive every unalign).</summary>
    public static TJudge WithGuidelines<TJudge>(this TJudge judge, params IEnumerable<string> guidelines)
        where TJudge : Judge
    {
        ArgumentNullException.ThrowIfNull(judge);
        ArgumentNullException.ThrowIfNull(guidelines);
        var memory = judge.Memory;
        var added = guidelines.Select(g => new Guideline(g)).Where(g => !memory.Guidelines.Any(m => m.Text == g.Text)).ToList();
        return (TJudge)judge.Copy(memory: memory.With(guidelines: memory.Guidelines.Concat(added)));
    }

    /// <summary>
    /// A copy with another definition (same name and value type), the same model, options and memory: for
    /// optimizers that rewrite instructions, and for judges registered with an earlier rubric.
    /// </summary>
    /// <exception cref="ArgumentException">The definition's name or value type differs.</exception>
    public static TJudge WithDefinition<TJudge>(this TJudge judge, JudgeDefinition definition)
        where TJudge : Judge
    {
        ArgumentNullException.ThrowIfNull(judge);
        ArgumentNullException.ThrowIfNull(definition);
        if (definition.Name != judge.Name || !definition.ValueType.Equals(judge.Definition.ValueType))
        {
            throw new ArgumentException(
                $"Judge '{judge.Name}' ({judge.Definition.ValueType}) cannot take the definition of '{definition.Name}' ({definition.ValueType}).", nameof(definition));
        }

        return (TJudge)judge.Copy(definition: definition);
    }

    /// <summary>
    /// A copy that compares traces with its memory's examples through <paramref name="embedder"/>, which must be
    /// the model that embedded them: for a judge built with a memory file that names a model other than the
    /// local embedder's (the judge embeds the file's examples with it at first use).
    /// </summary>
    /// <exception cref="ArgumentException">The embedder is not the model the memory names.</exception>
    public static TJudge WithEmbedder<TJudge>(this TJudge judge, IEmbeddingGenerator<string, Embedding<float>> embedder)
        where TJudge : Judge
    {
        ArgumentNullException.ThrowIfNull(judge);
        ArgumentNullException.ThrowIfNull(embedder);
        var model = judge.MemoryFile?.EmbeddingModelId ?? judge.Memory.EmbeddingModelId;
        var hasExamples = judge.MemoryFile is { } file ? file.Examples.Count > 0 : judge.Memory.Examples.Count > 0;
        if (hasExamples && embedder.GetService<EmbeddingGeneratorMetadata>()?.DefaultModelId is { } id && id != model)
        {
            throw new ArgumentException(
                $"Judge '{judge.Name}' remembers examples embedded by '{model}', but the embedder given is '{id}'; retrieval needs the same model.", nameof(embedder));
        }

        return (TJudge)judge.Copy(embedder: embedder);
    }

    /// <summary>
    /// A copy that remembers <paramref name="memory"/> (loaded from a registry or a memory file, say) and
    /// retrieves its examples with <paramref name="embedder"/>, which must be the model that embedded them.
    /// </summary>
    /// <exception cref="ArgumentException">The embedder is not the one the memory was made with.</exception>
    public static TJudge WithMemory<TJudge>(this TJudge judge, JudgeMemory memory, IEmbeddingGenerator<string, Embedding<float>> embedder)
        where TJudge : Judge
    {
        ArgumentNullException.ThrowIfNull(judge);
        ArgumentNullException.ThrowIfNull(memory);
        ArgumentNullException.ThrowIfNull(embedder);
        if (memory.Examples.Count > 0 && embedder.GetService<EmbeddingGeneratorMetadata>()?.DefaultModelId is { } id && id != memory.EmbeddingModelId)
        {
            throw new ArgumentException(
                $"Judge '{judge.Name}' remembers examples embedded by '{memory.EmbeddingModelId}', but the embedder given is '{id}'; retrieval needs the same model.", nameof(embedder));
        }

        return (TJudge)judge.Copy(memory: memory, embedder: embedder);
    }
}
