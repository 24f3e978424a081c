using System.Numerics.Tensors;
using Microsoft.Extensions.AI;

namespace MemAlign.Alignment;

/// <summary>
/// Adds newly distilled guidelines to a judge's guidelines, merging each one that repeats a kept
/// guideline into it: the same text once normalised (<see cref="GuidelineText"/>), embedding cosine at or
/// above the threshold, or word overlap (Jaccard) at or above the overlap threshold. The kept text stays
/// and the sources are joined; the closest match wins, a normalised-equal text before any other. Order:
/// existing guidelines first, then new ones in batch order.
/// </summary>
internal static class GuidelineMerger
{
    public static async Task<(List<Guideline> Guidelines, int Added, int Merged, int EmbeddingCalls)> MergeAsync(
        IReadOnlyList<Guideline> existing,
        IReadOnlyList<Guideline> distilled,
        IEmbeddingGenerator<string, Embedding<float>> embedder,
        double threshold,
        double overlapThreshold,
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
        var keptTexts = existing.Select(g => GuidelineText.Normalize(g.Text)).ToList();
        var keptWords = keptTexts.Select(GuidelineText.Words).ToList();
        int added = 0, merged = 0;
        for (var i = 0; i < distilled.Count; i++)
        {
            var candidate = distilled[i];
            var vector = vectors[existing.Count + i];
            var text = GuidelineText.Normalize(candidate.Text);
            var words = GuidelineText.Words(text);
            var match = -1;
            var best = double.NegativeInfinity;
            for (var j = 0; j < kept.Count; j++)
            {
                var similarity = Similarity(keptTexts[j], keptWords[j], keptVectors[j], text, words, vector, threshold, overlapThreshold);
                if (similarity > best)
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
                keptTexts.Add(text);
                keptWords.Add(words);
                added++;
            }
        }

        return (kept, added, merged, 1);
    }

    // How close two guidelines are when they count as one (2 for normalised-equal texts), or -infinity when they do not.
    private static double Similarity(
        string keptText, HashSet<string> keptWords, float[] keptVector, string text, HashSet<string> words, float[] vector, double threshold, double overlapThreshold)
    {
        if (keptText == text)
        {
            return 2;
        }

        var cosine = TensorPrimitives.CosineSimilarity(keptVector, vector);
        var overlap = GuidelineText.Overlap(keptWords, words);
        var score = Math.Max(cosine >= threshold ? cosine : double.NegativeInfinity, overlap >= overlapThreshold ? overlap : double.NegativeInfinity);
        return score;
    }
}
