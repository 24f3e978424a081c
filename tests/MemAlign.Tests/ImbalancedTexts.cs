namespace MemAlign.Tests;

/// <summary>
/// Seeded synthetic pass/fail sets with a minority class: each text is eight noise words from a
/// 400-word vocabulary plus, independently, each of three signal words with a probability that depends
/// on the label. Equal probabilities give a set with no signal at all.
/// </summary>
internal static class ImbalancedTexts
{
    public static readonly JudgeDefinition Definition = JudgeDefinition.Create("flagged", "Is this text flagged? {{ inputs }}", FeedbackValueType.Boolean);

    private static readonly string[] Signal = ["zorblat", "quimnex", "fandrel"];

    /// <summary>Traces labelled true with probability <paramref name="minorityRate"/>, ids <c>{prefix}-{i}</c>.</summary>
    public static List<Trace> Generate(int seed, int count, double minorityRate, double signalIfMinority, double signalIfMajority, string prefix)
    {
        var random = new Random(seed);
        var vocabulary = Vocabulary(400);
        var traces = new List<Trace>(count);
        for (var i = 0; i < count; i++)
        {
            var minority = random.NextDouble() < minorityRate;
            var words = Enumerable.Range(0, 8).Select(_ => vocabulary[random.Next(vocabulary.Length)]).ToList();
            foreach (var signal in Signal)
            {
                if (random.NextDouble() < (minority ? signalIfMinority : signalIfMajority))
                {
                    words.Insert(random.Next(words.Count + 1), signal);
                }
            }

            var id = $"{prefix}-{i:D4}";
            traces.Add(Trace.Create(id, string.Join(' ', words), "n/a")
                .WithAssessment(new Assessment(Definition.Name, minority, AssessmentSource.Human("expert"), minority ? "Flagged." : "Not flagged.")));
        }

        return traces;
    }

    // Made-up words: their hashed features rarely collide with each other or with the signal words.
    private static string[] Vocabulary(int size)
    {
        var random = new Random(7);
        const string Letters = "abcdefghijklmnopqrstuvwxyz";
        return Enumerable.Range(0, size).Select(_ => new string(Enumerable.Range(0, 5 + random.Next(4)).Select(_ => Letters[random.Next(Letters.Length)]).ToArray())).ToArray();
    }
}
