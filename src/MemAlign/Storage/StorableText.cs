namespace MemAlign.Storage;

/// <summary>
/// Text every store can keep. PostgreSQL cannot store a NUL character (U+0000) in text, so no store takes
/// one: the same trace is refused the same way on every backend (and by the importer, as a line error),
/// before anything is written. Stores reach it through <see cref="Trace.EnsureStorable"/> and <see cref="Assessment.EnsureStorable"/>.
/// </summary>
internal static class StorableText
{
    /// <summary>Refuses a trace no store can keep.</summary>
    /// <exception cref="ArgumentException">The trace holds a NUL character; the message names the trace and where.</exception>
    public static void Check(Trace trace)
    {
        ArgumentNullException.ThrowIfNull(trace);
        if (Problem(trace) is { } problem)
        {
            throw new ArgumentException($"Trace '{trace.Id}' cannot be stored: {problem}.", nameof(trace));
        }
    }

    /// <summary>Refuses an assessment no store can keep.</summary>
    /// <exception cref="ArgumentException">The assessment holds a NUL character; the message names it and its trace.</exception>
    public static void Check(string traceId, Assessment assessment)
    {
        ArgumentNullException.ThrowIfNull(assessment);
        if (HasNul(assessment.Name) || HasNul(assessment.Rationale) || HasNul(assessment.Source.Id) || HasNul(assessment.Value.ToString()))
        {
            throw new ArgumentException($"The assessment '{assessment.Name}' of trace '{traceId}' cannot be stored: it holds a NUL character (U+0000).", nameof(assessment));
        }
    }

    /// <summary>Why the trace cannot be stored, or <see langword="null"/> when it can.</summary>
    public static string? Problem(Trace trace)
    {
        ArgumentNullException.ThrowIfNull(trace);
        if (trace.KnownStorable)
        {
            return null; // a trace is immutable: checked once (the importer, on reading), it need not be searched again (the store, on writing)
        }

        var problem = Search(trace);
        trace.KnownStorable = problem is null;
        return problem;
    }

    private static string? Search(Trace trace) =>
        HasNul(trace.Id) ? "its id holds a NUL character (U+0000)"
        : HasNul(trace.Inputs) || HasNul(trace.Outputs) || HasNul(trace.Expectations) ? "its inputs, outputs or expectations hold a NUL character (U+0000), which stores cannot keep"
        : trace.Tags.Any(t => HasNul(t.Key) || HasNul(t.Value)) || trace.Metadata.Any(t => HasNul(t.Key) || HasNul(t.Value)) ? "a tag or metadata value holds a NUL character (U+0000)"
        : trace.Assessments.Any(a => HasNul(a.Name) || HasNul(a.Rationale) || HasNul(a.Source.Id) || HasNul(a.Value.ToString())) ? "an assessment holds a NUL character (U+0000)"
        : null;

    private static bool HasNul(string? text) => text is not null && text.Contains('\0', StringComparison.Ordinal);

    // Every string and property name of a JSON value, decoded (the raw text spells NUL as an escape). JSON can only hold a NUL
    // escaped, so a value whose raw text has no "\u0000" has none: the common case costs one search, not a walk decoding every string.
    private static bool HasNul(System.Text.Json.JsonElement? element) => element is { } value
        && System.Runtime.InteropServices.JsonMarshal.GetRawUtf8Value(value).IndexOf("\\u0000"u8) >= 0 && HasDecodedNul(value);

    private static bool HasDecodedNul(System.Text.Json.JsonElement value) => value.ValueKind switch
    {
        System.Text.Json.JsonValueKind.String => HasNul(value.GetString()),
        System.Text.Json.JsonValueKind.Array => value.EnumerateArray().Any(item => HasNul(item)),
        System.Text.Json.JsonValueKind.Object => value.EnumerateObject().Any(p => HasNul(p.Name) || HasNul(p.Value)),
        _ => false,
    };
}
