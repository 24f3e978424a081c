using System.Text.Json;
using MemAlign.Import;

namespace MemAlign.Tests;

/// <summary>
/// The multi-turn data set of Data/conversations: 16 support conversations in 8 topics, one of each topic to align on
/// (tag split=align) and one to test with (split=test), each labelled by an expert for the <c>resolution</c> judge.
/// </summary>
internal static class ConversationData
{
    public static readonly JudgeDefinition Resolution = JudgeDefinition.Create(
        "resolution", "Was the customer's problem resolved by the end of this support conversation?\n{{ conversation }}", FeedbackValueType.Boolean);

    public static string FilePath { get; } = Path.Combine(AppContext.BaseDirectory, "Data", "conversations", "support-conversations.jsonl");

    public static IReadOnlyList<Trace> All { get; } = TraceFile.Read(FilePath).Select(l => l.Trace ?? throw new InvalidDataException($"{FilePath}:{l.Line}: {l.Error}")).ToList();

    public static IReadOnlyList<Trace> Align => [.. All.Where(t => t.Tags["split"] == "align")];

    public static IReadOnlyList<Trace> Test => [.. All.Where(t => t.Tags["split"] == "test")];

    public static string Topic(string traceId) => All.Single(t => t.Id == traceId).Tags["topic"];

    /// <summary>
    /// <paramref name="trace"/> with <paramref name="fillerTurns"/> turns of small talk between its first user turn and the
    /// rest: a conversation far over any embedder's budget whose beginning and end still say what it is about.
    /// </summary>
    public static Trace WithLongMiddle(Trace trace, int fillerTurns, string? id = null)
    {
        var turns = trace.Inputs!.Value.EnumerateArray().Select(m => (object)m).ToList();
        var filler = Enumerable.Range(0, fillerTurns).Select(i => (object)new Dictionary<string, string>
        {
            ["role"] = i % 2 == 0 ? "assistant" : "user",
            ["content"] = $"Filler remark {i}: the weather in the harbour town was grey again, the ferries ran late, the gulls argued over chips on the pier, "
                + "and someone's umbrella blew inside out near the lighthouse while a brass band rehearsed marches for the summer fair.",
        });
        var inputs = JsonSerializer.SerializeToElement(turns.Take(1).Concat(filler).Concat(turns.Skip(1)));
        return new Trace(id ?? trace.Id + "-long")
        {
            Inputs = inputs,
            Outputs = trace.Outputs,
            Tags = trace.Tags,
            Assessments = [.. trace.Assessments.Select(a => a with { Id = a.Id + "-long" })],
        };
    }
}
