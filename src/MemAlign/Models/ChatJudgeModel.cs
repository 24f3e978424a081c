using MemAlign.Evaluation;
using MemAlign.Prompting;
using Microsoft.Extensions.AI;

namespace MemAlign.Models;

/// <summary>Judges with an LLM: the judge's prompt as a structured exchange whose reply must be a verdict of the judge's value type.</summary>
internal sealed class ChatJudgeModel(IChatClient client, JudgeOptions options, string? configuredModel) : IJudgeModel
{
    private readonly StructuredChat _chat = new(client, options, configuredModel);

    public string Id => _chat.ModelId;

    /// <summary>The model's batch API, when its client offers one (<see cref="IChatClient.GetService"/>).</summary>
    public IBatchChatClient? BatchClient => client.GetService<IBatchChatClient>();

    public async Task<ModelJudgement> JudgeAsync(JudgePrompt prompt, CancellationToken cancellationToken)
    {
        var valueType = prompt.Definition.ValueType;
        var reply = await _chat.AskAsync<VerdictReply>(
            Owner(prompt),
            Subject(prompt),
            prompt.SystemText,
            prompt.UserText,
            ResultSchema.For(valueType),
            text => Parse(text, valueType),
            $"Reply again with only the JSON object {{\"rationale\": \"...\", \"result\": ...}}, where \"result\" is {valueType.Describe()}.",
            cancellationToken).ConfigureAwait(false);
        return new ModelJudgement(reply.Value.Value, reply.Value.Rationale, reply.Error, reply.Model, reply.Usage, reply.Calls);
    }

    /// <summary>The request <see cref="JudgeAsync"/> would send first for <paramref name="prompt"/>, as one row of a batch.</summary>
    public ChatBatchRequest BatchRequest(JudgePrompt prompt)
    {
        var (messages, chatOptions) = StructuredChat.Request(prompt.SystemText, prompt.UserText, ResultSchema.For(prompt.Definition.ValueType), options.Temperature);
        return new ChatBatchRequest(prompt.TraceId, messages, chatOptions);
    }

    /// <summary>
    /// A batch row's outcome read as <see cref="JudgeAsync"/> reads a reply. A batch cannot feed an unusable reply back
    /// for another try, so it is an <see cref="JudgeErrorKind.InvalidReply"/> error at once.
    /// </summary>
    public ModelJudgement FromBatch(JudgePrompt prompt, ChatBatchResult result, string batchId)
    {
        if (result.Response is not { } response)
        {
            var message = $"'{Owner(prompt)}' got no reply from model '{Id}' for {Subject(prompt)} in batch '{batchId}': {result.Error ?? "the batch gave neither a reply nor an error"}";
            return new ModelJudgement(null, null, new JudgeError(JudgeErrorKind.ModelFailure, message), Id, default, 1);
        }

        var model = response.ModelId ?? Id;
        var usage = StructuredChat.Usage(response);
        var (reply, error) = Parse(response.Text, prompt.Definition.ValueType);
        return error is null
            ? new ModelJudgement(reply.Value, reply.Rationale, null, model, usage, 1)
            : new ModelJudgement(null, null, new JudgeError(JudgeErrorKind.InvalidReply,
                $"'{Owner(prompt)}' got no usable reply from model '{model}' for {Subject(prompt)} in batch '{batchId}' (a batch reply is not retried): {error}"), model, usage, 1);
    }

    private static (VerdictReply Value, string? Error) Parse(string? text, FeedbackValueType valueType) =>
        VerdictReply.Parse(text, valueType) is var parsed && parsed.Error is null ? (parsed, null) : (default, parsed.Error);

    private static string Owner(JudgePrompt prompt) => $"Judge '{prompt.Definition.Name}'";

    private static string Subject(JudgePrompt prompt) => $"trace '{prompt.TraceId}'";
}
