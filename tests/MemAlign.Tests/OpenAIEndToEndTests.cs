using System.Text.Json;
using System.Text.Json.Nodes;
using MemAlign.MiniLM;
using MemAlign.OpenAI;
using MemAlign.Prompting;
using MemAlign.Testing;

namespace MemAlign.Tests;

/// <summary>The real OpenAI .NET client, through Microsoft.Extensions.AI, against a loopback OpenAI-compatible server.</summary>
public sealed class OpenAIEndToEndTests : IAsyncLifetime
{
    private const string ApiKey = "sk-test-THIS-KEY-MUST-NEVER-BE-LOGGED-0123456789";
    private static readonly Trace Sample = Trace.Create("trace-42", "I was charged twice!", "Two charges appear because you updated your card.");

    private LoopbackOpenAIServer _server = null!;

    public async Task InitializeAsync() => _server = await LoopbackOpenAIServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private Judge<bool> CreateJudge(CapturingLoggerFactory? logs = null, JudgeOptions? options = null)
    {
        var client = ModelProviders.CreateChatClient("openai:/gpt-4.1-mini", new OpenAISettings(ApiKey, _server.BaseUrl));
        var definition = JudgeDefinition.Create("helpfulness", "User query: {{ inputs }}\nAssistant response: {{ outputs }}", FeedbackValueType.Boolean, "openai:/gpt-4.1-mini");
        return new Judge<bool>(definition, client, (options ?? new JudgeOptions { RetryBaseDelay = TimeSpan.FromMilliseconds(5) }) with { LoggerFactory = logs });
    }

    [Fact]
    public async Task Structured_reply_is_parsed_and_the_request_asks_for_json_schema()
    {
        _server.Enqueue(ServerReply.Completion("{\"rationale\": \"Cold, no empathy.\", \"result\": false}", model: "gpt-4.1-mini-2025", promptTokens: 80, completionTokens: 12));

        var verdict = await CreateJudge().EvaluateAsync(Sample);

        Assert.True(verdict.IsSuccess, verdict.Error?.Message);
        Assert.False(verdict.Value);
        Assert.Equal("Cold, no empathy.", verdict.Rationale);
        Assert.Equal("gpt-4.1-mini-2025", verdict.Model);
        Assert.Equal(new TokenUsage(80, 12), verdict.Usage);

        var request = Assert.Single(_server.Requests).Json;
        Assert.Equal("gpt-4.1-mini", (string?)request["model"]);
        Assert.Equal("json_schema", (string?)request["response_format"]!["type"]);
        var schema = request["response_format"]!["json_schema"]!["schema"]!;
        Assert.Equal("boolean", (string?)schema["properties"]!["result"]!["type"]);
        var messages = request["messages"]!.AsArray();
        Assert.Equal("system", (string?)messages[0]!["role"]);
        Assert.EndsWith("User query: <inputs>\nAssistant response: <outputs>", (string?)messages[0]!["content"]);
        Assert.Equal("Trace to judge:\ninputs: \"I was charged twice!\"\noutputs: \"Two charges appear because you updated your card.\"", (string?)messages[1]!["content"]);
        Assert.Equal("Bearer " + ApiKey, _server.Requests[0].Headers["Authorization"]);
    }

    [Fact]
    public async Task Cached_prompt_tokens_the_provider_reports_reach_the_verdict_and_the_evaluation_record()
    {
        _server.Enqueue(ServerReply.Completion("{\"rationale\": \"Answers it.\", \"result\": true}", promptTokens: 1500, completionTokens: 12, cachedTokens: 1280));
        var judge = CreateJudge();

        var result = await MemAlign.Evaluation.Evaluator.RunAsync([judge], [Sample]);

        var record = Assert.Single(result.Records);
        Assert.Equal(new TokenUsage(1500, 12) { CachedInputTokens = 1280 }, record.Usage);
        Assert.Equal(1, record.ModelCalls);
    }

    [Fact]
    public async Task Malformed_json_once_then_a_valid_reply_gives_a_verdict()
    {
        _server.Enqueue(ServerReply.Completion("{\"rationale\": \"oops\", \"result\": }"))
               .Enqueue(ServerReply.Completion("```json\n{\"rationale\": \"Helpful.\", \"result\": true}\n```"));

        var verdict = await CreateJudge().EvaluateAsync(Sample);

        Assert.True(verdict.Value);
        Assert.Equal(2, verdict.ModelCalls);
        var retry = _server.Requests[1].Json["messages"]!.AsArray();
        Assert.Equal(4, retry.Count);
        Assert.Contains("not valid JSON", (string?)retry[3]!["content"]);
    }

