using MemAlign.Evaluation;

namespace MemAlign.Labeling;

/// <summary>
/// Orders traces for a second round of labeling: where the human labels already given disagree most first (by the
/// same measure as <see cref="DisagreedTrace.Disagreement"/>), the rest in their given order.
/// </summary>
public static class DisagreementRanking
{
    /// <summary>The traces' ids, most disagreed first (stable: equal ones keep their given order).</summary>
    /// <param name="definition">The judge (its name selects the labels, its value type the measure).</param>
    /// <param name="traces">The traces with their assessments.</param>
    public static IReadOnlyList<string> Order(JudgeDefinition definition, IReadOnlyList<Trace> traces)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(traces);
        var numeric = definition.ValueType.Kind is FeedbackTypeKind.Integer or FeedbackTypeKind.Number;
        return traces
            .Select((trace, index) => (trace.Id, index, Spread: HumanAgreement.Spread(
                [.. trace.Assessments.Where(a => a.Source.Type == AssessmentSourceType.Human && a.IsNamed(definition.Name) && !a.RatedOtherContentThan(trace)).Select(a => a.Value)], numeric)))
            .OrderByDescending(x => x.Spread)
            .ThenBy(x => x.index)
            .Select(x => x.Id)
            .ToList();
    }
}
