using System.Net;
using System.Text.Json;
using MemAlign.Testing;
using Microsoft.Extensions.AI;

namespace MemAlign.Tests;

public class JudgeTests
{
    public enum ProductQuality { Excellent, Good, Fair, Poor }

    private static readonly JudgeOptions Fast = new() { RetryBaseDelay = TimeSpan.FromMilliseconds(1), MaxRetryDelay = TimeSpan.FromMilliseconds(20) };

    private static readonly Trace Sample = Trace.Create("t1", "Where is my order?", "It ships tomorrow.");

    private static Judge<T> Judge<T>(FeedbackValueType type, IChatClient client, JudgeOptions? options = null) =>
        new(JudgeDefinition.Create("quality", "Q: {{ inputs }}\nA: {{ outputs }}", type), client, options ?? Fast);

    [Fact]
    public async Task Boolean_verdict_carries_value_rationale_usage_model_and_trace()
    {
        var client = new ScriptedChatClient().Reply("{\"rationale\": \"Direct answer.\", \"result\": true}", inputTokens: 120, outputTokens: 9);

        var verdict = await Judge<bool>(FeedbackValueType.Boolean, client).EvaluateAsync(Sample);

        Assert.True(verdict.IsSuccess);
        Assert.True(verdict.Value);
        Assert.Equal("Direct answer.", verdict.Rationale);
        Assert.Equal(new TokenUsage(120, 9), verdict.Usage);
        Assert.Equal(1, verdict.ModelCalls);
        Assert.Equal("scripted-model", verdict.Model);
        Assert.Equal(("quality", "t1"), (verdict.JudgeName, verdict.TraceId));
        Assert.Empty(verdict.RetrievedExampleIds);
    }

