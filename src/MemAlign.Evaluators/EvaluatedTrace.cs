using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.AI.Evaluation;

namespace MemAlign.Evaluators;

/// <summary>The trace a judge is given for one evaluation: the conversation and the response, as the evaluation package passes them.</summary>
internal static class EvaluatedTrace
{
    public static Trace Create(IEnumerable<ChatMessage> messages, ChatResponse response, IReadOnlyList<JudgeTraceContext> contexts, TimeProvider clock)
    {
        var given = contexts.Count == 0 ? null : contexts;
        JsonElement? Field(Func<JudgeTraceContext, JsonElement?> field) => given?.Select(field).LastOrDefault(v => v is not null);

        return new Trace(given?.Select(c => c.TraceId).LastOrDefault(id => id is not null) ?? NewId())
        {
            Inputs = Field(c => c.Inputs) ?? Inputs(messages.ToList()),
            Outputs = Field(c => c.Outputs) ?? JsonSerializer.SerializeToElement(response.RenderText()),
            Expectations = Field(c => c.Expectations),
            CreatedAt = clock.GetUtcNow(),
        };
    }

    // One user turn (after any system prompt) is the request itself, as a rubric's "User query: {{ inputs }}" expects;
    // a longer conversation stays a message list, which {{ conversation }} reads turn by turn, so no turn is dropped.
    private static JsonElement? Inputs(List<ChatMessage> messages)
    {
        if (messages.Count == 0)
        {
            return null;
        }

        var turns = messages.Where(m => m.Role != ChatRole.System).ToList();
        if (turns.Count == 1 && turns[0].Role == ChatRole.User)
        {
            return JsonSerializer.SerializeToElement(turns[0].RenderText());
        }

        return JsonSerializer.SerializeToElement(messages.Select(m => new Dictionary<string, string> { ["role"] = m.Role.Value, ["content"] = m.RenderText() }));
    }

    // A fresh id: it matches no aligned example's trace, so an aligned judge recalls from its whole memory.
    private static string NewId() => "evaluation-" + Guid.NewGuid().ToString("N", CultureInfo.InvariantCulture);
}
