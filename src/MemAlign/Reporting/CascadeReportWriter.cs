using System.Globalization;
using System.Text;
using MemAlign.Evaluation;

namespace MemAlign.Reporting;

/// <summary>
/// The cascade section of an experiment's report: coverage against agreement with the humans across thresholds, as a
/// table (console, Markdown, HTML) and an SVG figure, with the guarantee in words and the model calls saved.
/// </summary>
internal static class CascadeReportWriter
{
    /// <summary>The thresholds a table shows: every 0.05, the chosen one and the one the test stopped at (the JSON and the figure have all).</summary>
    public static IEnumerable<CascadePoint> TableRows(CascadeReport report) => report.Points.Where(p =>
        Math.Abs((p.Threshold * 20) - Math.Round(p.Threshold * 20)) < 1e-9 || p.Threshold == report.ChosenThreshold || p.Outcome == CascadeTestOutcome.Failed);

    public static void AppendConsole(StringBuilder text, CascadeReport report)
    {
        text.AppendLine(Invariant($"cascade on held-out traces ({report.HeldOut}): local judge first, then {report.ModelStage}"));
        text.AppendLine(Invariant($"  {"Threshold",-10} {"Covered",-14} {"Local agreement [95% CI]",-26} {LowerBoundHeader(report),-14} {"Majority",-9} {"Cascade",-8} {"Test",-10}"));
        foreach (var point in TableRows(report))
        {
            text.AppendLine(Invariant(
                $"  {Threshold(point, report),-10} {Covered(point),-14} {Figures.ValueAndRange(point.LocalAgreement),-26} {Figures.Value(point.LowerBound),-14} {Figures.Value(point.MajorityAgreement),-9} {Figures.Value(point.CascadeAgreement?.Estimate),-8} {Outcome(point.Outcome),-10}"));
        }

        text.AppendLine(Invariant($"  model stage alone {Figures.ValueAndRange(report.ModelAgreement)}; majority reference {Figures.ValueAndRange(report.MajorityAgreement)}"));
    }

    public static void AppendMarkdown(StringBuilder text, CascadeReport report)
    {
        text.AppendLine().AppendLine("## Local-first cascade").AppendLine();
        text.AppendLine(MarkdownText.Escape(Introduction(report))).AppendLine();
        text.AppendLine(MarkdownText.Escape(report.Guarantee)).AppendLine();
        text.AppendLine(Invariant($"| Threshold | Answered locally (share) | Local agreement (95% CI) | {LowerBoundHeader(report)} | Majority on those | Cascade agreement (95% CI) | Model calls | Test |"));
        text.AppendLine("|---|---|---|---|---|---|---|---|");
        foreach (var point in TableRows(report))
        {
            text.AppendLine(Invariant(
                $"| {Threshold(point, report)} | {Covered(point)} | {Figures.ValueAndRange(point.LocalAgreement)} | {Figures.Value(point.LowerBound)} | {Figures.Value(point.MajorityAgreement)} | {Figures.ValueAndRange(point.CascadeAgreement)} | {point.HeldOut - point.Covered} | {Outcome(point.Outcome)} |"));
        }

        text.AppendLine().AppendLine(Invariant($"Model stage alone: {Figures.ValueAndRange(report.ModelAgreement)}; majority reference: {Figures.ValueAndRange(report.MajorityAgreement)}."));
    }