    [Fact]
    public async Task Rate_limit_with_retry_after_is_waited_out_then_succeeds()
    {
        _server.Enqueue(ServerReply.Error(429, "Rate limit reached", new Dictionary<string, string> { ["Retry-After"] = "1" }))
               .Enqueue(ServerReply.Completion("{\"rationale\": \"ok\", \"result\": true}"));
        var logs = new CapturingLoggerFactory();
        var started = DateTime.UtcNow;

        var verdict = await CreateJudge(logs).EvaluateAsync(Sample);

        Assert.True(verdict.Value);
        Assert.Equal(2, _server.Requests.Count);
        Assert.True(DateTime.UtcNow - started >= TimeSpan.FromMilliseconds(900), "the judge must wait as long as Retry-After asks");
        Assert.Contains(logs.Lines, l => l.Contains("retrying in 1000 ms", StringComparison.Ordinal) && l.Contains("HTTP 429", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Repeated_server_errors_end_in_an_error_verdict_and_the_key_never_appears_in_logs()
    {
        _server.Otherwise(_ => ServerReply.Error(500, $"Internal error for key {ApiKey}"));
        var logs = new CapturingLoggerFactory();

        var verdict = await CreateJudge(logs, new JudgeOptions { MaxTransientRetries = 3, RetryBaseDelay = TimeSpan.FromMilliseconds(5) }).EvaluateAsync(Sample);

        Assert.False(verdict.IsSuccess);
        Assert.Equal(JudgeErrorKind.ModelFailure, verdict.Error!.Kind);
        Assert.Equal(4, _server.Requests.Count);
        Assert.Contains("HTTP 500", verdict.Error.Message);
        Assert.Contains("'trace-42'", verdict.Error.Message);
        Assert.NotEmpty(logs.Lines);
        Assert.DoesNotContain(ApiKey, logs.AllText, StringComparison.Ordinal);
        Assert.DoesNotContain(ApiKey, verdict.Error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(ApiKey, verdict.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Categorical_schema_reaches_the_server_as_an_enum()
    {
        _server.Enqueue(request => ServerReply.Completion("{\"rationale\": \"r\", \"result\": \"METHODS\"}"));
        var client = ModelProviders.CreateChatClient("openai:/gpt-4.1-mini", new OpenAISettings(ApiKey, _server.BaseUrl));
        var judge = new Judge<string>(
            JudgeDefinition.Create("section", "Classify: {{ inputs }}", FeedbackValueType.Categorical("CONCLUSIONS", "RESULTS", "METHODS", "OBJECTIVE", "BACKGROUND")),
            client);

        var verdict = await judge.EvaluateAsync(Trace.Create("s1", "We randomised 120 patients.", null));

        Assert.Equal("METHODS", verdict.Value);
        var schema = _server.Requests[0].Json["response_format"]!["json_schema"]!["schema"]!["properties"]!["result"]!;
        Assert.Equal(5, schema["enum"]!.AsArray().Count);
    }

    [Fact]
    public async Task A_server_without_an_api_key_is_reached_through_its_base_url()
    {
        _server.Enqueue(ServerReply.Completion("{\"rationale\": \"r\", \"result\": true}"));
        var client = ModelProviders.CreateChatClient("openai:/llama3", new OpenAISettings(null, _server.BaseUrl));
        var judge = new Judge<bool>(JudgeDefinition.Create("helpfulness", "{{ inputs }}", FeedbackValueType.Boolean), client);

        Assert.True((await judge.EvaluateAsync(Sample)).Value);
        Assert.Equal("llama3", (string?)_server.Requests[0].Json["model"]);
    }

    [Fact]
    public async Task A_conversation_judge_aligned_through_the_client_shows_its_guidelines_and_shortened_conversation_examples_as_data()
    {
        const string Guideline = "Resolved means the agent acted on the request and gave a concrete next step or timeline.";
        var align = ConversationData.Align.Select((t, i) => i == 0 ? ConversationData.WithLongMiddle(t, 60, t.Id) : t).ToList();
        // Distillation: one guideline citing every record; then the aligned judge's verdict.
        _server.Enqueue(_ => ServerReply.Completion(JsonSerializer.Serialize(new { guidelines = new[] { new { guideline_text = Guideline, source_trace_ids = align.Select(t => t.Id) } } })))
               .Enqueue(ServerReply.Completion("{\"rationale\": \"Refund released with a timeline.\", \"result\": true}"));
        var client = ModelProviders.CreateChatClient("openai:/gpt-4.1-mini", new OpenAISettings(ApiKey, _server.BaseUrl));
        var optimizer = new MemAlignOptimizer(new MemAlignOptions { ReflectionModel = client, EmbeddingGenerator = MiniLMEmbeddingGenerator.CreateMemoised(), RetrievalK = 2 });

        var (aligned, report) = await new Judge<bool>(ConversationData.Resolution, client).AlignAsync(align, optimizer);
        var verdict = await aligned.EvaluateAsync(ConversationData.WithLongMiddle(ConversationData.Test[0], 60));

        Assert.Equal((1, 8), (report.ModelCalls, report.ExamplesAdded));
        Assert.True(verdict.IsSuccess, verdict.Error?.Message);
        Assert.Equal(align[0].Id, verdict.RetrievedExampleIds[0]);
        Assert.Equal(2, _server.Requests.Count);
        var distillation = Prompt(_server.Requests[0]);
        var judging = Prompt(_server.Requests[1]);
        var longExample = aligned.Memory.Examples.Single(e => e.TraceId == align[0].Id).Fields[TraceField.Conversation];
        Assert.Contains("turns left out ...]", longExample, StringComparison.Ordinal);
        // Distillation saw the shortened conversation, never the elided middle.
        Assert.Contains("turns left out ...]", distillation, StringComparison.Ordinal);
        Assert.DoesNotContain("Filler remark 30", distillation, StringComparison.Ordinal);
        // The aligned prompt: the guideline, and the shortened conversation as one quoted JSON string (data, not instructions).
        Assert.Contains(Guideline, judging, StringComparison.Ordinal);
        Assert.Contains("Example Judgements (2)", judging, StringComparison.Ordinal);
        Assert.Contains("  conversation: " + PromptJson.Quote(longExample) + "\n", judging, StringComparison.Ordinal);
        Assert.Contains("Filler remark 30", judging, StringComparison.Ordinal); // the conversation being judged is shown whole

        static string Prompt(ReceivedRequest request) => string.Join("\n", request.Json["messages"]!.AsArray().Select(m => (string?)m!["content"]));
    }
}
