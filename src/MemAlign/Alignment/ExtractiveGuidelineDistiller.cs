using System.Numerics.Tensors;

namespace MemAlign.Alignment;

/// <summary>
/// Distils guidelines without a model: for each record, the sentence of its rationale most central to
/// the rationales given for the same verdict becomes a guideline citing that record; equal sentences
/// are merged with their sources. Deterministic and offline; a reflection model writes better ones.
/// </summary>
internal sealed class ExtractiveGuidelineDistiller : IGuidelineDistiller
{
    public const string ModelName = "memalign-local-extractive-v1";

    private static readonly LocalEmbeddingGenerator Sentences = new(256);

    public string Id => ModelName;

    public Task<DistillationOutcome> DistillAsync(DistillationBatch batch, CancellationToken cancellationToken)
    {
        var existing = batch.ExistingGuidelines.ToHashSet(StringComparer.OrdinalIgnoreCase);
        var guidelines = new List<Guideline>();
        foreach (var group in batch.Records.Where(r => !string.IsNullOrWhiteSpace(r.Rationale)).GroupBy(r => r.Value))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var sentences = group.SelectMany(r => Split(r.Rationale).Select(s => (r.TraceId, Text: s, Vector: Sentences.Embed(s)))).ToList();
            foreach (var record in group)
            {
                var own = sentences.Where(s => s.TraceId == record.TraceId).ToList();
                if (own.Count == 0)
                {
                    continue;
                }

                var central = own
                    .Select(s => (s.Text, Score: sentences.Where(o => !ReferenceEquals(o.Vector, s.Vector)).Select(o => TensorPrimitives.CosineSimilarity(s.Vector, o.Vector)).DefaultIfEmpty(0f).Average()))
                    .OrderByDescending(s => s.Score)
                    .ThenBy(s => s.Text, StringComparer.Ordinal)
                    .First().Text;
                var text = $"Experts judged {group.Key} when: {central}";
                if (existing.Contains(text))
                {
                    continue;
                }

                var index = guidelines.FindIndex(g => string.Equals(g.Text, text, StringComparison.OrdinalIgnoreCase));
                guidelines.Add(new Guideline(text, [record.TraceId]));
                if (index >= 0)
                {
                    guidelines[index] = guidelines[index].WithSources(guidelines[index].SourceTraceIds.Append(record.TraceId));
                    guidelines.RemoveAt(guidelines.Count - 1);
                }
            }
        }

        return Task.FromResult(new DistillationOutcome(guidelines, null, default, 0));
    }

    private static IEnumerable<string> Split(string rationale)
    {
        var start = 0;
        for (var i = 0; i < rationale.Length; i++)
        {
            var endsSentence = rationale[i] is '.' or '!' or '?' && (i + 1 == rationale.Length || char.IsWhiteSpace(rationale[i + 1]));
            if (endsSentence || i + 1 == rationale.Length)
            {
                var sentence = rationale[start..(i + 1)].Trim();
                if (sentence.Count(char.IsLetter) >= 3)
                {
                    yield return sentence;
                }

                start = i + 1;
            }
        }
    }
}
