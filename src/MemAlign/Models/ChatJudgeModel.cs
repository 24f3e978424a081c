using MemAlign.Prompting;
using Microsoft.Extensions.AI;

namespace MemAlign.Models;

/// <summary>Judges with an LLM: the judge's prompt as a structured exchange whose reply must be a verdict of the judge's value type.</summary>
internal sealed class ChatJudgeModel(IChatClient client, JudgeOptions options, string? configuredModel) : IJudgeModel
{
    private readonly StructuredChat _chat = new(client, options, configuredModel);

    public string Id => _chat.ModelId;

    public async Task<ModelJudgement> JudgeAsync(JudgePrompt prompt, CancellationToken cancellationToken)
    {
        var valueType = prompt.Definition.ValueType;
        var reply = await _chat.AskAsync<VerdictReply>(
            $"Judge '{prompt.Definition.Name}'",
            $"trace '{prompt.TraceId}'",
            prompt.SystemText,
            prompt.UserText,
            ResultSchema.For(valueType),
            text => VerdictReply.Parse(text, valueType) is var parsed && parsed.Error is null ? (parsed, null) : (default(VerdictReply), parsed.Error),
            $"Reply again with only the JSON object {{\"rationale\": \"...\", \"result\": ...}}, where \"result\" is {valueType.Describe()}.",
            cancellationToken).ConfigureAwait(false);
        return new ModelJudgement(reply.Value.Value, reply.Value.Rationale, reply.Error, reply.Model, reply.Usage, reply.Calls);
    }
}
