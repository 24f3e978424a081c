using System.Numerics.Tensors;
using Microsoft.Extensions.AI;

namespace MemAlign.Alignment;

/// <summary>
/// Adds newly distilled guidelines to a judge's guidelines, merging each one that repeats a kept
/// guideline (same text, or embedding cosine at or above the threshold) into it: the kept text stays
/// and the sources are joined. Order: existing guidelines first, then new ones in batch order.
/// </summary>
internal static class GuidelineMerger
{
    public static async Task<(List<Guideline> Guidelines, int Added, int Merged, int EmbeddingCalls)> MergeAsync(
        IReadOnlyList<Guideline> existing,
        IReadOnlyList<Guideline> distilled,
        IEmbeddingGenerator<string, Embedding<float>> embedder,
        double threshold,
        int maxEmbeddingTokens,
        CancellationToken cancellationToken)
    {
        var kept = existing.ToList();
        if (distilled.Count == 0)
        {
            return (kept, 0, 0, 0);
        }

        var texts = existing.Concat(distilled).Select(g => TokenCounter.Truncate(g.Text, maxEmbeddingTokens)).ToList();
        var embeddings = await embedder.GenerateAsync(texts, cancellationToken: cancellationToken).ConfigureAwait(false);
        var vectors = embeddings.Select(e => e.Vector.ToArray()).ToList();
        var keptVectors = vectors.Take(existing.Count).ToList();
        int added = 0, merged = 0;
        for (var i = 0; i < distilled.Count; i++)
        {
            var candidate = distilled[i];
            var vector = vectors[existing.Count + i];
            var match = -1;
            var best = double.NegativeInfinity;
            for (var j = 0; j < kept.Count; j++)
            {
                var similarity = string.Equals(kept[j].Text, candidate.Text, StringComparison.OrdinalIgnoreCase)
                    ? 1.0
                    : TensorPrimitives.CosineSimilarity(keptVectors[j], vector);
                if (similarity >= threshold && similarity > best)
                {
                    best = similarity;
                    match = j;
                }
            }

            if (match >= 0 && !kept[match].IsUserWritten)
            {
                kept[match] = kept[match].WithSources(kept[match].SourceTraceIds.Concat(candidate.SourceTraceIds));
                merged++;
            }
            else if (match >= 0)
            {
                merged++; // a user already wrote it; the user's guideline stays as written, without sources
            }
            else
            {
                kept.Add(candidate);
                keptVectors.Add(vector);
                added++;
            }
        }

        return (kept, added, merged, 1);
    }
}
