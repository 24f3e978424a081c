namespace MemAlign.Evaluation;

/// <summary>
/// Agreement of a judge with human labels on a pass/fail or categorical judgement: accuracy, Cohen's
/// kappa, the confusion matrix and per-class precision and recall (TPR and TNR for pass/fail).
/// A statistic that is undefined for the data (no rows; kappa when both raters use one class only) is <see langword="null"/>.
/// </summary>
public sealed record CategoricalAgreement
{
    /// <summary>The classes, in a stable order (for pass/fail: true, then false).</summary>
    public required IReadOnlyList<string> Classes { get; init; }

    /// <summary>Rows where both a human label and a judge value exist.</summary>
    public required int Count { get; init; }

    /// <summary>Share of rows where the judge agrees with the human.</summary>
    public double? Accuracy { get; init; }

    /// <summary>Cohen's kappa: agreement beyond chance.</summary>
    public double? CohensKappa { get; init; }

    /// <summary>Counts by [human class, judge class], indexed like <see cref="Classes"/>.</summary>
    public required int[,] ConfusionMatrix { get; init; }

    /// <summary>Per class: of the judge's calls of the class, the share humans agree with.</summary>
    public required IReadOnlyDictionary<string, double?> Precision { get; init; }

    /// <summary>Per class: of the human labels of the class, the share the judge found (TPR for "true", TNR for "false").</summary>
    public required IReadOnlyDictionary<string, double?> Recall { get; init; }

    /// <summary>Computes the statistics over (human, judge) pairs.</summary>
    /// <param name="pairs">The labels, as text ("true"/"false", or the option).</param>
    /// <param name="classes">The classes in the order to report; defaults to those seen, sorted (true before false).</param>
    public static CategoricalAgreement Compute(IReadOnlyList<(string Human, string Judge)> pairs, IReadOnlyList<string>? classes = null)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        var order = classes?.ToList() ?? pairs.SelectMany(p => new[] { p.Human, p.Judge }).Distinct(StringComparer.Ordinal)
            .OrderBy(c => c == "true" ? 0 : c == "false" ? 1 : 2).ThenBy(c => c, StringComparer.Ordinal).ToList();
        foreach (var extra in pairs.SelectMany(p => new[] { p.Human, p.Judge }).Where(c => !order.Contains(c)).Distinct(StringComparer.Ordinal).ToList())
        {
            order.Add(extra);
        }

        var index = order.Select((c, i) => (c, i)).ToDictionary(x => x.c, x => x.i, StringComparer.Ordinal);
        var k = order.Count;
        var matrix = new int[k, k];
        foreach (var (human, judge) in pairs)
        {
            matrix[index[human], index[judge]]++;
        }

        var n = pairs.Count;
        var precision = new Dictionary<string, double?>(StringComparer.Ordinal);
        var recall = new Dictionary<string, double?>(StringComparer.Ordinal);
        double agree = 0, chance = 0;
        for (var c = 0; c < k; c++)
        {
            var predicted = 0;
            var actual = 0;
            for (var o = 0; o < k; o++)
            {
                predicted += matrix[o, c];
                actual += matrix[c, o];
            }

            agree += matrix[c, c];
            chance += n == 0 ? 0 : (double)predicted / n * actual / n;
            precision[order[c]] = predicted == 0 ? null : (double)matrix[c, c] / predicted;
            recall[order[c]] = actual == 0 ? null : (double)matrix[c, c] / actual;
        }

        double? accuracy = n == 0 ? null : agree / n;
        var kappa = n == 0 || chance >= 1 ? null : (accuracy - chance) / (1 - chance);
        return new CategoricalAgreement
        {
            Classes = order,
            Count = n,
            Accuracy = accuracy,
            CohensKappa = kappa,
            ConfusionMatrix = matrix,
            Precision = precision,
            Recall = recall,
        };
    }
}
