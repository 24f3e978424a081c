using MemAlign.OpenAI;
using MemAlign.Testing;

namespace MemAlign.Tests;

/// <summary>
/// Reasoning models as judges, through the real OpenAI client against a loopback server answering as one does: a reply
/// whose hidden reasoning took the whole output budget never becomes a verdict; a refused temperature is not sent again;
/// reasoning tokens are reported.
/// </summary>
public sealed class ReasoningModelTests : IAsyncLifetime
{
    private static readonly Trace Sample = Trace.Create("trace-7", "Can I get a refund after 40 days?", "Refunds are possible within 30 days of purchase.");

    private LoopbackOpenAIServer _server = null!;

    public async Task InitializeAsync() => _server = await LoopbackOpenAIServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private Judge<bool> CreateJudge(JudgeOptions options, CapturingLoggerFactory? logs = null)
    {
        var client = ModelProviders.CreateChatClient("openai:/o4-mini", new OpenAISettings("sk-test", _server.BaseUrl));
        var definition = JudgeDefinition.Create("helpfulness", "User query: {{ inputs }}\nAssistant response: {{ outputs }}", FeedbackValueType.Boolean, "openai:/o4-mini");
        return new Judge<bool>(definition, client, options with { RetryBaseDelay = TimeSpan.FromMilliseconds(5), LoggerFactory = logs });
    }

    [Fact]
    public async Task An_empty_reply_cut_off_at_the_budget_is_an_output_limit_error_naming_the_cause_never_a_verdict()
    {
        _server.Enqueue(ReasoningReplies.Completion("", finishReason: "length", completionTokens: 1_000, reasoningTokens: 1_000));

        var verdict = await CreateJudge(new JudgeOptions { MaxOutputTokens = 1_000 }).EvaluateAsync(Sample);

        Assert.False(verdict.IsSuccess);
        Assert.Equal(JudgeErrorKind.OutputLimit, verdict.Error!.Kind);
        Assert.Contains("the reply was empty (finish reason 'length') after 1,000 output token(s), 1,000 of them hidden reasoning, its budget of 1,000", verdict.Error.Message, StringComparison.Ordinal);
        Assert.Contains("trace-7", verdict.Error.Message, StringComparison.Ordinal);
        Assert.Equal(1, verdict.ModelCalls); // no "your reply could not be used" round trip: more of the same budget cannot help
        Assert.Equal(1_000, verdict.Usage.ReasoningTokens);
        Assert.Equal(1_000, (int)Assert.Single(_server.Requests).Json["max_completion_tokens"]!);
    }

    [Fact]
    public async Task A_cut_off_answer_is_asked_again_once_with_the_larger_budget_when_configured()
    {
        _server.Enqueue(ReasoningReplies.Completion("{\"rationale\": \"Refunds end at 30", finishReason: "length", completionTokens: 500, reasoningTokens: 480))
               .Enqueue(ReasoningReplies.Completion("{\"rationale\": \"Correct policy, stated plainly.\", \"result\": true}", completionTokens: 900, reasoningTokens: 860));
        var logs = new CapturingLoggerFactory();

        var verdict = await CreateJudge(new JudgeOptions { MaxOutputTokens = 500, MaxOutputTokensOnTruncation = 4_000 }, logs).EvaluateAsync(Sample);

        Assert.True(verdict.IsSuccess, verdict.Error?.Message);
        Assert.True(verdict.Value);
        Assert.Equal(2, verdict.ModelCalls);
        Assert.Equal([500, 4_000], _server.Requests.Select(r => (int)r.Json["max_completion_tokens"]!));
        Assert.Equal((1_400L, 1_340L), (verdict.Usage.OutputTokens, verdict.Usage.ReasoningTokens));
        Assert.Contains(logs.Lines, m => m.Contains("cut off", StringComparison.Ordinal) && m.Contains("4000", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_second_cut_off_with_the_larger_budget_is_an_error_not_a_third_call()
    {
        _server.Enqueue(ReasoningReplies.Completion("", finishReason: "length", completionTokens: 500, reasoningTokens: 500))
               .Enqueue(ReasoningReplies.Completion("{\"rationale\": \"Ref", finishReason: "length", completionTokens: 2_000, reasoningTokens: 1_990));

        var verdict = await CreateJudge(new JudgeOptions { MaxOutputTokens = 500, MaxOutputTokensOnTruncation = 2_000 }).EvaluateAsync(Sample);

        Assert.Equal(JudgeErrorKind.OutputLimit, verdict.Error!.Kind);
        Assert.Contains("cut off", verdict.Error.Message, StringComparison.Ordinal);
        Assert.Contains("Raise JudgeOptions.MaxOutputTokensOnTruncation", verdict.Error.Message, StringComparison.Ordinal);
        Assert.Equal(2, _server.Requests.Count);
    }

    [Fact]
    public async Task A_refused_temperature_is_dropped_for_that_call_and_every_later_one_with_one_warning()
    {
        _server.Enqueue(ReasoningReplies.TemperatureRefused())
               .Enqueue(ReasoningReplies.Completion("{\"rationale\": \"Accurate.\", \"result\": true}"))
               .Enqueue(ReasoningReplies.Completion("{\"rationale\": \"Accurate again.\", \"result\": true}"));
        var logs = new CapturingLoggerFactory();
        var judge = CreateJudge(new JudgeOptions { MaxTransientRetries = 0 }, logs);

        var first = await judge.EvaluateAsync(Sample);
        var second = await judge.EvaluateAsync(Trace.Create("trace-8", "q", "a"));

        Assert.True(first.IsSuccess, first.Error?.Message);
        Assert.True(second.IsSuccess, second.Error?.Message);
        Assert.Equal([true, false, false], _server.Requests.Select(r => r.Json.AsObject().ContainsKey("temperature")));
        Assert.Single(logs.Lines, m => m.Contains("refused the temperature", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_judge_told_to_send_no_temperature_never_sends_one()
    {
        _server.Enqueue(ReasoningReplies.Completion("{\"rationale\": \"Fine.\", \"result\": true}"));

        var verdict = await CreateJudge(new JudgeOptions { Temperature = null }).EvaluateAsync(Sample);

        Assert.True(verdict.IsSuccess, verdict.Error?.Message);
        Assert.False(Assert.Single(_server.Requests).Json.AsObject().ContainsKey("temperature"));
        Assert.Equal(256, verdict.Usage.ReasoningTokens);
    }

    [Fact]
    public async Task Other_bad_requests_are_failures_and_keep_the_temperature()
    {
        _server.Enqueue(ServerReply.Error(400, "Invalid value for 'response_format': this model does not support json_schema."));

        var verdict = await CreateJudge(new JudgeOptions { MaxTransientRetries = 0 }).EvaluateAsync(Sample);

        Assert.Equal(JudgeErrorKind.ModelFailure, verdict.Error!.Kind);
        Assert.True(Assert.Single(_server.Requests).Json.AsObject().ContainsKey("temperature"));
    }
}
