using System.Globalization;

namespace MemAlign.Tests.Evaluation;

/// <summary>The VADER ratings of Data/vader-every-15th as traces: one per token, one human assessment per rating, named by its rater slot.</summary>
internal static class VaderTraces
{
    /// <summary>The traces in file order, each rating made a value by <paramref name="value"/>.</summary>
    public static List<Trace> Load(string judge, Func<int, FeedbackValue> value)
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "Data", "vader-every-15th");
        var tokens = File.ReadLines(Path.Combine(folder, "items.csv")).Skip(1).Select(l => l.Split(',')).ToDictionary(f => f[0], f => f[1], StringComparer.Ordinal);
        return File.ReadLines(Path.Combine(folder, "labels.csv")).Skip(1).Select(l => l.Split(','))
            .GroupBy(f => f[0], StringComparer.Ordinal)
            .Select(ratings => ratings.Aggregate(Trace.Create(ratings.Key, tokens[ratings.Key], null), (trace, f) =>
                trace.WithAssessment(new Assessment(judge, value(int.Parse(f[2], CultureInfo.InvariantCulture)), AssessmentSource.Human(f[1])))))
            .ToList();
    }
}
