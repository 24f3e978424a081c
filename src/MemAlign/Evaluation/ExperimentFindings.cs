using System.Globalization;
using MemAlign.Reporting;

namespace MemAlign.Evaluation;

/// <summary>
/// What an experiment's figures mean, in sentences every report format prints the same: whether verdicts came
/// from the local judge, where the aligned judge stands against always answering the majority label, and where
/// it stands against the experts' agreement with each other, and for a pairwise judge whether alignment changed its position consistency.
/// </summary>
internal static class ExperimentFindings
{
    public static List<string> For(ExperimentReport report)
    {
        var findings = new List<string>();
        if (report.Offline)
        {
            findings.Add("Offline: the verdicts come from the local judge (a vote of the aligned examples most similar to each trace, no LLM); "
                + "the figures show the workflow and the data, not what a model would score.");
        }

        findings.Add(Invariant($"Baseline: {report.Baseline}."));
        var primary = report.Primary;
        if (primary.Majority is { } majority && primary.Aligned is { } aligned)
        {
            var versus = primary.VersusMajority;
            var where = versus is null ? "compared with"
                : versus.ExcludesZero ? (primary.BelowMajority ? "significantly below" : "significantly better than")
                : primary.BelowMajority ? "below (not significantly)" : "not significantly different from";
            findings.Add(Invariant($"Majority reference: always answering '{report.MajorityLabel}' scores {primary.Name} {Figures.Value(majority.Estimate)} (kappa 0); ")
                + Invariant($"the aligned judge's {Figures.Value(aligned.Estimate)} is {where} it")
                + (versus is null ? "." : Invariant($" (difference {Figures.Signed(versus.Estimate)}, {Figures.Interval(versus)}).")));
        }

        if (report.NotApplicableDeclared && report.Metrics.FirstOrDefault(m => m.Name == AlignmentExperiment.ApplicabilityMetrics[0]) is { Aligned: { } applicable } accuracy)
        {
            // Applicability is its own question: the scale's figures above cover only the rows both sides found applicable.
            var kappa = report.Metrics.FirstOrDefault(m => m.Name == AlignmentExperiment.ApplicabilityMetrics[1])?.Aligned;
            findings.Add(Invariant($"Applicability ('not applicable' is {report.NotApplicable}): the aligned judge and the humans agree whether the question applies on {Figures.Value(applicable.Estimate)}{Figures.IntervalNote(applicable)} of the held-out rows, ")
                + Invariant($"kappa {Figures.Value(kappa?.Estimate)}; always answering the training labels' most common value scores {Figures.Value(accuracy.Majority?.Estimate)}. ")
                + Invariant($"The {report.Primary.Name} and the other scale figures cover the rows both found applicable."));
        }

        findings.Add(HumanBand(report));
        if (Position(report) is { } position)
        {
            findings.Add(position);
        }

        if (report.Cascade is { } cascade)
        {
            findings.Add(cascade.Guarantee);
        }

        if (report.LabelResolution.MultiplyLabelled > 0)
        {
            findings.Add(Invariant($"Labels: {report.LabelResolution.MultiplyLabelled} trace(s) carry several human labels; rule {report.LabelRule}: {report.LabelResolution}."));
        }

        return findings;
    }

    // The judge's chance-corrected agreement with the experts' label against the experts' agreement with each other.
    private static string HumanBand(ExperimentReport report)
    {
        if (report.HumanAgreement is not { Statistics: { } humans } agreement)
        {
            return "Human-human agreement: " + (report.HumanAgreement?.ToString() ?? "not measured") + "; the judge cannot be compared with the experts' own consistency.";
        }

        var numeric = report.Metrics.Any(m => m.Name == "MAE");
        var (name, human, interval, judgeMetric) = numeric
            ? ("Krippendorff's alpha (interval)", humans.AlphaInterval, humans.AlphaIntervalInterval, report.Metrics.FirstOrDefault(m => m.Name == "Krippendorff's alpha (interval)"))
            : ("Cohen's kappa (mean over pairs of experts)", humans.MeanCohensKappa, humans.MeanCohensKappaInterval, report.Kappa);
        var text = Invariant($"Human-human agreement: {name} {Figures.Value(human)}")
            + Figures.IntervalNote(interval)
            + Invariant($" among {agreement.Reviewers} reviewer(s) on {agreement.MultiplyLabelledTraces} trace(s) labelled more than once");
        if (judgeMetric?.Aligned is not { } judge || interval is null)
        {
            return text + ".";
        }

        var position = judge.Estimate < interval.Lower ? "below the human band"
            : judge.Estimate > interval.Upper ? "above the human band (the judge agrees with the experts' resolved label more than experts agree with each other)"
            : "within the human band";
        return text + Invariant($"; the aligned judge's {(numeric ? "alpha" : "kappa")} with the experts' label, {Figures.Value(judge.Estimate)}, is {position}.");
    }

    // A pairwise judge's position consistency, aligned against baseline. The two exact intervals are compared as they are:
    // overlapping intervals do not show a change, and the report holds no paired test of the two on the same pairs.
    private static string? Position(ExperimentReport report)
    {
        if (report.AlignedPositionConsistency is not { } aligned)
        {
            return null;
        }

        static string Describe(PositionConsistency p) =>
            Invariant($"{Figures.Value(p.Rate)} ({Figures.Interval(p.Interval)}, {p.Consistent} of {p.Pairs} pair(s))");
        var text = "Position consistency (the same answer with either candidate first): the aligned judge's " + Describe(aligned);
        if (report.BaselinePositionConsistency is not { } baseline)
        {
            return text + Invariant($", with no baseline to compare it with. Position-inconsistent verdicts: {Figures.Value(aligned.InconsistentShare)}.");
        }

        var change = aligned.Rate - baseline.Rate;
        var verdict = change is 0.0 ? "unchanged"
            : aligned.Interval is not { } a || baseline.Interval is not { } b ? Invariant($"a change of {Figures.Signed(change)}")
            : a.Lower <= b.Upper && b.Lower <= a.Upper ? Invariant($"a change of {Figures.Signed(change)}, but the intervals overlap, so the change is not shown to be significant")
            : Invariant($"a change of {Figures.Signed(change)}; the intervals do not overlap");
        return text + " against the baseline's " + Describe(baseline) + ": " + verdict + ". "
            + Invariant($"Position-inconsistent verdicts: aligned {Figures.Value(aligned.InconsistentShare)}, baseline {Figures.Value(baseline.InconsistentShare)}.");
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
