using System.Text.Json;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.AI.Evaluation;

namespace MemAlign.Evaluators;

/// <summary>
/// Trace fields for a <see cref="JudgeEvaluator"/> beyond what the conversation and the response give: the
/// expectations a rubric's <c>{{ expectations }}</c> reads, inputs or outputs in place of those taken from the
/// messages and the response, and the trace's id. Pass it in <c>additionalContext</c>; when several are passed,
/// a later one's fields win over an earlier one's.
/// </summary>
public sealed class JudgeTraceContext : EvaluationContext
{
    /// <summary>The context's name, as the evaluation package records it.</summary>
    public const string ContextName = "MemAlign trace fields";

    /// <summary>Creates the context. Strings stay strings; other values are serialized to JSON with <see cref="JsonSerializer"/>, as <see cref="Trace.Create"/> does.</summary>
    /// <param name="expectations">The expected answer or facts (<c>{{ expectations }}</c>).</param>
    /// <param name="inputs">The inputs, in place of those taken from the messages.</param>
    /// <param name="outputs">The outputs, in place of the response's text.</param>
    /// <param name="traceId">The trace's id, in place of a new one: an aligned judge never recalls the examples of its own trace id.</param>
    /// <exception cref="ArgumentException">The trace id is given but blank.</exception>
    public JudgeTraceContext(object? expectations = null, object? inputs = null, object? outputs = null, string? traceId = null)
        : base(ContextName, Describe(ToJson(expectations), ToJson(inputs), ToJson(outputs), traceId))
    {
        if (traceId is not null)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(traceId);
        }

        Expectations = ToJson(expectations);
        Inputs = ToJson(inputs);
        Outputs = ToJson(outputs);
        TraceId = traceId;
    }

    /// <summary>The expectations, if given.</summary>
    public JsonElement? Expectations { get; }

    /// <summary>The inputs that replace those taken from the messages, if given.</summary>
    public JsonElement? Inputs { get; }

    /// <summary>The outputs that replace the response's text, if given.</summary>
    public JsonElement? Outputs { get; }

    /// <summary>The trace's id, if given.</summary>
    public string? TraceId { get; }

    private static JsonElement? ToJson(object? value) => value switch
    {
        null => null,
        JsonElement element => element,
        _ => JsonSerializer.SerializeToElement(value),
    };

    // What the evaluation package shows of a context (reports render its contents): one line per field given.
    private static List<AIContent> Describe(JsonElement? expectations, JsonElement? inputs, JsonElement? outputs, string? traceId)
    {
        var contents = new List<AIContent>();
        void Add(string field, JsonElement? value)
        {
            if (value is { } json)
            {
                contents.Add(new TextContent($"{field}: {(json.ValueKind == JsonValueKind.String ? json.GetString() : json.GetRawText())}"));
            }
        }

        Add(TraceField.Expectations, expectations);
        Add(TraceField.Inputs, inputs);
        Add(TraceField.Outputs, outputs);
        if (traceId is not null)
        {
            contents.Add(new TextContent($"trace id: {traceId}"));
        }

        return contents;
    }
}
