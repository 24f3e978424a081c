namespace MemAlign.Alignment;

/// <summary>
/// How feedback differs from what a judge remembers, by trace: new traces and traces whose feedback
/// changed need examples (<see cref="Fresh"/>); unchanged ones cost nothing; a changed trace's old
/// examples go, and so does its support for guidelines. A remembered trace that yields no feedback any
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
        var remembered = memory.Examples.GroupBy(e => e.TraceId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var recorded = records.Select(r => r.TraceId).ToHashSet(StringComparer.Ordinal);
        var retracted = skipped.Where(s => remembered.ContainsKey(s.TraceId) && !recorded.Contains(s.TraceId)).ToList();

        var examples = memory.Examples.ToList();
        var guidelines = memory.Guidelines.ToList();
        var fresh = new List<FeedbackRecord>();
        int added = 0, replaced = 0, removed = 0, unchanged = 0, dropped = 0;
        foreach (var record in records)
        {
            if (!remembered.TryGetValue(record.TraceId, out var old))
            {
                fresh.Add(record);
                added += record.Assessments.Count;
                continue;
            }

            if (old.All(e => e.Fingerprint == record.Fingerprint))
            {
                unchanged += old.Count;
                continue;
            }

            examples.RemoveAll(e => e.TraceId == record.TraceId);
            replaced += Math.Min(old.Count, record.Assessments.Count);
            added += Math.Max(0, record.Assessments.Count - old.Count);
            removed += Math.Max(0, old.Count - record.Assessments.Count);
            dropped += PruneSources(guidelines, new HashSet<string>(StringComparer.Ordinal) { record.TraceId });
            fresh.Add(record);
        }

        return new MemoryDiff(examples, guidelines, fresh, retracted, added, replaced, removed, unchanged, dropped);
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
