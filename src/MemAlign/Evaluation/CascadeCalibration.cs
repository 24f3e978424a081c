using System.Globalization;
using MemAlign.Reporting;

namespace MemAlign.Evaluation;

/// <summary>
/// Chooses a cascade's threshold on held-out data with a guarantee (see <see cref="CascadeReport"/>). Each threshold λ
/// is the hypothesis "the local answers with confidence ≥ λ agree with the humans less than the target"; the exact
/// binomial test rejects it when P(X ≥ agreements | covered, target) ≤ risk, which is the same as the exact
/// (Clopper-Pearson) lower bound at 1 - risk reaching the target. Fixed-sequence testing tries the thresholds strictest
/// first and stops at the first it cannot reject, so the family-wise error stays at the risk without any correction:
/// with probability at least 1 - risk, every threshold it passed (and so the loosest, the one chosen) is sound.
/// The thresholds are a fixed grid decided before the data. The strictest ones cover few traces (the local judge's
/// confidences rarely reach 0.99), and a threshold covering fewer than the bound needs even if all agreed could only
/// stop the sequence at once, so those are passed over: the sequence starts at the strictest threshold that covers
/// enough. Coverage only grows as the threshold loosens, so that start depends on the judge's confidences alone, never
/// on agreement with the humans; the bound at each threshold tested is exact.
/// </summary>
internal static class CascadeCalibration
{
    // Confidences are computed in floating point: 0.9 may come back as 0.8999999999999999.
    private const double Tolerance = 1e-9;

    /// <summary>One held-out trace: the human label, the local verdict and its confidence, the model stage's value and the majority reference.</summary>
    internal sealed record Row(FeedbackValue Human, FeedbackValue? Local, double? Confidence, FeedbackValue? Model, FeedbackValue Majority);

    public static CascadeReport Build(IReadOnlyList<Row> rows, CascadeExperimentOptions options, string modelStage, bool offline)
    {
        options.Validate();
        var (target, risk) = (options.TargetAgreement, options.Risk);
        var minimum = ClopperPearson.MinimumTrials(target, risk);
        var points = new List<CascadePoint>();
        var stopped = false;
        double? chosen = null;
        foreach (var threshold in options.Thresholds.Distinct().OrderDescending())
        {
            var covered = rows.Where(r => Covers(r, threshold)).ToList();
            var agreements = covered.Count(r => r.Local!.Equals(r.Human));
            var cascade = rows.Count(r => (Covers(r, threshold) ? r.Local : r.Model)?.Equals(r.Human) == true);
            var point = new CascadePoint(threshold, covered.Count, rows.Count)
            {
                LocalAgreements = agreements,
                LocalAgreement = ClopperPearson.Interval(agreements, covered.Count),
                LowerBound = covered.Count == 0 ? null : ClopperPearson.Lower(agreements, covered.Count, risk),
                PValue = covered.Count == 0 ? null : ClopperPearson.UpperTail(agreements, covered.Count, target),
                MajorityAgreement = covered.Count == 0 ? null : (double)covered.Count(r => r.Majority.Equals(r.Human)) / covered.Count,
                CascadeAgreement = ClopperPearson.Interval(cascade, rows.Count),
            };
            if (!stopped)
            {
                // Too few covered: passed over, without stopping (only the strictest thresholds, before the sequence starts).
                var outcome = covered.Count < minimum ? CascadeTestOutcome.TooFew : point.PValue <= risk ? CascadeTestOutcome.Passed : CascadeTestOutcome.Failed;
                point = point with { Outcome = outcome };
                stopped = outcome == CascadeTestOutcome.Failed;
                chosen = outcome == CascadeTestOutcome.Passed ? threshold : chosen;
            }

            points.Add(point);
        }

        var report = new CascadeReport
        {
            TargetAgreement = target,
            Risk = risk,
            HeldOut = rows.Count,
            ModelStage = modelStage,
            Offline = offline,
            ModelAgreement = ClopperPearson.Interval(rows.Count(r => r.Model?.Equals(r.Human) == true), rows.Count),
            MajorityAgreement = ClopperPearson.Interval(rows.Count(r => r.Majority.Equals(r.Human)), rows.Count),
            MinimumCovered = minimum,
            Points = points,
            ChosenThreshold = chosen,
            Guarantee = "",
        };
        return report with { Guarantee = Guarantee(report) };
    }

    /// <summary>Whether the local verdict is kept at <paramref name="threshold"/>: it has a value and a confidence that reaches it.</summary>
    internal static bool Covers(double? confidence, double threshold) => confidence is { } c && c >= threshold - Tolerance;

    private static bool Covers(Row row, double threshold) => row.Local is not null && Covers(row.Confidence, threshold);

    private static string Guarantee(CascadeReport report)
    {
        var (target, risk) = (Figures.Value(report.TargetAgreement), Figures.Value(report.Risk));
        var confidence = (1 - report.Risk).ToString("0.##%", CultureInfo.InvariantCulture);
        if (report.Chosen is { } chosen)
        {
            return Invariant(
                $"Guarantee: with probability at least {confidence}, the local judge's answers at threshold {Figures.Value(chosen.Threshold)} agree with the humans at least {target} of the time ")
                + Invariant($"(exact one-sided {confidence} lower bound {Figures.Value(chosen.LowerBound)}: {chosen.LocalAgreements} of {chosen.Covered} held-out traces it answered agree); ")
                + Invariant($"it answers {Figures.Value(chosen.Coverage)} of the held-out traces, {chosen.Covered} model call(s) of {chosen.HeldOut} saved. ")
                + "Fixed-sequence test from the strictest threshold covering enough traces; it holds for traces like the held-out ones, judged by judges aligned as in the folds.";
        }

        var failed = report.Points.FirstOrDefault(p => p.Outcome == CascadeTestOutcome.Failed);
        if (failed is null)
        {
            var loosest = report.Points[^1];
            return Invariant(
                $"No guarantee: the data are too few. Even at threshold {Figures.Value(loosest.Threshold)} the local judge answers {loosest.Covered} held-out trace(s); the exact bound needs at least {report.MinimumCovered}, ")
                + Invariant($"all agreeing, to show agreement {target} at risk {risk}. Label more traces (or accept a lower target or a higher risk).");
        }

        return Invariant(
            $"No guarantee: at threshold {Figures.Value(failed.Threshold)}, the strictest covering at least {report.MinimumCovered} held-out traces, the local judge agrees with the humans on {failed.LocalAgreements} of {failed.Covered} ")
            + Invariant($"(exact one-sided {confidence} lower bound {Figures.Value(failed.LowerBound)}, below the target {target}), and the test stops at its first failure: no threshold passes at risk {risk}.");
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
