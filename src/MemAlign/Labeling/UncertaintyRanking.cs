using MemAlign.Evaluation;
using System.Numerics.Tensors;
using Microsoft.Extensions.AI;

namespace MemAlign.Labeling;

/// <summary>How unsure the judge's memory is about one trace.</summary>
/// <param name="TraceId">The trace.</param>
/// <param name="Confidence">The memory vote's confidence (the local judge over the judge's episodic memory), or <see langword="null"/> when it could not vote.</param>
/// <param name="MemoryVerdict">What the memory voted.</param>
/// <param name="JudgeVerdict">What the judge itself said last (an evaluation run's result), if known.</param>
/// <param name="Density">
/// How typical the trace is of the traces ranked with it: its mean cosine similarity to them (0 to 1). Weighs the
/// uncertainty, so that outliers, which the memory is always unsure of, do not crowd out the traces a label teaches most about.
/// </param>
public sealed record TraceUncertainty(string TraceId, double? Confidence, FeedbackValue? MemoryVerdict, FeedbackValue? JudgeVerdict, double Density = 1)
{
    /// <summary>How much a label here is expected to teach: the memory's doubt (1 - confidence) times <see cref="Density"/>; 0 when the memory could not vote.</summary>
    public double Priority => Confidence is { } confidence ? (1 - confidence) * Density : 0;

    /// <summary>Whether the judge and its memory disagree on the trace.</summary>
    public bool JudgeAndMemoryDisagree => MemoryVerdict is not null && JudgeVerdict is not null && !MemoryVerdict.Equals(JudgeVerdict);
}

/// <summary>
/// Orders traces for labeling where a label teaches most: first those where the judge and its episodic memory
/// disagree, then by the memory vote's doubt weighted by how typical the trace is (information density: doubt
/// alone favours outliers, which teach little about the rest); the vote is the local judge over the judge's memory,
/// so no model is called. Traces the memory cannot vote on (no memory yet) come last, in their given order.
/// </summary>
public static class UncertaintyRanking
{
    /// <summary>Scores <paramref name="traces"/> with the memory vote.</summary>
    /// <param name="definition">The judge.</param>
    /// <param name="memory">Its memory.</param>
    /// <param name="embedder">The embedder the memory was made with.</param>
    /// <param name="traces">The traces to rank.</param>
    /// <param name="judgeVerdicts">The judge's own last verdicts by trace id, if any (from an evaluation run).</param>
    /// <param name="cancellationToken">Cancels the scoring.</param>
    public static async Task<IReadOnlyList<TraceUncertainty>> ScoreAsync(JudgeDefinition definition, JudgeMemory memory, IEmbeddingGenerator<string, Embedding<float>> embedder,
        IReadOnlyList<Trace> traces, IReadOnlyDictionary<string, FeedbackValue>? judgeVerdicts = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(memory);
        ArgumentNullException.ThrowIfNull(embedder);
        ArgumentNullException.ThrowIfNull(traces);
        var votes = new Dictionary<string, EvaluationRecord>(StringComparer.Ordinal);
        if (memory.Examples.Count > 0)
        {
            var local = Judge.CreateLocal(definition).WithMemory(memory, embedder);
            var result = await Evaluator.RunAsync([local], traces, new EvaluationOptions(), cancellationToken: cancellationToken).ConfigureAwait(false);
            foreach (var record in result.Records)
            {
                votes[record.TraceId] = record;
            }
        }

        var density = await DensityAsync(definition, memory, embedder, traces, cancellationToken).ConfigureAwait(false);
        return traces.Select((t, i) => new TraceUncertainty(t.Id,
            votes.GetValueOrDefault(t.Id) is { IsOk: true } vote ? vote.Confidence ?? 0.5 : null,
            votes.GetValueOrDefault(t.Id) is { IsOk: true } voted ? voted.Value : null,
            judgeVerdicts?.GetValueOrDefault(t.Id),
            density[i])).ToList();
    }

    /// <summary>The traces' ids, most uncertain first (stable: equal ones keep their given order).</summary>
    public static IReadOnlyList<string> Order(IReadOnlyList<TraceUncertainty> scores)
    {
        ArgumentNullException.ThrowIfNull(scores);
        return scores
            .Select((s, index) => (s, index))
            .OrderByDescending(x => x.s.JudgeAndMemoryDisagree)
            .ThenBy(x => x.s.Confidence is null)
            .ThenByDescending(x => x.s.Priority)
            .ThenBy(x => x.index)
            .Select(x => x.s.TraceId)
            .ToList();
    }

    // Each trace's mean cosine similarity to the others (clamped at 0), by the memory's embedder; 1 each when there are too few to compare.
    private static async Task<double[]> DensityAsync(JudgeDefinition definition, JudgeMemory memory, IEmbeddingGenerator<string, Embedding<float>> embedder,
        IReadOnlyList<Trace> traces, CancellationToken cancellationToken)
    {
        var density = Enumerable.Repeat(1.0, traces.Count).ToArray();
        if (traces.Count < 3 || memory.Examples.Count == 0)
        {
            return density;
        }

        var options = new EmbeddingGenerationOptions { Dimensions = memory.EmbeddingDimensions };
        var vectors = new List<float[]>(traces.Count);
        foreach (var chunk in traces.Chunk(256))
        {
            var embeddings = await embedder.GenerateAsync(chunk.Select(t => Judge.RetrievalText(definition, t, EmbeddingTokenLimit.For(embedder))), options, cancellationToken).ConfigureAwait(false);
            vectors.AddRange(embeddings.Select(e => e.Vector.ToArray()));
        }

        for (var i = 0; i < vectors.Count; i++)
        {
            var sum = 0.0;
            for (var j = 0; j < vectors.Count; j++)
            {
                if (i != j)
                {
                    sum += Math.Max(0f, TensorPrimitives.CosineSimilarity(vectors[i], vectors[j]));
                }
            }

            density[i] = sum / (vectors.Count - 1);
        }

        return density;
    }
}
