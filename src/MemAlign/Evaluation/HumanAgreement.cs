using System.Globalization;
using MemAlign.Reporting;

namespace MemAlign.Evaluation;

/// <summary>A trace the experts disagree on most.</summary>
/// <param name="TraceId">The trace.</param>
/// <param name="Labels">Each reviewer's label, by reviewer.</param>
/// <param name="Disagreement">
/// How much the labels differ: the share of labels outside the most common value for categories (0 when
/// unanimous), or the standard deviation of the values for numbers.
/// </param>
public sealed record DisagreedTrace(string TraceId, IReadOnlyDictionary<string, string> Labels, double Disagreement);

/// <summary>
/// How much the human experts agree with each other on the traces they labelled for one judge: the ceiling a
/// judge can be held to, and a check worth making before paying for alignment. Computed over traces with two or
/// more usable human labels named like the judge (labels that rated replaced content or that the judge cannot
/// take are left out).
/// </summary>
public sealed record HumanAgreement
{
    /// <summary>Krippendorff's (2004) bound for drawing tentative conclusions: the default threshold of <see cref="IsBelow"/>.</summary>
    public const double DefaultThreshold = 0.667;

    /// <summary>The judge whose labels these are.</summary>
    public required string JudgeName { get; init; }

    /// <summary>Traces with at least one usable human label.</summary>
    public required int LabelledTraces { get; init; }

    /// <summary>Traces with two or more usable human labels: those agreement is measured on.</summary>
    public required int MultiplyLabelledTraces { get; init; }

    /// <summary>Distinct reviewers.</summary>
    public required int Reviewers { get; init; }

    /// <summary>The statistics with bootstrap intervals over traces; <see langword="null"/> when no trace has two labels.</summary>
    public InterRaterAgreement? Statistics { get; init; }

    /// <summary>The statistic the threshold checks: Krippendorff's alpha, nominal for pass/fail and categorical judges, interval for numeric ones.</summary>
    public required string CheckStatistic { get; init; }

    /// <summary>Its value, or <see langword="null"/> when undefined.</summary>
    public double? CheckValue { get; init; }

    /// <summary>Its bootstrap interval.</summary>
    public ConfidenceInterval? CheckInterval { get; init; }

    /// <summary>The traces the experts disagree on most, most disagreed first (at most 10).</summary>
    public IReadOnlyList<DisagreedTrace> MostDisagreed { get; init; } = [];

    /// <summary>
    /// Usable labels given after their giver had seen the judge's verdict (<see cref="Assessment.JudgeShown"/>): anchored on the
    /// judge, so left out of the figures unless <see cref="IncludesNonBlindLabels"/>.
    /// </summary>
    public int NonBlindLabels { get; init; }

    /// <summary>Whether the figures include the <see cref="NonBlindLabels"/> (asked for); by default they are left out.</summary>
    public bool IncludesNonBlindLabels { get; init; }

    /// <summary>Whether agreement was measured (at least two traces with two or more labels).</summary>
    public bool IsMeasured => CheckValue is not null;

    /// <summary>Whether the measured agreement is below <paramref name="threshold"/>.</summary>
    public bool IsBelow(double threshold) => CheckValue is { } value && value < threshold;

    /// <summary>Measures the agreement among the human labels for <paramref name="definition"/> on <paramref name="traces"/>.</summary>
    /// <param name="definition">The judge (its name selects the labels, its value type the statistics).</param>
    /// <param name="traces">The traces.</param>
    /// <param name="resamples">Bootstrap resamples (default 2,000).</param>
    /// <param name="seed">The bootstrap's seed.</param>
    /// <param name="includeNonBlind">Whether to count labels given after their giver saw the judge's verdict (left out by default: they anchor on it).</param>
    public static HumanAgreement Compute(JudgeDefinition definition, IEnumerable<Trace> traces, int resamples = 2_000, int seed = PairedBootstrap.DefaultSeed, bool includeNonBlind = false)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(traces);
        var type = definition.ValueType;
        var numeric = type.Kind is FeedbackTypeKind.Integer or FeedbackTypeKind.Number;
        var labels = new List<(string Trace, string Reviewer, FeedbackValue Value)>();
        var nonBlind = 0;
        foreach (var trace in traces.DistinctBy(t => t.Id))
        {
            // One label per reviewer: the most recent, as the store keeps one current label per reviewer.
            foreach (var byReviewer in trace.Assessments
                .Where(a => a.Source.Type == AssessmentSourceType.Human && a.IsNamed(definition.Name) && !a.RatedOtherContentThan(trace))
                .GroupBy(a => a.Source.Id, StringComparer.Ordinal))
            {
                var latest = byReviewer.MaxBy(a => a.UpdatedAt)!;
                if (type.TryNormalize(latest.Value, out var value, out _))
                {
                    if (!latest.IsBlind)
                    {
                        nonBlind++;
                        if (!includeNonBlind)
                        {
                            continue;
                        }
                    }

                    labels.Add((trace.Id, byReviewer.Key, value));
                }
            }
        }

