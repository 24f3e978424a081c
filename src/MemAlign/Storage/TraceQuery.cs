namespace MemAlign.Storage;

/// <summary>Which traces to find. Every criterion given must hold; none given finds every trace of the experiment.</summary>
public sealed record TraceQuery
{
    /// <summary>Traces with this tag (key and value); with <see cref="Tags"/>, every one of them must hold.</summary>
    public KeyValuePair<string, string>? Tag { get; init; }

    /// <summary>Traces with every one of these tags (key and value), in any order; two values for one key match no trace.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Tags { get; init; } = [];

    /// <summary>Traces created at or after this time.</summary>
    public DateTimeOffset? From { get; init; }

    /// <summary>Traces created before this time.</summary>
    public DateTimeOffset? To { get; init; }

    /// <summary>Traces with a HUMAN assessment of this name (trimmed, case-insensitive).</summary>
    public string? HasHumanFeedback { get; init; }

    /// <summary>Traces with an LLM_JUDGE assessment of this name (trimmed, case-insensitive).</summary>
    public string? HasJudgeAssessment { get; init; }

    /// <summary>At most this many traces, in order of creation then id.</summary>
    public int? Limit { get; init; }

    /// <summary>Every trace.</summary>
    public static TraceQuery All { get; } = new();
}
