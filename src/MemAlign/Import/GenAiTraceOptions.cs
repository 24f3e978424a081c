using System.Collections.ObjectModel;

namespace MemAlign.Import;

/// <summary>How <see cref="GenAiSpans"/> turns GenAI spans into traces.</summary>
public sealed record GenAiTraceOptions
{
    /// <summary>The default options: chat spans, the standard tags, no more.</summary>
    public static GenAiTraceOptions Default { get; } = new();

    /// <summary>
    /// The values of <c>gen_ai.operation.name</c> that make a span a trace (default: <c>chat</c>, the operation of a chat
    /// completion). Spans of other operations (embeddings, tool execution, agent invocation) are not traces.
    /// </summary>
    public IReadOnlyCollection<string> Operations { get; init; } = ["chat"];

    /// <summary>
    /// More tags from attributes: attribute key (of the span, else of its resource) to tag key, such as
    /// <c>{"deployment.environment.name": "env"}</c>. Every trace also gets the standard tags <c>service</c>
    /// (<c>service.name</c>), <c>model</c> (the response's model, else the request's), <c>provider</c> and <c>operation</c>.
    /// </summary>
    public IReadOnlyDictionary<string, string> TagAttributes { get; init; } = ReadOnlyDictionary<string, string>.Empty;

    /// <summary>Tags every trace gets, such as <c>{"source": "production"}</c>; they win over tags of the same key read from attributes.</summary>
    public IReadOnlyDictionary<string, string> Tags { get; init; } = ReadOnlyDictionary<string, string>.Empty;
}
