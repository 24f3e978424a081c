using System.Text.Json;

namespace MemAlign.Cli.Tests;

/// <summary>
/// 'memalign import FILE --format otlp-json': an instrumented app's GenAI chat spans, as the OpenTelemetry Collector's
/// file exporter writes them (one ExportTraceServiceRequest per line), become traces; other spans are ignored and
/// counted; a bad line or a chat span without its messages is a line error that keeps the rest (issue 22).
/// </summary>
public sealed class OtlpImportCliTests
{
    private const string First = "5b8efff798038103d269b633813fc60c";
    private const string Second = "0af7651916cd43dd8448eb211c80319c";

    // An attribute as OTLP JSON writes it; the GenAI message attributes are JSON text inside a string value.
    private static string Text(string key, string value) => $$$"""{"key": "{{{key}}}", "value": {"stringValue": {{{JsonSerializer.Serialize(value)}}} }}""";

    private const string PasswordIn = """[{"role":"user","parts":[{"type":"text","content":"How do I reset my password?"}]}]""";
    private const string PasswordOut = """[{"role":"assistant","parts":[{"type":"text","content":"Open Settings > Security and choose Reset password."}],"finish_reason":"stop"}]""";
    private const string Instructions = """[{"type":"text","content":"Answer briefly."}]""";
    private const string EmailIn = """[{"role":"user","parts":[{"type":"text","content":"Can I change my email?"}]}]""";
    private const string EmailOut = """[{"role":"assistant","parts":[{"type":"text","content":"Yes, under Settings > Account."}],"finish_reason":"stop"}]""";

    // Line 1: a chat span and the HTTP server span around it (not a chat span). Line 2: cut off (not JSON).
    // Line 3: a chat span with system instructions, and one recorded without message content.
    private static readonly string[] Fixture =
    [
        $$$"""{"resourceSpans": [{"resource": {"attributes": [{{{Text("service.name", "support-bot")}}}, {"key": "deployment.environment.name", "value": {"stringValue": "staging"}}]}, "scopeSpans": [{"scope": {"name": "Experimental.Microsoft.Extensions.AI", "version": "10.11.0"}, "spans": [{"traceId": "{{{First}}}", "spanId": "eee19b7ec3c1b174", "parentSpanId": "eee19b7ec3c1b173", "name": "chat gpt-4.1-mini", "kind": 3, "startTimeUnixNano": "1764946800000000000", "endTimeUnixNano": "1764946801250000000", "attributes": [{{{Text("gen_ai.operation.name", "chat")}}}, {{{Text("gen_ai.provider.name", "openai")}}}, {{{Text("gen_ai.request.model", "gpt-4.1-mini")}}}, {{{Text("gen_ai.input.messages", PasswordIn)}}}, {{{Text("gen_ai.output.messages", PasswordOut)}}}, {{{Text("gen_ai.response.model", "gpt-4.1-mini-2025-04-14")}}}, {{{Text("gen_ai.response.id", "chatcmpl-1")}}}, {"key": "gen_ai.usage.input_tokens", "value": {"intValue": "42"}}, {"key": "gen_ai.usage.output_tokens", "value": {"intValue": 11}}], "status": {}}, {"traceId": "{{{First}}}", "spanId": "eee19b7ec3c1b173", "name": "POST /chat", "kind": 2, "startTimeUnixNano": "1764946799900000000", "endTimeUnixNano": "1764946801300000000", "attributes": [{{{Text("http.request.method", "POST")}}}, {"key": "http.response.status_code", "value": {"intValue": "200"}}], "status": {}}]}]}]}""",
        """{"resourceSpans": [{"resource": {"attributes": [{"key": "service.name", "value": {"stringValue": "support-bot"}}]}, "scopeSpans": [{"spans": [{"traceId": "4bf92f3577b34da6a3ce929d0e0e4736", "spanId": "00f067aa0ba902b7", """,
        $$$"""{"resourceSpans": [{"resource": {"attributes": [{{{Text("service.name", "support-bot")}}}]}, "scopeSpans": [{"scope": {"name": "Experimental.Microsoft.Extensions.AI"}, "spans": [{"traceId": "{{{Second}}}", "spanId": "b7ad6b7169203331", "name": "chat gpt-4.1-mini", "kind": 3, "startTimeUnixNano": "1764950400000000000", "endTimeUnixNano": "1764950400900000000", "attributes": [{{{Text("gen_ai.operation.name", "chat")}}}, {{{Text("gen_ai.request.model", "gpt-4.1-mini")}}}, {{{Text("gen_ai.system_instructions", Instructions)}}}, {{{Text("gen_ai.input.messages", EmailIn)}}}, {{{Text("gen_ai.output.messages", EmailOut)}}}]}, {"traceId": "{{{Second}}}", "spanId": "b7ad6b7169203332", "name": "chat gpt-4.1-mini", "kind": 3, "startTimeUnixNano": "1764950401000000000", "endTimeUnixNano": "1764950401500000000", "attributes": [{{{Text("gen_ai.operation.name", "chat")}}}, {{{Text("gen_ai.request.model", "gpt-4.1-mini")}}}, {"key": "gen_ai.usage.input_tokens", "value": {"intValue": "12"}}]}]}]}]}""",
    ];

