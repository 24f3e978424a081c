using MemAlign.Import;

namespace MemAlign.Tests;

/// <summary>
/// The pairwise data set of Data/pairwise: 20 support questions, each with two candidate replies (outputs a and b) and an
/// expert's preference (A, B or Tie, 4 ties), 15 to align on (tag split=align) and 5 held out (split=test).
/// </summary>
internal static class PairwiseData
{
    public static readonly JudgeDefinition SupportPreference = JudgeDefinition.Create(
        "support_preference",
        "Which support reply answers the customer better, A or B, or is it a tie?\nCustomer: {{ inputs }}\nReplies: {{ outputs }}",
        FeedbackValueType.Preference);

    public static string FilePath { get; } = Path.Combine(AppContext.BaseDirectory, "Data", "pairwise", "support-pairs.jsonl");

    public static IReadOnlyList<Trace> All { get; } = TraceFile.Read(FilePath).Select(l => l.Trace ?? throw new InvalidDataException($"{FilePath}:{l.Line}: {l.Error}")).ToList();

    public static IReadOnlyList<Trace> Align => [.. All.Where(t => t.Tags["split"] == "align")];

    public static IReadOnlyList<Trace> Test => [.. All.Where(t => t.Tags["split"] == "test")];
}