    public static void AppendHtml(StringBuilder html, CascadeReport report, string subheading, bool unique)
    {
        html.Append('<').Append(subheading).Append(">Local-first cascade</").Append(subheading).Append('>');
        html.Append("<p>").Append(Encode(Introduction(report))).Append("</p>");
        html.Append("<p class=\"guarantee\">").Append(Encode(report.Guarantee)).Append("</p>");
        html.Append(Chart(unique ? "cascade-curve" : null, report));
        html.Append("<table class=\"cascade\"><tr><th>Threshold</th><th>Answered locally</th><th>Local agreement (95% CI)</th><th>").Append(Encode(LowerBoundHeader(report)))
            .Append("</th><th>Majority on those</th><th>Cascade agreement (95% CI)</th><th>Model calls</th><th>Test</th></tr>");
        foreach (var point in TableRows(report))
        {
            html.Append(point.Threshold == report.ChosenThreshold ? "<tr class=\"chosen\"><td>" : "<tr><td>").Append(Encode(Threshold(point, report))).Append("</td><td>").Append(Encode(Covered(point)))
                .Append("</td><td>").Append(Figures.ValueAndRange(point.LocalAgreement)).Append("</td><td>").Append(Figures.Value(point.LowerBound))
                .Append("</td><td>").Append(Figures.Value(point.MajorityAgreement)).Append("</td><td>").Append(Figures.ValueAndRange(point.CascadeAgreement))
                .Append("</td><td>").Append(point.HeldOut - point.Covered).Append("</td><td>").Append(Outcome(point.Outcome)).Append("</td></tr>");
        }

        html.Append("</table><p>").Append(Encode(Invariant($"Model stage alone: {Figures.ValueAndRange(report.ModelAgreement)}; majority reference: {Figures.ValueAndRange(report.MajorityAgreement)}."))).Append("</p>");
    }

