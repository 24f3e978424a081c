using System.Collections;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace MemAlign.Import;

/// <summary>
/// Turns the GenAI chat spans an instrumented app records (OpenTelemetry's GenAI semantic conventions, as
/// Microsoft.Extensions.AI's <c>UseOpenTelemetry</c> and other languages' GenAI instrumentations write them with
/// message content on) into traces: the one place that knows the GenAI attributes, shared by the
/// MemAlign.OpenTelemetry exporter and the OTLP JSON import.
/// </summary>
/// <remarks>
/// <para>A trace's id is the span's trace id and span id (<c>{trace_id}-{span_id}</c>, lower-case hex): one trace per
/// model call, the same id whenever the same span is read again. Inputs: the request's messages
/// (<c>gen_ai.input.messages</c>, after the system instructions of <c>gen_ai.system_instructions</c> as a system
/// message), each as <c>{"role", "content"}</c> with its text, and its other parts (tool calls, tool results, files)
/// as <c>"parts"</c>. Outputs: the response's text (<c>gen_ai.output.messages</c>); a response with other parts
/// (tool calls) keeps its messages in the same form. Time: the span's start.</para>
/// <para>Tags: <c>service</c>, <c>model</c>, <c>provider</c> and <c>operation</c>, with those of
/// <see cref="GenAiTraceOptions"/>. Metadata: the span's other <c>gen_ai.*</c> attributes as text (token usage
/// <c>gen_ai.usage.input_tokens</c> and <c>gen_ai.usage.output_tokens</c>, <c>gen_ai.response.id</c>, the request
/// settings) and <c>otel.trace_id</c>, <c>otel.span_id</c>, <c>otel.parent_span_id</c>, <c>otel.span_name</c>,
/// <c>otel.duration_ms</c>.</para>
/// </remarks>
public static class GenAiSpans
{
    /// <summary>The attribute naming a GenAI span's operation.</summary>
    public const string OperationName = "gen_ai.operation.name";

    /// <summary>The request's messages, as JSON text (recorded only when the app records message content).</summary>
    public const string InputMessages = "gen_ai.input.messages";

    /// <summary>The response's messages, as JSON text (recorded only when the app records message content).</summary>
    public const string OutputMessages = "gen_ai.output.messages";

    /// <summary>The system instructions given apart from the messages, as JSON text.</summary>
    public const string SystemInstructions = "gen_ai.system_instructions";

    // Content attributes: they become the trace's inputs and outputs, not metadata.
    private static readonly HashSet<string> Content = [InputMessages, OutputMessages, SystemInstructions, "gen_ai.tool.definitions"];

    /// <summary>The trace a span records, or why it records none.</summary>
    /// <param name="span">The span.</param>
    /// <param name="options">Which operations count, and the tags to add (default <see cref="GenAiTraceOptions.Default"/>).</param>
    public static GenAiSpanResult ToTrace(GenAiSpan span, GenAiTraceOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(span);
        ArgumentNullException.ThrowIfNull(span.Attributes);
        options ??= GenAiTraceOptions.Default;
        var operation = Text(span.Attributes, OperationName);
        if (operation is null || !options.Operations.Contains(operation, StringComparer.Ordinal))
        {
            return Skip(GenAiSpanOutcome.NotChat, $"{Describe(span)} is not a GenAI {string.Join(" or ", options.Operations)} span ({OperationName} is {(operation is null ? "absent" : $"'{operation}'")})");
        }

        if (!IsHex(span.TraceId, 32) || !IsHex(span.SpanId, 16))
        {
            return Skip(GenAiSpanOutcome.Unreadable, $"{Describe(span)} has no valid trace id (32 hex digits) and span id (16 hex digits)");
        }

        if (!span.Attributes.ContainsKey(InputMessages))
        {
            return Skip(GenAiSpanOutcome.WithoutContent,
                $"{Describe(span)} was recorded without its messages (no {InputMessages} attribute), so there is nothing to judge; record message content in the app: "
                + "EnableSensitiveData = true in Microsoft.Extensions.AI's UseOpenTelemetry(...), or OTEL_INSTRUMENTATION_GENAI_CAPTURE_MESSAGE_CONTENT=true for OpenTelemetry's GenAI instrumentations",
                Id(span));
        }

        if (!span.Attributes.ContainsKey(OutputMessages))
        {
            var error = Text(span.Attributes, "error.type");
            return Skip(GenAiSpanOutcome.WithoutResponse,
                $"{Describe(span)} has its request but no response (no {OutputMessages} attribute{(error is null ? "" : $"; error.type is '{error}'")}): the call failed or was cancelled",
                Id(span));
        }

        try
        {
            var inputs = new JsonArray();
            if (span.Attributes.ContainsKey(SystemInstructions) && Texts(ParseArray(span.Attributes, SystemInstructions), SystemInstructions) is { Length: > 0 } instructions)
            {
                inputs.Add(new JsonObject { ["role"] = "system", ["content"] = instructions });
            }

            foreach (var message in Messages(ParseArray(span.Attributes, InputMessages), InputMessages))
            {
                inputs.Add(message);
            }

            var trace = new Trace(Id(span))
            {
                Inputs = Element(inputs),
                Outputs = Outputs(ParseArray(span.Attributes, OutputMessages)),
                Tags = Tags(span, operation, options),
                Metadata = Metadata(span),
                CreatedAt = span.StartTime,
            };
            return Storage.StorableText.Problem(trace) is { } problem
                ? Skip(GenAiSpanOutcome.Unreadable, $"{Describe(span)}: {problem}", trace.Id)
                : new GenAiSpanResult(GenAiSpanOutcome.Trace, trace, null);
        }
        catch (FormatException e)
        {
            return Skip(GenAiSpanOutcome.Unreadable, $"{Describe(span)}: {e.Message}", Id(span));
        }
    }

