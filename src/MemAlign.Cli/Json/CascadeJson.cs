using MemAlign.Evaluation;

namespace MemAlign.Cli.Json;

/// <summary>
/// <c>memalign experiment --cascade --json</c>: the local-first cascade on the held-out folds, every threshold with its
/// coverage and agreement, the threshold chosen for the target and the guarantee in words (null: none holds).
/// </summary>
/// <param name="TargetAgreement">The agreement the local answers must reach.</param>
/// <param name="Risk">The chance the guarantee may be wrong.</param>
/// <param name="HeldOut">Held-out traces scored.</param>
/// <param name="ModelStage">What answered the traces the local judge was unsure of, in words.</param>
/// <param name="Offline">Whether there was no LLM (the model stage is a stand-in and no call is really saved).</param>
/// <param name="ModelAgreement">The model stage alone on every held-out trace.</param>
/// <param name="MajorityAgreement">Always answering the training labels' most common value.</param>
/// <param name="MinimumCovered">Traces answered locally the bound needs at least, even if all agreed.</param>
/// <param name="ChosenThreshold">The loosest threshold that passed, or null.</param>
/// <param name="Guarantee">The guarantee, or why there is none.</param>
/// <param name="Points">Every threshold, strictest first.</param>
internal sealed record CascadeJson(double TargetAgreement, double Risk, int HeldOut, string ModelStage, bool Offline, IntervalJson? ModelAgreement, IntervalJson? MajorityAgreement,
    int MinimumCovered, double? ChosenThreshold, string Guarantee, IReadOnlyList<CascadePointJson> Points)
{
    public static CascadeJson? From(CascadeReport? report) => report is null ? null : new(report.TargetAgreement, report.Risk, report.HeldOut, report.ModelStage, report.Offline,
        IntervalJson.From(report.ModelAgreement), IntervalJson.From(report.MajorityAgreement), report.MinimumCovered, report.ChosenThreshold, report.Guarantee,
        [.. report.Points.Select(CascadePointJson.From)]);
}

/// <summary>One threshold of the cascade.</summary>
/// <param name="Threshold">The confidence the local verdict must reach.</param>
/// <param name="Covered">Held-out traces answered locally.</param>
/// <param name="Coverage">Their share: the model calls saved, as a share.</param>
/// <param name="ModelCalls">Held-out traces left to the model stage.</param>
/// <param name="LocalAgreements">Of the covered traces, those where the local verdict equals the human label.</param>
/// <param name="LocalAgreement">Their share, with the exact 95% interval; null when none is covered.</param>
/// <param name="LowerBound">The exact one-sided lower bound at 1 - risk.</param>
/// <param name="PValue">The exact binomial test's p-value against the target.</param>
/// <param name="MajorityAgreement">The majority reference on the covered traces.</param>
/// <param name="CascadeAgreement">The whole cascade's agreement on every held-out trace, with its exact 95% interval.</param>
/// <param name="Outcome">passed, failed, too_few or not_tested.</param>
internal sealed record CascadePointJson(double Threshold, int Covered, double Coverage, int ModelCalls, int LocalAgreements, IntervalJson? LocalAgreement, double? LowerBound,
    double? PValue, double? MajorityAgreement, IntervalJson? CascadeAgreement, string Outcome)
{
    public static CascadePointJson From(CascadePoint point) => new(point.Threshold, point.Covered, point.Coverage, point.HeldOut - point.Covered, point.LocalAgreements,
        IntervalJson.From(point.LocalAgreement), point.LowerBound, point.PValue, point.MajorityAgreement, IntervalJson.From(point.CascadeAgreement), point.Outcome switch
        {
            CascadeTestOutcome.Passed => "passed",
            CascadeTestOutcome.Failed => "failed",
            CascadeTestOutcome.TooFew => "too_few",
            _ => "not_tested",
        });
}

/// <summary><c>memalign evaluate --cascade --json</c>: which stage answered the run's results (those kept from a resumed run included).</summary>
/// <param name="Threshold">The confidence the local verdict had to reach.</param>
/// <param name="AnsweredLocally">Traces the local judge answered (no model call).</param>
/// <param name="AnsweredByModel">Traces the model answered.</param>
/// <param name="ModelCallsSaved">Model calls not made: one per trace answered locally.</param>
/// <param name="Unanswered">Results no stage answered (an error before either, such as a missing field, or a result kept from a run without the cascade).</param>
internal sealed record CascadeRunJson(double Threshold, int AnsweredLocally, int AnsweredByModel, int ModelCallsSaved, int Unanswered)
{
    public static CascadeRunJson? From(double? threshold, IReadOnlyList<EvaluationRecord> records) => threshold is { } t
        ? new(t, records.Count(r => r.AnsweredBy == CascadeStage.Local), records.Count(r => r.AnsweredBy == CascadeStage.Model),
            records.Count(r => r.AnsweredBy == CascadeStage.Local), records.Count(r => r.AnsweredBy is null))
        : null;
}