        var byTrace = labels.GroupBy(l => l.Trace, StringComparer.Ordinal).ToList();
        var several = byTrace.Where(g => g.Count() >= 2).ToList();
        var statistic = numeric ? "Krippendorff's alpha (interval)" : "Krippendorff's alpha (nominal)";
        var result = new HumanAgreement
        {
            JudgeName = definition.Name,
            LabelledTraces = byTrace.Count,
            MultiplyLabelledTraces = several.Count,
            Reviewers = labels.Select(l => l.Reviewer).Distinct(StringComparer.Ordinal).Count(),
            CheckStatistic = statistic,
            NonBlindLabels = nonBlind,
            IncludesNonBlindLabels = includeNonBlind,
        };
        if (several.Count < 2)
        {
            return result;
        }

        var rows = several.SelectMany(g => g);
        var table = numeric
            ? RatingTable.FromNumbers(rows.Select(l => (l.Trace, l.Reviewer, (double?)l.Value.AsNumber())))
            : RatingTable.FromCategories(rows.Select(l => (l.Trace, l.Reviewer, (string?)l.Value.ToString())),
                orderedCategories: null);
        var statistics = InterRaterAgreement.Compute(table, resamples, seed);
        return result with
        {
            Statistics = statistics,
            CheckValue = numeric ? statistics.AlphaInterval : statistics.AlphaNominal,
            CheckInterval = numeric ? statistics.AlphaIntervalInterval : statistics.AlphaNominalInterval,
            MostDisagreed = several
                .Select(g => new DisagreedTrace(g.Key, g.OrderBy(l => l.Reviewer, StringComparer.Ordinal).ToDictionary(l => l.Reviewer, l => l.Value.ToString(), StringComparer.Ordinal),
                    Spread(g.Select(l => l.Value).ToList(), numeric)))
                .Where(d => d.Disagreement > 0)
                .OrderByDescending(d => d.Disagreement)
                .ThenBy(d => d.TraceId, StringComparer.Ordinal)
                .Take(10)
                .ToList(),
        };
    }

    /// <summary>One line: the check statistic with its interval, on how many traces and reviewers.</summary>
    public override string ToString() => (IsMeasured
        ? $"{CheckStatistic} {Figures.Value(CheckValue)}{Figures.IntervalNote(CheckInterval)}"
          + string.Create(CultureInfo.InvariantCulture, $" among {Reviewers} reviewer(s) on {MultiplyLabelledTraces} trace(s) labelled more than once")
        : string.Create(CultureInfo.InvariantCulture, $"not measured: {MultiplyLabelledTraces} trace(s) carry two or more {(IncludesNonBlindLabels ? "" : "blind ")}human labels named '{JudgeName}' (two are needed)"))
        + BlindNote;

    // Says how many labels were given after seeing the judge, and whether they count.
    private string BlindNote => NonBlindLabels == 0 ? "" : IncludesNonBlindLabels
        ? string.Create(CultureInfo.InvariantCulture, $"; includes {NonBlindLabels} label(s) given after seeing the judge's verdict")
        : string.Create(CultureInfo.InvariantCulture, $"; {NonBlindLabels} label(s) given after seeing the judge's verdict left out (blind labels only)");

    /// <summary>
    /// How much labels of one trace differ (see <see cref="DisagreedTrace.Disagreement"/>): the share outside the most
    /// common value for categories, the standard deviation for numbers; 0 for fewer than two.
    /// </summary>
    internal static double Spread(IReadOnlyList<FeedbackValue> labels, bool numeric)
    {
        if (labels.Count < 2)
        {
            return 0;
        }

        if (!numeric)
        {
            return 1.0 - ((double)labels.GroupBy(v => v).Max(v => v.Count()) / labels.Count);
        }

        var mean = labels.Average(v => v.AsNumber());
        return Math.Sqrt(labels.Sum(v => (v.AsNumber() - mean) * (v.AsNumber() - mean)) / labels.Count);
    }
}