    [Fact]
    public async Task Chat_spans_of_an_OTLP_JSON_export_become_traces_with_line_numbered_errors_and_a_second_import_changes_nothing()
    {
        var cli = new CliRunner();
        var file = cli.WriteFile("otel-traces.jsonl", Fixture);

        var result = await cli.RunAsync("import", file, "--format", "otlp-json", "--json");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal((2, 2, 1), ((int)result.Json["stored"]!, (int)result.Json["added"]!, (int)result.Json["ignored"]!));
        var failed = result.Json["failed"]!.AsArray().Select(f => ((int)f!["line"]!, (string?)f["trace"], (string)f["error"]!)).ToList();
        Assert.Equal([2, 3], failed.Select(f => f.Item1));
        Assert.StartsWith("not valid JSON", failed[0].Item3);
        Assert.Equal($"{Second}-b7ad6b7169203332", failed[1].Item2);
        Assert.Contains("without its messages", failed[1].Item3);
        Assert.Contains("EnableSensitiveData = true", failed[1].Item3);

        await using (var store = await cli.OpenStoreAsync())
        {
            var password = (await store.GetTraceAsync(cli.Experiment, $"{First}-eee19b7ec3c1b174"))!;
            Assert.Equal("""[{"role":"user","content":"How do I reset my password?"}]""", password.Inputs!.Value.GetRawText());
            Assert.Equal("Open Settings > Security and choose Reset password.", password.Outputs!.Value.GetString());
            Assert.Equal(new Dictionary<string, string> { ["operation"] = "chat", ["service"] = "support-bot", ["model"] = "gpt-4.1-mini-2025-04-14", ["provider"] = "openai" },
                password.Tags);
            Assert.Equal(("42", "11", "chatcmpl-1"), (password.Metadata["gen_ai.usage.input_tokens"], password.Metadata["gen_ai.usage.output_tokens"], password.Metadata["gen_ai.response.id"]));
            Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1764946800), password.CreatedAt);

            var email = (await store.GetTraceAsync(cli.Experiment, $"{Second}-b7ad6b7169203331"))!;
            Assert.Equal("""[{"role":"system","content":"Answer briefly."},{"role":"user","content":"Can I change my email?"}]""", email.Inputs!.Value.GetRawText());
            Assert.Equal("Yes, under Settings > Account.", email.Outputs!.Value.GetString());
            Assert.Equal("gpt-4.1-mini", email.Tags["model"]);
            Assert.Null(await store.GetTraceAsync(cli.Experiment, $"{First}-eee19b7ec3c1b173")); // the HTTP span
        }

        var text = await cli.RunAsync("import", file, "--format", "otlp-json");
        Assert.Equal(1, text.ExitCode);
        Assert.Contains("otel-traces.jsonl:2: not valid JSON", text.Errors);
        Assert.Contains($"otel-traces.jsonl:3: span 'chat gpt-4.1-mini' (trace {Second}, span b7ad6b7169203332) was recorded without its messages", text.Errors);
        Assert.Contains("0 new, 2 already stored with the same content, 0 replaced), 1 span(s) ignored (not GenAI chat spans)", text.Output);

        // Recognised without --format too; the store is as the first import left it.
        var again = await cli.RunAsync("import", file, "--json");
        Assert.Equal((0, 2, 0, 1), ((int)again.Json["added"]!, (int)again.Json["updated"]!, (int)again.Json["replaced"]!, (int)again.Json["ignored"]!));
        await using var after = await cli.OpenStoreAsync();
        var stored = await after.SearchTracesAsync(cli.Experiment, MemAlign.Storage.TraceQuery.All).ToListAsync();
        Assert.Equal([$"{First}-eee19b7ec3c1b174", $"{Second}-b7ad6b7169203331"], stored.Select(t => t.Id));
    }

    [Fact]
    public async Task A_file_given_as_otlp_json_that_is_not_an_OTLP_export_says_what_each_line_should_be()
    {
        var cli = new CliRunner();
        var file = cli.WriteFile("memalign.jsonl", ["""{"trace_id": "t-1", "inputs": "q", "outputs": "a"}"""]);

        var result = await cli.RunAsync("import", file, "--format", "otlp-json", "--json");

        Assert.Equal(1, result.ExitCode);
        var failure = Assert.Single(result.Json["failed"]!.AsArray());
        Assert.Contains("not an OTLP trace export", (string)failure!["error"]!);
        Assert.Equal(0, (await cli.RunAsync("import", file)).ExitCode); // auto: the MemAlign schema, as before
    }
}