    private static string Introduction(CascadeReport report) =>
        (report.Offline ? "Offline, so no model calls are really saved: the figures show the method. " : "")
        + Invariant($"On {report.HeldOut} held-out traces the local judge answers where its confidence reaches the threshold and {report.ModelStage} answers the rest. ")
        + Invariant($"Agreement is with the human labels (exact match), with exact Clopper-Pearson 95% intervals; the lower bound is one-sided at {(1 - report.Risk).ToString("0.##%", CultureInfo.InvariantCulture)}; ")
        + Invariant($"target {Figures.Value(report.TargetAgreement)}, risk {Figures.Value(report.Risk)}, at least {report.MinimumCovered} traces answered locally for the bound to pass.");

    private static string LowerBoundHeader(CascadeReport report) => Invariant($"{(1 - report.Risk).ToString("0.##%", CultureInfo.InvariantCulture)} lower bound");

    private static string Threshold(CascadePoint point, CascadeReport report) => Figures.Value(point.Threshold) + (point.Threshold == report.ChosenThreshold ? " (chosen)" : "");

    private static string Covered(CascadePoint point) => Invariant($"{point.Covered} ({Figures.Value(point.Coverage)})");

    private static string Outcome(CascadeTestOutcome outcome) => outcome switch
    {
        CascadeTestOutcome.Passed => "passed",
        CascadeTestOutcome.Failed => "failed (stop)",
        CascadeTestOutcome.TooFew => "too few",
        _ => "not tested",
    };

    // Agreement (y) against coverage (x): the local answers on what they cover, the whole cascade, the target, the model
    // stage alone and the majority reference; the chosen threshold circled.
    private static string Chart(string? id, CascadeReport report)
    {
        const int Width = 560, Height = 300, Pad = 48;
        var points = report.Points.Where(p => p.Covered > 0).OrderBy(p => p.Coverage).ThenByDescending(p => p.Threshold).ToList();
        var bottom = Math.Floor(10 * new[] { report.MajorityAgreement?.Estimate ?? 1, report.ModelAgreement?.Estimate ?? 1, report.TargetAgreement }
            .Concat(points.Select(p => Math.Min(p.LocalAgreement?.Estimate ?? 1, p.CascadeAgreement?.Estimate ?? 1))).Min()) / 10;
        bottom = Math.Max(0, Math.Min(bottom, 0.9));
        double X(double coverage) => Pad + (coverage * (Width - (2 * Pad)));
        double Y(double value) => Height - Pad - ((value - bottom) / (1 - bottom) * (Height - (2 * Pad)));
        string Line(Func<CascadePoint, double?> value) =>
            string.Join(' ', points.Where(p => value(p) is not null).Select(p => Invariant($"{X(p.Coverage):0.0},{Y(value(p)!.Value):0.0}")));
        void Level(StringBuilder svg, string cssClass, double? value, string color, string label)
        {
            if (value is { } v)
            {
                svg.Append(Invariant($"<line class=\"{cssClass}\" x1=\"{Pad}\" x2=\"{Width - Pad}\" y1=\"{Y(v):0.0}\" y2=\"{Y(v):0.0}\" stroke=\"{color}\" stroke-dasharray=\"4 3\"/>"));
                svg.Append(Invariant($"<text x=\"{Width - Pad}\" y=\"{Y(v) - 3:0.0}\" font-size=\"10\" text-anchor=\"end\" fill=\"{color}\">{Encode(label)} {Figures.Value(v)}</text>"));
            }
        }

        var svg = new StringBuilder();
        svg.Append(Invariant($"<svg {(id is null ? "class=\"cascade-curve\"" : $"id=\"{id}\"")} xmlns=\"http://www.w3.org/2000/svg\" width=\"{Width}\" height=\"{Height}\" role=\"img\" aria-label=\"Cascade: agreement with the humans against the share answered locally\">"));
        svg.Append(Invariant($"<line x1=\"{Pad}\" y1=\"{Height - Pad}\" x2=\"{Width - Pad}\" y2=\"{Height - Pad}\" stroke=\"#999\"/><line x1=\"{Pad}\" y1=\"{Pad}\" x2=\"{Pad}\" y2=\"{Height - Pad}\" stroke=\"#999\"/>"));
        Level(svg, "target", report.TargetAgreement, "#2ca02c", "target");
        Level(svg, "majority", report.MajorityAgreement?.Estimate, "#d62728", "majority");
        Level(svg, "model-alone", report.ModelAgreement?.Estimate, "#7f7f7f", "model stage alone");
        svg.Append(Invariant($"<polyline class=\"local\" fill=\"none\" stroke=\"#2f6fde\" stroke-width=\"2\" points=\"{Line(p => p.LocalAgreement?.Estimate)}\"/>"));
        svg.Append(Invariant($"<polyline class=\"bound\" fill=\"none\" stroke=\"#2f6fde\" stroke-width=\"1\" stroke-dasharray=\"2 2\" points=\"{Line(p => p.LowerBound)}\"/>"));
        svg.Append(Invariant($"<polyline class=\"cascade\" fill=\"none\" stroke=\"#ff7f0e\" stroke-width=\"2\" points=\"{Line(p => p.CascadeAgreement?.Estimate)}\"/>"));
        if (report.Chosen is { LocalAgreement: { } agreement } chosen)
        {
            svg.Append(Invariant($"<circle class=\"chosen\" cx=\"{X(chosen.Coverage):0.0}\" cy=\"{Y(agreement.Estimate):0.0}\" r=\"6\" fill=\"none\" stroke=\"#222\" stroke-width=\"2\"/>"));
            svg.Append(Invariant($"<text x=\"{X(chosen.Coverage) + 8:0.0}\" y=\"{Y(agreement.Estimate) + 14:0.0}\" font-size=\"11\">threshold {Figures.Value(chosen.Threshold)}: {Figures.Value(chosen.Coverage)} answered locally</text>"));
        }

        foreach (var tick in new[] { 0, 0.25, 0.5, 0.75, 1 })
        {
            svg.Append(Invariant($"<text x=\"{X(tick):0.0}\" y=\"{Height - Pad + 16}\" font-size=\"11\" text-anchor=\"middle\">{tick:0.00}</text>"));
        }

        svg.Append(Invariant($"<text x=\"{Width / 2}\" y=\"{Height - 10}\" font-size=\"12\" text-anchor=\"middle\">share of held-out traces answered locally (model calls saved)</text>"));
        svg.Append(Invariant($"<text x=\"{Pad - 6}\" y=\"{Y(bottom) + 4:0.0}\" font-size=\"11\" text-anchor=\"end\">{Figures.Value(bottom)}</text>"));
        svg.Append(Invariant($"<text x=\"{Pad - 6}\" y=\"{Y(1) + 4:0.0}\" font-size=\"11\" text-anchor=\"end\">1.000</text>"));
        svg.Append(Invariant($"<text x=\"{Pad}\" y=\"{Pad - 14}\" font-size=\"11\">agreement: local answers (blue; dotted: lower bound), whole cascade (orange)</text>"));
        return svg.Append("</svg>").ToString();
    }

    private static string Encode(string text) => HtmlPage.Encode(text);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