    [Fact]
    public async Task Prompt_has_role_format_and_rubric_first_then_the_trace_as_data_and_asks_for_a_constrained_schema()
    {
        var client = new ScriptedChatClient().Reply("{\"rationale\": \"ok\", \"result\": \"good\"}");

        var verdict = await Judge<ProductQuality>(FeedbackValueType.Enum<ProductQuality>(), client).EvaluateAsync(Sample);

        Assert.Equal(ProductQuality.Good, verdict.Value);
        var request = Assert.Single(client.Requests);
        Assert.Contains("'quality'", request.System);
        Assert.Contains("one of \"Excellent\", \"Good\", \"Fair\", \"Poor\"", request.System);
        Assert.EndsWith("Rubric (each <field> stands for the trace's field of that name, given after \"Trace to judge:\"):\nQ: <inputs>\nA: <outputs>", request.System);
        Assert.Equal("Trace to judge:\ninputs: \"Where is my order?\"\noutputs: \"It ships tomorrow.\"", request.User);
        var format = Assert.IsType<ChatResponseFormatJson>(request.Options!.ResponseFormat);
        var result = format.Schema!.Value.GetProperty("properties").GetProperty("result");
        Assert.Equal(["Excellent", "Good", "Fair", "Poor"], result.GetProperty("enum").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(0f, request.Options.Temperature);
    }

    [Fact]
    public async Task Numeric_scale_is_in_the_schema_and_enforced()
    {
        var client = new ScriptedChatClient().Reply("{\"rationale\": \"solid\", \"result\": 4}");

        var verdict = await Judge<int>(FeedbackValueType.Integer(1, 5), client).EvaluateAsync(Sample);

        Assert.Equal(4, verdict.Value);
        var schema = ((ChatResponseFormatJson)client.Requests[0].Options!.ResponseFormat!).Schema!.Value.GetProperty("properties").GetProperty("result");
        Assert.Equal(("integer", 1, 5), (schema.GetProperty("type").GetString(), schema.GetProperty("minimum").GetInt32(), schema.GetProperty("maximum").GetInt32()));
    }

    [Theory]
    [InlineData("{\"rationale\": \"fine\", \"result\": 0.75}", 0.75)]
    [InlineData("```json\n{\"rationale\": \"fine\", \"result\": 0.5}\n```", 0.5)]
    [InlineData("Here is my verdict:\n{\"rationale\": \"fine\", \"result\": \"0.25\"}\nThanks.", 0.25)]
    public async Task Double_values_are_read_from_fenced_or_wrapped_json(string reply, double expected)
    {
        var verdict = await Judge<double>(FeedbackValueType.Number(0, 1), new ScriptedChatClient().Reply(reply)).EvaluateAsync(Sample);

        Assert.Equal(expected, verdict.Value);
    }

    [Fact]
    public async Task Categorical_string_and_free_text_judges_return_strings()
    {
        var categorical = await Judge<string>(FeedbackValueType.Categorical("RESULTS", "METHODS"), new ScriptedChatClient().Reply("{\"rationale\": \"r\", \"result\": \"methods\"}")).EvaluateAsync(Sample);
        var text = await Judge<string>(FeedbackValueType.Text, new ScriptedChatClient().Reply("{\"rationale\": \"r\", \"result\": \"Needs a greeting\"}")).EvaluateAsync(Sample);

        Assert.Equal("METHODS", categorical.Value);
        Assert.Equal("Needs a greeting", text.Value);
    }

    [Fact]
    public async Task Invalid_reply_is_retried_with_the_validation_error_fed_back()
    {
        var client = new ScriptedChatClient()
            .Reply("not json at all")
            .Reply("{\"rationale\": \"r\", \"result\": 9}")
            .Reply("{\"rationale\": \"better\", \"result\": 3}");

        var verdict = await Judge<int>(FeedbackValueType.Integer(1, 5), client).EvaluateAsync(Sample);

        Assert.Equal(3, verdict.Value);
        Assert.Equal(3, verdict.ModelCalls);
        Assert.Equal(new TokenUsage(30, 15), verdict.Usage);
        var second = client.Requests[1];
        Assert.Equal(["system", "user", "assistant", "user"], second.Messages.Select(m => m.Role));
        Assert.Equal("not json at all", second.Messages[2].Text);
        Assert.Contains("contained no JSON object", second.LastUser);
        Assert.Contains("9 is outside the scale 1..5", client.Requests[2].LastUser);
    }

    [Fact]
    public async Task Replies_that_stay_invalid_give_an_error_verdict_not_an_exception()
    {
        var client = new ScriptedChatClient(fallback: _ => ScriptedChatClient.Response("{\"rationale\": \"r\", \"result\": \"maybe\"}"));

        var verdict = await Judge<bool>(FeedbackValueType.Boolean, client).EvaluateAsync(Sample);

        Assert.False(verdict.IsSuccess);
        Assert.Equal(JudgeErrorKind.InvalidReply, verdict.Error!.Kind);
        Assert.Equal(3, client.CallCount); // 1 + default 2 retries
        Assert.Contains("'quality'", verdict.Error.Message);
        Assert.Contains("'t1'", verdict.Error.Message);
        Assert.False(verdict.TryGetValue(out _));
        Assert.Contains("has no value", Assert.Throws<InvalidOperationException>(() => verdict.Value).Message);
        Assert.Throws<InvalidOperationException>(verdict.ToAssessment);
    }

    [Fact]
    public async Task Invalid_reply_retries_are_configurable()
    {
        var client = new ScriptedChatClient(fallback: _ => ScriptedChatClient.Response("nope"));

        var verdict = await Judge<bool>(FeedbackValueType.Boolean, client, Fast with { MaxInvalidReplyRetries = 0 }).EvaluateAsync(Sample);

        Assert.Equal(JudgeErrorKind.InvalidReply, verdict.Error!.Kind);
        Assert.Equal(1, client.CallCount);
    }

    [Theory]
    [InlineData("{\"result\": true}", "no \"rationale\"")]
    [InlineData("{\"rationale\": \"r\"}", "no \"result\"")]
    [InlineData("[1, 2]", "no JSON object")]
    [InlineData("{\"rationale\": \"r\", \"result\": tru}", "not valid JSON")]
    [InlineData("", "empty")]
    public async Task Each_kind_of_bad_reply_is_explained(string reply, string explanation)
    {
        var client = new ScriptedChatClient(fallback: _ => ScriptedChatClient.Response(reply));

        var verdict = await Judge<bool>(FeedbackValueType.Boolean, client, Fast with { MaxInvalidReplyRetries = 0 }).EvaluateAsync(Sample);

        Assert.Contains(explanation, verdict.Error!.Message);
    }

    [Fact]
    public async Task Transient_provider_errors_are_retried()
    {
        var client = new ScriptedChatClient()
            .Throw(new HttpRequestException("busy", null, HttpStatusCode.ServiceUnavailable))
            .Throw(new HttpRequestException("connection reset"))
            .Reply("{\"rationale\": \"r\", \"result\": false}");
        var logs = new CapturingLoggerFactory();

        var verdict = await Judge<bool>(FeedbackValueType.Boolean, client, Fast with { LoggerFactory = logs }).EvaluateAsync(Sample);

        Assert.False(verdict.Value);
        Assert.Equal(3, verdict.ModelCalls);
        Assert.Equal(2, logs.Lines.Count(l => l.Contains("transient failure on trace 't1'", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Non_transient_errors_are_not_retried_and_become_error_verdicts()
    {
        var client = new ScriptedChatClient().Throw(new HttpRequestException("bad request", null, HttpStatusCode.BadRequest));

        var verdict = await Judge<bool>(FeedbackValueType.Boolean, client).EvaluateAsync(Sample);

        Assert.Equal(JudgeErrorKind.ModelFailure, verdict.Error!.Kind);
        Assert.Equal(1, client.CallCount);
        Assert.Contains("HTTP 400", verdict.Error.Message);
    }

    [Fact]
    public async Task Retries_stop_after_the_configured_number()
    {
        var client = new ScriptedChatClient(fallback: _ => throw new HttpRequestException("down", null, HttpStatusCode.BadGateway));

        var verdict = await Judge<bool>(FeedbackValueType.Boolean, client, Fast with { MaxTransientRetries = 2 }).EvaluateAsync(Sample);

        Assert.Equal(JudgeErrorKind.ModelFailure, verdict.Error!.Kind);
        Assert.Equal(3, client.CallCount);
        Assert.Contains("after 3 call(s)", verdict.Error.Message);
    }

    [Fact]
    public async Task A_call_that_hangs_times_out_and_is_retried()
    {
        var calls = 0;
        var client = new DelegatingTestClient(async (ct) =>
        {
            if (Interlocked.Increment(ref calls) == 1)
            {
                await Task.Delay(Timeout.Infinite, ct);
            }

            return ScriptedChatClient.Response("{\"rationale\": \"r\", \"result\": true}");
        });

        var verdict = await Judge<bool>(FeedbackValueType.Boolean, client, Fast with { RequestTimeout = TimeSpan.FromMilliseconds(100) }).EvaluateAsync(Sample);

        Assert.True(verdict.Value);
        Assert.Equal(2, calls);
    }

    [Fact]
    public async Task Cancellation_is_honoured_at_once_even_during_a_model_call()
    {
        using var cts = new CancellationTokenSource();
        var client = new DelegatingTestClient(async ct =>
        {
            await cts.CancelAsync();
            await Task.Delay(Timeout.Infinite, ct);
            return ScriptedChatClient.Response("{}");
        });

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Judge<bool>(FeedbackValueType.Boolean, client).EvaluateAsync(Sample, cts.Token));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Judge<bool>(FeedbackValueType.Boolean, client).EvaluateAsync(Sample, cts.Token));
    }

    [Fact]
    public async Task Missing_field_gives_an_error_verdict_without_calling_the_model()
    {
        var client = new ScriptedChatClient();
        var judge = new Judge<bool>(JudgeDefinition.Create("correct", "{{ outputs }} vs {{ expectations }}", FeedbackValueType.Boolean), client);

        var verdict = await judge.EvaluateAsync(Sample);

        Assert.Equal(JudgeErrorKind.MissingVariable, verdict.Error!.Kind);
        Assert.Contains("expectations", verdict.Error.Message);
        Assert.Equal(0, client.CallCount);
    }

    [Fact]
    public void Value_type_must_fit_the_generic_argument()
    {
        var definition = JudgeDefinition.Create("rating", "{{ inputs }}", FeedbackValueType.Integer(1, 5));

        var e = Assert.Throws<ArgumentException>(() => new Judge<bool>(definition, new ScriptedChatClient()));

        Assert.Contains("Judge 'rating' returns integer 1..5", e.Message);
        Assert.Throws<ArgumentException>(() => new Judge<DateTime>(definition, new ScriptedChatClient()));
    }

    [Fact]
    public void Invalid_options_are_refused()
    {
        var definition = JudgeDefinition.Create("rating", "{{ inputs }}", FeedbackValueType.Boolean);

        Assert.Contains("MaxInvalidReplyRetries", Assert.Throws<ArgumentOutOfRangeException>(() => new Judge<bool>(definition, new ScriptedChatClient(), new JudgeOptions { MaxInvalidReplyRetries = -1 })).Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => new Judge<bool>(definition, new ScriptedChatClient(), new JudgeOptions { RequestTimeout = TimeSpan.Zero }));
    }

    [Fact]
    public async Task Verdict_converts_to_an_llm_judge_assessment()
    {
        var verdict = await Judge<bool>(FeedbackValueType.Boolean, new ScriptedChatClient().Reply("{\"rationale\": \"why\", \"result\": true}")).EvaluateAsync(Sample);

        var assessment = verdict.ToAssessment();

        Assert.Equal("quality", assessment.Name);
        Assert.Equal(FeedbackValue.FromBoolean(true), assessment.Value);
        Assert.Equal(AssessmentSource.LlmJudge("scripted-model"), assessment.Source);
        Assert.Equal("why", assessment.Rationale);
    }

    [Fact]
    public async Task Many_parallel_evaluations_each_get_their_own_prompt_and_verdict()
    {
        var client = new ScriptedChatClient(fallback: request =>
        {
            var id = JsonSerializer.Deserialize<string>(request.User.Split('\n')[1]["inputs: ".Length..])!;
            return ScriptedChatClient.Response(JsonSerializer.Serialize(new { rationale = id, result = int.Parse(id[1..]) % 2 == 0 }));
        });
        var judge = Judge<bool>(FeedbackValueType.Boolean, client);

        var verdicts = await Task.WhenAll(Enumerable.Range(0, 200).Select(i => judge.EvaluateAsync(Trace.Create($"t{i}", $"q{i}", "a"))));

        for (var i = 0; i < 200; i++)
        {
            Assert.Equal(($"t{i}", $"q{i}", i % 2 == 0), (verdicts[i].TraceId, verdicts[i].Rationale, verdicts[i].Value));
        }
    }

    private sealed class DelegatingTestClient(Func<CancellationToken, Task<ChatResponse>> respond) : IChatClient
    {
        public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
            respond(cancellationToken);

        public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException();

        public object? GetService(Type serviceType, object? serviceKey = null) => null;

        public void Dispose()
        {
        }
    }
}
