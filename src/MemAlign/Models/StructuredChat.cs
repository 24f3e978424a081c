using System.ClientModel;
using System.Text.Json;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Polly;
using Polly.Retry;

namespace MemAlign.Models;

/// <summary>
/// One structured exchange with a chat model, as judges and the reflection model both need it: ask for
/// JSON matching a schema, retry transient provider failures with backoff (honouring Retry-After), and
/// feed parse errors back to the model for a bounded number of retries. Failures are returned, never
/// thrown; only the caller's cancellation throws.
/// </summary>
internal sealed class StructuredChat
{
    private static readonly ResiliencePropertyKey<CallState> StateKey = new("memalign.call");

    private readonly IChatClient _client;
    private readonly JudgeOptions _options;
    private readonly ILogger _logger;
    private readonly ResiliencePipeline _pipeline;
    private readonly SecretRedactor _redactor;

    // Set once the provider refused the temperature: later calls leave it out.
    private volatile bool _temperatureRefused;

    public StructuredChat(IChatClient client, JudgeOptions options, string? configuredModel)
    {
        _client = client;
        _options = options;
        _logger = options.LoggerFactory?.CreateLogger("MemAlign") ?? NullLogger.Instance;
        _redactor = options.SecretRedactor.With(SecretRedactor.Of(client));
        ModelId = configuredModel ?? client.GetService<ChatClientMetadata>()?.DefaultModelId ?? "unknown";
        _pipeline = BuildPipeline();
    }

    public string ModelId { get; }

