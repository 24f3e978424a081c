using System.Collections.ObjectModel;

namespace MemAlign.Import;

/// <summary>
/// One recorded span as any OpenTelemetry source gives it (an <c>Activity</c> in .NET, a span of an OTLP export from
/// any language): its ids, times, name and attributes. <see cref="GenAiSpans"/> turns the GenAI chat spans among
/// them into traces.
/// </summary>
/// <param name="TraceId">The OpenTelemetry trace id (32 hex digits).</param>
/// <param name="SpanId">The span id (16 hex digits).</param>
/// <param name="StartTime">When the span started.</param>
/// <param name="Attributes">
/// The span's attributes: strings, booleans, integers, floating-point numbers or lists of them (other values are
/// read as text). The GenAI message attributes (<c>gen_ai.input.messages</c>, <c>gen_ai.output.messages</c>,
/// <c>gen_ai.system_instructions</c>) are JSON text, as the GenAI semantic conventions record them.
/// </param>
public sealed record GenAiSpan(string TraceId, string SpanId, DateTimeOffset StartTime, IReadOnlyDictionary<string, object?> Attributes)
{
    /// <summary>The span's name, such as <c>chat gpt-4.1-mini</c>, for messages.</summary>
    public string? Name { get; init; }

    /// <summary>The parent span's id, when the span has one.</summary>
    public string? ParentSpanId { get; init; }

    /// <summary>How long the span took, when known.</summary>
    public TimeSpan? Duration { get; init; }

    /// <summary>The attributes of the resource that recorded the span, such as <c>service.name</c>.</summary>
    public IReadOnlyDictionary<string, object?> ResourceAttributes { get; init; } = ReadOnlyDictionary<string, object?>.Empty;
}

/// <summary>What became of a span.</summary>
public enum GenAiSpanOutcome
{
    /// <summary>It became a trace.</summary>
    Trace,

    /// <summary>It is not a GenAI chat span (another operation, or not a GenAI span at all): nothing to import.</summary>
    NotChat,

    /// <summary>A chat span recorded without its messages (the app did not record message content).</summary>
    WithoutContent,

    /// <summary>A chat span with its request but no response (the call failed or was cancelled).</summary>
    WithoutResponse,

    /// <summary>A chat span whose ids or messages cannot be read.</summary>
    Unreadable,
}

/// <summary>What <see cref="GenAiSpans.ToTrace"/> made of a span.</summary>
/// <param name="Outcome">Whether it became a trace, and if not, why.</param>
/// <param name="Trace">The trace, when <paramref name="Outcome"/> is <see cref="GenAiSpanOutcome.Trace"/>.</param>
/// <param name="Reason">Why it did not become a trace, naming the span, when it did not.</param>
public sealed record GenAiSpanResult(GenAiSpanOutcome Outcome, Trace? Trace, string? Reason)
{
    /// <summary>The trace's id, when the span has readable ids (also when it did not become a trace, so a report can name it).</summary>
    public string? TraceId { get; init; } = Trace?.Id;
}
