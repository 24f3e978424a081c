using System.Text;
using MemAlign.Import;

namespace MemAlign.Tests;

/// <summary>The one span-to-trace mapping (issue 22): what becomes a trace, and why the rest does not.</summary>
public sealed class GenAiSpansTests
{
    private const string TraceId = "4bf92f3577b34da6a3ce929d0e0e4736";
    private const string SpanId = "00f067aa0ba902b7";

    private static GenAiSpan Span(params (string Key, object? Value)[] attributes) =>
        new(TraceId, SpanId, new DateTimeOffset(2026, 12, 5, 10, 0, 0, TimeSpan.Zero), attributes.ToDictionary(a => a.Key, a => a.Value)) { Name = "chat m" };

    [Fact]
    public void A_response_that_calls_a_tool_keeps_its_messages_with_the_call_and_the_request_keeps_the_tool_result()
    {
        var result = GenAiSpans.ToTrace(Span(("gen_ai.operation.name", "chat"),
            ("gen_ai.input.messages", """[{"role":"user","parts":[{"type":"text","content":"Weather in Paris?"}]},{"role":"tool","parts":[{"type":"tool_call_response","id":"c1","response":"18C"}]}]"""),
            ("gen_ai.output.messages", """[{"role":"assistant","parts":[{"type":"text","content":"Checking."},{"type":"tool_call","id":"c2","name":"forecast","arguments":{"city":"Paris"}}],"finish_reason":"tool_call"}]"""),
            ("gen_ai.usage.input_tokens", 31), ("gen_ai.request.temperature", 0.5f), ("gen_ai.response.finish_reasons", new[] { "tool_call" })));

        Assert.Equal(GenAiSpanOutcome.Trace, result.Outcome);
        var trace = result.Trace!;
        Assert.Equal($"{TraceId}-{SpanId}", trace.Id);
        Assert.Equal("""[{"role":"user","content":"Weather in Paris?"},{"role":"tool","parts":[{"type":"tool_call_response","id":"c1","response":"18C"}]}]""", trace.Inputs!.Value.GetRawText());
        Assert.Equal("""[{"role":"assistant","content":"Checking.","parts":[{"type":"tool_call","id":"c2","name":"forecast","arguments":{"city":"Paris"}}]}]""", trace.Outputs!.Value.GetRawText());
        Assert.Equal(("31", "0.5", "[\"tool_call\"]"), (trace.Metadata["gen_ai.usage.input_tokens"], trace.Metadata["gen_ai.request.temperature"], trace.Metadata["gen_ai.response.finish_reasons"]));
        Assert.False(trace.Metadata.ContainsKey("gen_ai.input.messages"));
    }

    [Theory]
    [InlineData("embeddings", GenAiSpanOutcome.NotChat, "is not a GenAI chat span (gen_ai.operation.name is 'embeddings')")]
    [InlineData(null, GenAiSpanOutcome.NotChat, "gen_ai.operation.name is absent")]
    public void Spans_of_other_operations_are_not_traces(string? operation, GenAiSpanOutcome outcome, string reason)
    {
        var result = GenAiSpans.ToTrace(operation is null ? Span() : Span(("gen_ai.operation.name", operation)));

        Assert.Equal((outcome, (Trace?)null), (result.Outcome, result.Trace));
        Assert.Contains(reason, result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_failed_call_and_messages_that_are_not_JSON_are_skipped_with_the_reason_and_the_trace_id()
    {
        var failed = GenAiSpans.ToTrace(Span(("gen_ai.operation.name", "chat"), ("gen_ai.input.messages", "[]"), ("error.type", "System.TimeoutException")));
        var broken = GenAiSpans.ToTrace(Span(("gen_ai.operation.name", "chat"), ("gen_ai.input.messages", "[{\"role\":"), ("gen_ai.output.messages", "[]")));

        Assert.Equal(GenAiSpanOutcome.WithoutResponse, failed.Outcome);
        Assert.Contains("error.type is 'System.TimeoutException'", failed.Reason, StringComparison.Ordinal);
        Assert.Equal(GenAiSpanOutcome.Unreadable, broken.Outcome);
        Assert.Equal($"{TraceId}-{SpanId}", broken.TraceId);
        Assert.Contains("gen_ai.input.messages is not valid JSON", broken.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void OTLP_JSON_values_of_every_kind_are_read_and_a_chat_span_without_hex_ids_is_a_line_error()
    {
        const string Messages = """[{\"role\":\"user\",\"parts\":[{\"type\":\"text\",\"content\":\"hi\"}]}]""";
        var line = $$$"""{"resourceSpans": [{"scopeSpans": [{"spans": [{"traceId": "{{{TraceId}}}", "spanId": "{{{SpanId}}}", "name": "chat m", "startTimeUnixNano": 1764928800000000000, "attributes": [{"key": "gen_ai.operation.name", "value": {"stringValue": "chat"}}, {"key": "gen_ai.input.messages", "value": {"stringValue": "{{{Messages}}}"}}, {"key": "gen_ai.output.messages", "value": {"stringValue": "[]"}}, {"key": "gen_ai.request.stop_sequences", "value": {"arrayValue": {"values": [{"stringValue": "END"}, {"intValue": "7"}]} } }, {"key": "gen_ai.request.seed", "value": {"intValue": "-3"}}, {"key": "gen_ai.request.top_p", "value": {"doubleValue": 0.9}}, {"key": "gen_ai.request.stream", "value": {"boolValue": true}}, {"key": "gen_ai.agent.x", "value": {"kvlistValue": {"values": [{"key": "k", "value": {"stringValue": "v"}}]} } }]}, {"traceId": "not-hex", "spanId": "{{{SpanId}}}", "name": "chat n", "startTimeUnixNano": "1", "attributes": [{"key": "gen_ai.operation.name", "value": {"stringValue": "chat"}}]}]}]}]}""";

        var read = TraceFile.Read(Encoding.UTF8.GetBytes(line), TraceFileFormat.OtlpJson).ToList();

        Assert.Equal(2, read.Count);
        var trace = read[0].Trace!;
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1764928800), trace.CreatedAt);
        Assert.Equal(("[\"END\",\"7\"]", "-3", "0.9", "true", "{\"k\":\"v\"}"), (trace.Metadata["gen_ai.request.stop_sequences"], trace.Metadata["gen_ai.request.seed"],
            trace.Metadata["gen_ai.request.top_p"], trace.Metadata["gen_ai.request.stream"], trace.Metadata["gen_ai.agent.x"]));
        Assert.Equal("""[]""", trace.Outputs!.Value.GetRawText()); // a response with no parts: its (empty) messages, not an invented text
        Assert.Equal((1, (Trace?)null), (read[1].Line, read[1].Trace));
        Assert.Contains("span 'chat n' (trace not-hex, span 00f067aa0ba902b7) has no valid trace id", read[1].Error, StringComparison.Ordinal);
    }
}
