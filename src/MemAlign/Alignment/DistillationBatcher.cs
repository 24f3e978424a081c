using System.Text.Json;
using MemAlign.Prompting;

namespace MemAlign.Alignment;

/// <summary>
/// Packs records greedily, in order, into batches of at most a number of records and within the
/// reflection model's input token budget (the fixed part of the prompt counted once per batch).
/// </summary>
internal static class DistillationBatcher
{
    public static List<List<DistillationRecord>> Pack(IReadOnlyList<DistillationRecord> records, int fixedTokens, int maxRecords, int maxTokens)
    {
        var batches = new List<List<DistillationRecord>>();
        var current = new List<DistillationRecord>();
        var used = fixedTokens;
        foreach (var record in records)
        {
            var tokens = TokenCounter.Count(Serialize(record));
            if (current.Count > 0 && (current.Count >= maxRecords || used + tokens > maxTokens))
            {
                batches.Add(current);
                current = [];
                used = fixedTokens;
            }

            current.Add(record); // a record larger than the budget goes alone rather than nowhere
            used += tokens;
        }

        if (current.Count > 0)
        {
            batches.Add(current);
        }

        return batches;
    }

    /// <summary>A record as the reflection prompt shows it: one JSON object per line.</summary>
    public static string Serialize(DistillationRecord record)
    {
        var fields = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["id"] = record.TraceId,
            ["result"] = record.Value,
            ["rationale"] = record.Rationale,
        };
        foreach (var (name, text) in record.Fields)
        {
            fields[name] = text;
        }

        return JsonSerializer.Serialize(fields, PromptJson.Compact);
    }
}
