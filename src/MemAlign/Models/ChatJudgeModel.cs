using MemAlign.Prompting;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Polly;
using Polly.Retry;

namespace MemAlign.Models;

/// <summary>
/// Judges with an LLM through <see cref="IChatClient"/>: asks for structured output, retries transient
/// provider failures with backoff (honouring Retry-After), and feeds validation errors back to the model
/// for a bounded number of retries. Every failure ends as an error judgement; only cancellation throws.
/// </summary>
internal sealed class ChatJudgeModel : IJudgeModel
{
    private static readonly ResiliencePropertyKey<CallState> StateKey = new("memalign.call");

    private readonly IChatClient _client;
    private readonly JudgeOptions _options;
    private readonly ILogger _logger;
    private readonly ResiliencePipeline _pipeline;

    public ChatJudgeModel(IChatClient client, JudgeOptions options, string? configuredModel)
    {
        _client = client;
        _options = options;
        _logger = options.LoggerFactory?.CreateLogger("MemAlign.Judge") ?? NullLogger.Instance;
        Id = configuredModel ?? client.GetService<ChatClientMetadata>()?.DefaultModelId ?? "unknown";
        _pipeline = BuildPipeline();
    }

    public string Id { get; }

    public async Task<ModelJudgement> JudgeAsync(JudgePrompt prompt, CancellationToken cancellationToken)
    {
        var valueType = prompt.Definition.ValueType;
        var chatOptions = new ChatOptions
        {
            ResponseFormat = ChatResponseFormat.ForJsonSchema(ResultSchema.For(valueType), "judge_verdict", "A judge's verdict and its rationale."),
            Temperature = _options.Temperature,
        };
        List<ChatMessage> messages = [new(ChatRole.System, prompt.SystemText), new(ChatRole.User, prompt.UserText)];
        var state = new CallState(prompt.Definition.Name, prompt.TraceId);
        var usage = default(TokenUsage);
        var model = Id;
        var maxReplies = _options.MaxInvalidReplyRetries + 1;

        for (var reply = 1; ; reply++)
        {
            ChatResponse response;
            try
            {
                response = await CallAsync(messages, chatOptions, state, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested) // the caller's cancellation propagates; anything else is the model's failure
            {
                var reason = TransientFailures.Describe(e);
                ModelLog.Failed(_logger, state.Judge, state.TraceId, reason);
                var message = $"Judge '{state.Judge}' got no reply from model '{model}' for trace '{state.TraceId}' after {state.Calls} call(s): {reason}";
                return new ModelJudgement(null, null, new JudgeError(JudgeErrorKind.ModelFailure, message), model, usage, state.Calls);
            }

            model = response.ModelId ?? model;
            usage += new TokenUsage(response.Usage?.InputTokenCount ?? 0, response.Usage?.OutputTokenCount ?? 0);
            var text = response.Text;
            var parsed = VerdictReply.Parse(text, valueType);
            if (parsed.Error is null)
            {
                return new ModelJudgement(parsed.Value, parsed.Rationale, null, model, usage, state.Calls);
            }

            ModelLog.InvalidReply(_logger, state.Judge, state.TraceId, reply, maxReplies, parsed.Error);
            if (reply == maxReplies)
            {
                var message = $"Judge '{state.Judge}' got no usable reply from model '{model}' for trace '{state.TraceId}' in {reply} attempt(s): {parsed.Error}";
                return new ModelJudgement(null, null, new JudgeError(JudgeErrorKind.InvalidReply, message), model, usage, state.Calls);
            }

            messages.Add(new ChatMessage(ChatRole.Assistant, text));
            messages.Add(new ChatMessage(ChatRole.User,
                $"Your reply could not be used: {parsed.Error} Reply again with only the JSON object "
                + $"{{\"rationale\": \"...\", \"result\": ...}}, where \"result\" is {valueType.Describe()}."));
        }
    }

    private async Task<ChatResponse> CallAsync(List<ChatMessage> messages, ChatOptions chatOptions, CallState state, CancellationToken cancellationToken)
    {
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(StateKey, state);
        try
        {
            return await _pipeline.ExecuteAsync(
                static async (ctx, args) =>
                {
                    ctx.Properties.GetValue(StateKey, null!).Calls++;
                    return await args.Client.GetResponseAsync(args.Messages, args.Options, ctx.CancellationToken).ConfigureAwait(false);
                },
                context,
                (Client: _client, Messages: (IEnumerable<ChatMessage>)messages.ToArray(), Options: chatOptions)).ConfigureAwait(false);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    private ResiliencePipeline BuildPipeline()
    {
        var builder = new ResiliencePipelineBuilder { TimeProvider = _options.TimeProvider };
        if (_options.MaxTransientRetries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions
            {
                MaxRetryAttempts = _options.MaxTransientRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = _options.RetryBaseDelay,
                MaxDelay = _options.MaxRetryDelay,
                ShouldHandle = args => ValueTask.FromResult(
                    args.Outcome.Exception is { } e && TransientFailures.IsTransient(e, args.Context.CancellationToken)),
                DelayGenerator = args =>
                {
                    var requested = args.Outcome.Exception is { } e ? TransientFailures.RequestedDelay(e, _options.TimeProvider.GetUtcNow()) : null;
                    return ValueTask.FromResult(requested is { } delay ? (TimeSpan?)(delay < _options.MaxRetryDelay ? delay : _options.MaxRetryDelay) : null);
                },
                OnRetry = args =>
                {
                    var state = args.Context.Properties.GetValue(StateKey, null!);
                    var reason = args.Outcome.Exception is { } e ? TransientFailures.Describe(e) : "unknown";
                    ModelLog.TransientRetry(_logger, state.Judge, state.TraceId, args.AttemptNumber + 1, (long)args.RetryDelay.TotalMilliseconds, reason);
                    return default;
                },
            });
        }

        builder.AddTimeout(_options.RequestTimeout);
        return builder.Build();
    }

    private sealed class CallState(string judge, string traceId)
    {
        public string Judge { get; } = judge;

        public string TraceId { get; } = traceId;

        public int Calls { get; set; }
    }
}
