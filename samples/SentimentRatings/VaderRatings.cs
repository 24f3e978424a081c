using System.Globalization;
using MemAlign;

namespace SentimentRatings;

/// <summary>
/// Real multi-annotator data: 502 tokens of the VADER sentiment lexicon (every 15th), each rated by ten people
/// on -4..+4 (data/NOTICE.md has the source and licence). Each token becomes a trace; each rating a human
/// assessment named "sentiment" by its rater slot.
/// </summary>
internal static class VaderRatings
{
    public static List<Trace> Load(string folder)
    {
        var tokens = File.ReadLines(Path.Combine(folder, "vader-items.csv")).Skip(1)
            .Select(Row)
            .ToDictionary(f => f[0], f => f[1], StringComparer.Ordinal);
        return File.ReadLines(Path.Combine(folder, "vader-labels.csv")).Skip(1)
            .Select(Row)
            .GroupBy(f => f[0], StringComparer.Ordinal)
            .Select((ratings, index) => ratings.Aggregate(
                Trace.Create(ratings.Key, tokens[ratings.Key], null).WithTag("split", index % 4 == 3 ? "test" : "dev"),
                (trace, f) => trace.WithAssessment(new Assessment(SentimentJudge.JudgeName, int.Parse(f[2], CultureInfo.InvariantCulture), AssessmentSource.Human(f[1])))))
            .ToList();
    }

    // The files hold no quoted fields (no token contains a comma), so a row is its comma-separated fields.
    private static string[] Row(string line) => line.Split(',');
}