    /// <summary>The trace id a span becomes: <c>{trace_id}-{span_id}</c> in lower-case hex.</summary>
    public static string Id(GenAiSpan span)
    {
        ArgumentNullException.ThrowIfNull(span);
        return $"{span.TraceId.ToLowerInvariant()}-{span.SpanId.ToLowerInvariant()}";
    }

    private static GenAiSpanResult Skip(GenAiSpanOutcome outcome, string reason, string? traceId = null) =>
        new(outcome, null, reason) { TraceId = traceId };

    private static string Describe(GenAiSpan span) =>
        $"span '{span.Name ?? "(no name)"}' (trace {span.TraceId}, span {span.SpanId})";

    private static bool IsHex(string? id, int length) =>
        id is not null && id.Length == length && id.All(char.IsAsciiHexDigit) && id.Any(c => c != '0');

    private static JsonArray ParseArray(IReadOnlyDictionary<string, object?> attributes, string key)
    {
        if (attributes[key] is not string text)
        {
            throw new FormatException($"{key} is not JSON text");
        }

        try
        {
            return JsonNode.Parse(text) as JsonArray ?? throw new FormatException($"{key} is not a JSON array");
        }
        catch (JsonException e)
        {
            throw new FormatException($"{key} is not valid JSON ({e.Message.Split(" Path:")[0].Split(" LineNumber:")[0].TrimEnd('.', ' ')})");
        }
    }

    // The semantic conventions' messages ({role, parts: [{type, content|...}]}) as {role, content, parts}: text as text,
    // other parts (tool calls, tool results, files) kept as recorded.
    private static List<JsonObject> Messages(JsonArray messages, string key)
    {
        var result = new List<JsonObject>();
        foreach (var node in messages)
        {
            if (node is not JsonObject message || message["role"]?.GetValueKind() != JsonValueKind.String)
            {
                throw new FormatException($"{key} holds an item that is not a message with a \"role\"");
            }

            var simple = new JsonObject { ["role"] = message["role"]!.GetValue<string>() };
            if (message["name"] is JsonValue name && name.GetValueKind() == JsonValueKind.String)
            {
                simple["name"] = name.GetValue<string>();
            }

            var (texts, others) = Split(message, key);
            if (texts.Count > 0)
            {
                simple["content"] = string.Join("\n", texts);
            }

            if (others.Count > 0)
            {
                simple["parts"] = others;
            }

            result.Add(simple);
        }

        return result;
    }

    private static (List<string> Texts, JsonArray Others) Split(JsonObject message, string key)
    {
        var texts = new List<string>();
        var others = new JsonArray();
        switch (message["parts"])
        {
            case JsonArray parts:
                foreach (var part in parts)
                {
                    if (part is JsonObject { } p && p["type"]?.GetValueKind() == JsonValueKind.String && p["type"]!.GetValue<string>() == "text"
                        && p["content"]?.GetValueKind() == JsonValueKind.String)
                    {
                        texts.Add(p["content"]!.GetValue<string>());
                    }
                    else
                    {
                        others.Add(part?.DeepClone());
                    }
                }

                break;
            case null when message["content"]?.GetValueKind() == JsonValueKind.String:
                // Instrumentations that write {role, content} with plain text.
                texts.Add(message["content"]!.GetValue<string>());
                break;
            case null:
                break;
            default:
                throw new FormatException($"{key} holds a message whose \"parts\" is not an array");
        }

        return (texts, others);
    }

