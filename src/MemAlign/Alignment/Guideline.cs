namespace MemAlign;

/// <summary>
/// One rule of a judge's semantic memory: a guideline distilled from expert rationales (with the traces
/// it came from) or written by a user (no sources; it survives every unalign).
/// </summary>
public sealed record Guideline
{
    /// <summary>Creates a guideline.</summary>
    /// <exception cref="ArgumentException">The text is blank.</exception>
    public Guideline(string text, IEnumerable<string>? sourceTraceIds = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        Text = text.Trim();
        SourceTraceIds = (sourceTraceIds ?? []).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
    }

    /// <summary>The guideline.</summary>
    public string Text { get; }

    /// <summary>The traces whose feedback it was distilled from, sorted; empty for a user-written guideline.</summary>
    public IReadOnlyList<string> SourceTraceIds { get; }

    /// <summary>Whether a user wrote it (it has no source traces).</summary>
    public bool IsUserWritten => SourceTraceIds.Count == 0;

    /// <inheritdoc />
    public bool Equals(Guideline? other) =>
        other is not null && Text == other.Text && SourceTraceIds.SequenceEqual(other.SourceTraceIds, StringComparer.Ordinal);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Text, SourceTraceIds.Count);

    internal Guideline WithSources(IEnumerable<string> sourceTraceIds) => new(Text, sourceTraceIds);
}