    /// <param name="owner">Who asks (a judge's name), for messages.</param>
    /// <param name="subject">What it is about (a trace id, a batch), for messages.</param>
    /// <param name="system">The system message.</param>
    /// <param name="user">The user message.</param>
    /// <param name="schema">The JSON schema of the reply.</param>
    /// <param name="parse">Reads a reply: a value, or why it cannot be used.</param>
    /// <param name="formatReminder">Appended to the feedback after an unusable reply: the format again.</param>
    /// <param name="cancellationToken">Cancels at once.</param>
    public async Task<StructuredReply<T>> AskAsync<T>(
        string owner,
        string subject,
        string system,
        string user,
        JsonElement schema,
        Func<string?, (T? Value, string? Error)> parse,
        string formatReminder,
        CancellationToken cancellationToken)
    {
        var (messages, chatOptions) = Request(system, user, schema, _temperatureRefused ? null : _options.Temperature, _options.MaxOutputTokens);
        var budgetRaised = false;
        var state = new CallState(owner, subject);
        var usage = default(TokenUsage);
        var model = ModelId;
        var maxReplies = _options.MaxInvalidReplyRetries + 1;

        for (var reply = 1; ; reply++)
        {
            ChatResponse response;
            try
            {
                response = await CallAsync(messages, chatOptions, state, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (chatOptions.Temperature is not null && RefusesTemperature(e))
            {
                // A model that takes only its default temperature (as reasoning models do): ask again without it, and from now on.
                _temperatureRefused = true;
                ModelLog.TemperatureRefused(_logger, model, TransientFailures.Describe(e, _redactor));
                chatOptions.Temperature = null;
                reply--;
                continue;
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested) // the caller's cancellation propagates; anything else is the model's failure
            {
                var reason = TransientFailures.Describe(e, _redactor);
                ModelLog.Failed(_logger, owner, subject, reason);
                var message = $"'{owner}' got no reply from model '{model}' for {subject} after {state.Calls} call(s): {reason}";
                return new StructuredReply<T>(default, new JudgeError(JudgeErrorKind.ModelFailure, message), model, usage, state.Calls);
            }

            model = response.ModelId ?? model;
            usage += Usage(response);
            var text = response.Text;
            if (response.FinishReason == ChatFinishReason.Length)
            {
                // The budget ran out before the answer did: a larger one, once, when configured; never a guess from what came back.
                var cause = OutputLimitCause(response, chatOptions.MaxOutputTokens);
                if (!budgetRaised && _options.MaxOutputTokensOnTruncation is { } larger && larger > (chatOptions.MaxOutputTokens ?? 0))
                {
                    ModelLog.OutputLimitRetry(_logger, owner, subject, cause, larger);
                    budgetRaised = true;
                    chatOptions.MaxOutputTokens = larger;
                    reply--;
                    continue;
                }

                var message = $"'{owner}' got no answer from model '{model}' for {subject}: {cause}. "
                    + (_options.MaxOutputTokensOnTruncation is null
                        ? "Raise JudgeOptions.MaxOutputTokens, or set MaxOutputTokensOnTruncation to retry with a larger budget."
                        : "Raise JudgeOptions.MaxOutputTokensOnTruncation.");
                return new StructuredReply<T>(default, new JudgeError(JudgeErrorKind.OutputLimit, message), model, usage, state.Calls);
            }

            var (value, error) = parse(text);
            if (error is null)
            {
                return new StructuredReply<T>(value, null, model, usage, state.Calls);
            }

            ModelLog.InvalidReply(_logger, owner, subject, reply, maxReplies, error);
            if (reply == maxReplies)
            {
                var message = $"'{owner}' got no usable reply from model '{model}' for {subject} in {reply} attempt(s): {error}";
                return new StructuredReply<T>(default, new JudgeError(JudgeErrorKind.InvalidReply, message), model, usage, state.Calls);
            }

            messages.Add(new ChatMessage(ChatRole.Assistant, text));
            messages.Add(new ChatMessage(ChatRole.User, $"Your reply could not be used: {error} {formatReminder}"));
        }
    }

    // What the reply says about why it stopped: empty or cut off, the tokens it used and how many were hidden reasoning.
    private static string OutputLimitCause(ChatResponse response, int? budget)
    {
        var output = response.Usage?.OutputTokenCount;
        var reasoning = response.Usage?.ReasoningTokenCount;
        var spent = output is { } o
            ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{o:N0} output token(s){(reasoning is > 0 ? $", {reasoning:N0} of them hidden reasoning" : "")}")
            : "an unreported number of output tokens";
        var limit = budget is { } b ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"its budget of {b:N0}") : "the provider's default budget";
        return $"the reply was {(string.IsNullOrWhiteSpace(response.Text) ? "empty" : "cut off")} (finish reason 'length') after {spent}, {limit}";
    }

    // A refusal of the temperature setting itself (HTTP 400 naming it), not any failure that mentions it.
    private static bool RefusesTemperature(Exception exception) =>
        exception switch
        {
            ClientResultException { Status: 400 } e => NamesTemperature(e.Message),
            HttpRequestException { StatusCode: System.Net.HttpStatusCode.BadRequest } e => NamesTemperature(e.Message),
            _ => false,
        };

    private static bool NamesTemperature(string message) =>
        message.Contains("temperature", StringComparison.OrdinalIgnoreCase)
        && (message.Contains("unsupported", StringComparison.OrdinalIgnoreCase) || message.Contains("not supported", StringComparison.OrdinalIgnoreCase)
            || message.Contains("does not support", StringComparison.OrdinalIgnoreCase) || message.Contains("only the default", StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// The first request of an exchange: the messages and options every caller sends, the batch path included
    /// (<see cref="Evaluation.ChatBatchRequest"/>), so a batch asks exactly what a call would.
    /// </summary>
    public static (List<ChatMessage> Messages, ChatOptions Options) Request(string system, string user, JsonElement schema, float? temperature, int? maxOutputTokens = null) =>
        ([new(ChatRole.System, system), new(ChatRole.User, user)],
         new ChatOptions { ResponseFormat = ChatResponseFormat.ForJsonSchema(schema, "memalign_reply"), Temperature = temperature, MaxOutputTokens = maxOutputTokens });

    /// <summary>The tokens a response reports, cached input and reasoning tokens included.</summary>
    public static TokenUsage Usage(ChatResponse response) =>
        new(response.Usage?.InputTokenCount ?? 0, response.Usage?.OutputTokenCount ?? 0)
        {
            CachedInputTokens = response.Usage?.CachedInputTokenCount ?? 0,
            ReasoningTokens = response.Usage?.ReasoningTokenCount ?? 0,
        };

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
                    var reason = args.Outcome.Exception is { } e ? TransientFailures.Describe(e, _redactor) : "unknown";
                    ModelLog.TransientRetry(_logger, state.Owner, state.Subject, args.AttemptNumber + 1, (long)args.RetryDelay.TotalMilliseconds, reason);
                    return default;
                },
            });
        }

        builder.AddTimeout(_options.RequestTimeout);
        return builder.Build();
    }

    private sealed class CallState(string owner, string subject)
    {
        public string Owner { get; } = owner;

        public string Subject { get; } = subject;

        public int Calls { get; set; }
    }
}

/// <summary>The outcome of <see cref="StructuredChat.AskAsync"/>: a value, or an error.</summary>
internal sealed record StructuredReply<T>(T? Value, JudgeError? Error, string Model, TokenUsage Usage, int Calls);
