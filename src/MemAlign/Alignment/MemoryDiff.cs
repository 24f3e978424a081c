namespace MemAlign.Alignment;

/// <summary>
/// How feedback differs from what a judge remembers, by trace (one example each): new traces and traces
/// whose feedback changed need examples (<see cref="Fresh"/>); unchanged ones cost nothing; a changed
/// trace's old example goes, and so does its support for guidelines. A remembered trace that yields no feedback any
/// more is <see cref="Retracted"/>: align cannot drop it silently. Pure: no model or embedder involved.
/// </summary>
internal sealed record MemoryDiff(
    IReadOnlyList<EpisodicExample> KeptExamples,
    IReadOnlyList<Guideline> Guidelines,
    IReadOnlyList<FeedbackRecord> Fresh,
    IReadOnlyList<SkippedTrace> Retracted,
    int Added,
    int Replaced,
    int Removed,
    int Unchanged,
    int GuidelinesDropped)
{
    public static MemoryDiff Compute(JudgeMemory memory, IReadOnlyList<FeedbackRecord> records, IReadOnlyList<SkippedTrace> skipped)
    {
        // A memory holds one example per trace (JudgeMemory merges the one-per-label examples of older memories).
        var remembered = memory.Examples.Select((e, i) => (e, i)).ToDictionary(p => p.e.TraceId, p => p.i, StringComparer.Ordinal);
        var recorded = records.Select(r => r.TraceId).ToHashSet(StringComparer.Ordinal);
        var retracted = skipped.Where(s => remembered.ContainsKey(s.TraceId) && !recorded.Contains(s.TraceId)).ToList();

        var examples = memory.Examples.ToList();
        var guidelines = memory.Guidelines.ToList();
        var fresh = new List<FeedbackRecord>();
        var changed = new HashSet<string>(StringComparer.Ordinal);
        int added = 0, replaced = 0, unchanged = 0, dropped = 0;
        foreach (var record in records)
        {
            if (!remembered.TryGetValue(record.TraceId, out var position))
            {
                fresh.Add(record);
                added++;
                continue;
            }

            var old = examples[position];
            if (old.Fingerprint == record.Fingerprint)
            {
                // Unchanged feedback keeps its vector and distillation; rebuilt from the labels, so an example merged
                // from an older memory gets back who gave them.
                examples[position] = record.ToExample(old.Vector, old.IsDistilled);
                unchanged++;
                continue;
            }

            changed.Add(record.TraceId);
            replaced++;
            dropped += PruneSources(guidelines, new HashSet<string>(StringComparer.Ordinal) { record.TraceId });
            fresh.Add(record);
        }

        examples.RemoveAll(e => changed.Contains(e.TraceId));
        return new MemoryDiff(examples, guidelines, fresh, retracted, added, replaced, 0, unchanged, dropped);
    }

    /// <summary>Removes the given traces from every guideline's sources; drops distilled guidelines left with none. Returns how many were dropped.</summary>
    public static int PruneSources(List<Guideline> guidelines, IReadOnlySet<string> traceIds)
    {
        var dropped = 0;
        for (var i = guidelines.Count - 1; i >= 0; i--)
        {
            var guideline = guidelines[i];
            if (guideline.IsUserWritten || !guideline.SourceTraceIds.Any(traceIds.Contains))
            {
                continue;
            }

            var remaining = guideline.SourceTraceIds.Where(id => !traceIds.Contains(id)).ToList();
            if (remaining.Count == 0)
            {
                guidelines.RemoveAt(i);
                dropped++;
            }
            else
            {
                guidelines[i] = guideline.WithSources(remaining);
            }
        }

        return dropped;
    }
}