    // System instructions are a list of parts; their text joined.
    private static string Texts(JsonArray parts, string key) =>
        string.Join("\n", parts.Select(p => p is JsonObject o && o["content"]?.GetValueKind() == JsonValueKind.String
            ? o["content"]!.GetValue<string>()
            : p?.GetValueKind() == JsonValueKind.String ? p.GetValue<string>() : throw new FormatException($"{key} holds a part without text content")));

    // The response's text; a response with other parts (tool calls) as its messages.
    private static JsonElement Outputs(JsonArray messages)
    {
        var simple = Messages(messages, OutputMessages);
        return simple.All(m => m["parts"] is null) && simple.Any(m => m["content"] is not null)
            ? JsonSerializer.SerializeToElement(string.Join("\n", simple.Where(m => m["content"] is not null).Select(m => m["content"]!.GetValue<string>())))
            : Element(new JsonArray([.. simple]));
    }

    private static JsonElement Element(JsonNode node)
    {
        using var document = JsonDocument.Parse(node.ToJsonString());
        return document.RootElement.Clone();
    }

    private static Dictionary<string, string> Tags(GenAiSpan span, string operation, GenAiTraceOptions options)
    {
        var tags = new Dictionary<string, string>(StringComparer.Ordinal) { ["operation"] = operation };
        if (Text(span.ResourceAttributes, "service.name") is { Length: > 0 } service)
        {
            tags["service"] = service;
        }

        if ((Text(span.Attributes, "gen_ai.response.model") ?? Text(span.Attributes, "gen_ai.request.model")) is { Length: > 0 } model)
        {
            tags["model"] = model;
        }

        // gen_ai.system is the older name of gen_ai.provider.name, still written by some instrumentations.
        if ((Text(span.Attributes, "gen_ai.provider.name") ?? Text(span.Attributes, "gen_ai.system")) is { Length: > 0 } provider)
        {
            tags["provider"] = provider;
        }

        foreach (var (attribute, tag) in options.TagAttributes)
        {
            if ((Text(span.Attributes, attribute) ?? Text(span.ResourceAttributes, attribute)) is { } value)
            {
                tags[tag] = value;
            }
        }

        foreach (var (key, value) in options.Tags)
        {
            tags[key] = value;
        }

        return tags;
    }

    private static Dictionary<string, string> Metadata(GenAiSpan span)
    {
        var metadata = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["otel.trace_id"] = span.TraceId.ToLowerInvariant(),
            ["otel.span_id"] = span.SpanId.ToLowerInvariant(),
        };
        if (span.ParentSpanId is { Length: > 0 } parent)
        {
            metadata["otel.parent_span_id"] = parent.ToLowerInvariant();
        }

        if (span.Name is { Length: > 0 } name)
        {
            metadata["otel.span_name"] = name;
        }

        if (span.Duration is { } duration)
        {
            metadata["otel.duration_ms"] = duration.TotalMilliseconds.ToString("0.###", CultureInfo.InvariantCulture);
        }

        foreach (var (key, value) in span.Attributes)
        {
            if (key.StartsWith("gen_ai.", StringComparison.Ordinal) && !Content.Contains(key) && Text(value) is { } text)
            {
                metadata[key] = text;
            }
        }

        return metadata;
    }

    private static string? Text(IReadOnlyDictionary<string, object?> attributes, string key) =>
        attributes.TryGetValue(key, out var value) ? Text(value) : null;

    // Attribute values as text: numbers in invariant form, lists as JSON arrays.
    private static string? Text(object? value) => value switch
    {
        null => null,
        string s => s,
        bool b => b ? "true" : "false",
        float f => f.ToString("R", CultureInfo.InvariantCulture),
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        IFormattable number when value.GetType().IsPrimitive || value is decimal => number.ToString(null, CultureInfo.InvariantCulture),
        IEnumerable<KeyValuePair<string, object?>> map => JsonSerializer.Serialize(map.ToDictionary(p => p.Key, p => Text(p.Value), StringComparer.Ordinal)),
        IEnumerable list => JsonSerializer.Serialize(list.Cast<object?>().Select(Text).ToList()),
        _ => value.ToString(),
    };
}
