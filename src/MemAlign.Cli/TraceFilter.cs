using System.Globalization;
using MemAlign.Storage;

namespace MemAlign.Cli;

/// <summary>
/// The --filter / --traces language: space- or comma-separated terms, all of which must hold:
/// <c>tag.KEY=VALUE</c>, <c>feedback=NAME</c> (has human feedback), <c>judged=NAME</c> (has an LLM_JUDGE
/// assessment), <c>from=ISO-DATE</c>, <c>to=ISO-DATE</c>, <c>limit=N</c>.
/// </summary>
internal static class TraceFilter
{
    public static TraceQuery Parse(string? filter)
    {
        var query = TraceQuery.All;
        foreach (var term in (filter ?? "").Split([' ', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var equals = term.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                throw new UsageException($"Filter term '{term}' is not KEY=VALUE; use tag.KEY=VALUE, feedback=NAME, judged=NAME, from=DATE, to=DATE or limit=N.");
            }

            var (key, value) = (term[..equals], term[(equals + 1)..]);
            query = key switch
            {
                _ when key.StartsWith("tag.", StringComparison.Ordinal) && key.Length > 4 => query with { Tags = [.. query.Tags, new(key[4..], value)] },
                "feedback" => query with { HasHumanFeedback = value },
                "judged" => query with { HasJudgeAssessment = value },
                "from" => query with { From = Date(value, term) },
                "to" => query with { To = Date(value, term) },
                "limit" when int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var limit) && limit > 0 => query with { Limit = limit },
                _ => throw new UsageException($"Filter term '{term}' is not understood; use tag.KEY=VALUE, feedback=NAME, judged=NAME, from=DATE, to=DATE or limit=N."),
            };
        }

        if (query is { From: { } from, To: { } to } && from >= to)
        {
            throw new UsageException($"Filter terms from={from:u} and to={to:u} make an empty window (from= must come before to=, which is exclusive); no trace can match it.");
        }

        return query;
    }

    private static DateTimeOffset Date(string value, string term) =>
        DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date)
            ? date
            : throw new UsageException($"Filter term '{term}' has no valid date; write it as 2026-01-31 or 2026-01-31T12:00:00Z.");
}
