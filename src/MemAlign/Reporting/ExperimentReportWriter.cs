using System.Globalization;
using System.Text;
using MemAlign.Evaluation;

namespace MemAlign.Reporting;

/// <summary>
/// Writes an <see cref="ExperimentReport"/> for people: a console table (baseline, aligned, change,
/// interval, significance), Markdown, and one self-contained HTML file with SVG charts (no external
/// assets, opens offline): each metric baseline versus aligned with intervals, and the learning curve.
/// </summary>
public static class ExperimentReportWriter
{
    /// <summary>A plain-text table, as the MemAlign walkthrough prints its comparison, with the findings and the learning curve.</summary>
    public static string ToConsoleTable(ExperimentReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var text = new StringBuilder();
        var rule = new string('=', 108);
        text.AppendLine(rule);
        text.AppendLine(Invariant($"{report.JudgeName}: baseline vs aligned, {Design(report)}"));
        text.AppendLine(rule);
        text.AppendLine(Invariant($"{"Metric",-32} {"Baseline",-10} {"Aligned",-10} {"Majority",-10} {"Change",-9} {"95% CI of change",-20} {"Significant",-11}"));
        text.AppendLine(new string('-', 108));
        foreach (var metric in report.Metrics)
        {
            text.AppendLine(Invariant(
                $"{metric.Name,-32} {Figures.Value(metric.Baseline?.Estimate),-10} {Figures.Value(metric.Aligned?.Estimate),-10} {Figures.Value(metric.Majority?.Estimate),-10} {Figures.Signed(metric.Difference?.Estimate),-9} {Figures.Range(metric.Difference),-20} {(metric.IsSignificant ? "yes" : "no"),-11}"));
        }

        text.AppendLine(new string('-', 108));
        foreach (var finding in report.Findings)
        {
            text.AppendLine("* " + finding);
        }

        if (report.Ablations.Count > 0)
        {
            text.AppendLine(Invariant($"{report.Primary.Name} by memory: ") + string.Join(", ", report.Ablations.Select(a => Invariant($"{a.Key} {Figures.Value(a.Value)}"))));
        }

        if (report.LearningCurve.Count > 0)
        {
            text.AppendLine(Invariant($"learning curve ({report.Primary.Name}, mean [range] over {report.LearningCurveRepeats} stratified sample(s) per size; majority {Figures.Value(report.Primary.Majority?.Estimate)}): ")
                + string.Join(", ", report.LearningCurve.Select(p => Invariant($"{Size(p)} -> {Figures.Value(p.Value)} {Figures.Range(p.Lower, p.Upper)}"))));
        }

        if (PositionLine(report) is { } position)
        {
            text.AppendLine(position);
        }

        if (report.Cascade is { } cascade)
        {
            CascadeReportWriter.AppendConsole(text, cascade);
        }

        text.AppendLine("cost: " + CostText(report.Cost));
        return text.ToString();
    }

    // A pairwise judge's position consistency on the held-out pairs, baseline and aligned: how often either order gave the same answer.
    private static string? PositionLine(ExperimentReport report)
    {
        if (report.BaselinePositionConsistency is null && report.AlignedPositionConsistency is null)
        {
            return null;
        }

        static string Describe(PositionConsistency? p) => p is null ? Figures.NotAvailable
            : Invariant($"{Figures.Value(p.Rate)}{Figures.IntervalNote(p.Interval)}, {p.Consistent} of {p.Pairs} pair(s)");
        return $"position consistency (same answer with either candidate first): baseline {Describe(report.BaselinePositionConsistency)}; aligned {Describe(report.AlignedPositionConsistency)}";
    }

    // How the "not applicable" labels were used: left out entirely, or scored for applicability apart from the scale.
    private static string NotApplicableNote(ExperimentReport report) =>
        report.NotApplicableDeclared
            ? Invariant($"; 'not applicable' ({report.NotApplicable}) is declared: {report.NotApplicableRows} such label(s) count in the applicability metrics, and the scale's metrics cover the rows both sides found applicable")
            : report.NotApplicableRows > 0 ? Invariant($"; {report.NotApplicableRows} \"not applicable\" labels left out") : "";

    /// <summary>A Markdown report: the comparison with the majority reference, the findings, human agreement, labels and the learning curve.</summary>
    public static string ToMarkdown(ExperimentReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var text = new StringBuilder();
        text.AppendLine(Invariant($"# Judge `{report.JudgeName}`: baseline vs aligned")).AppendLine();
        text.AppendLine(Invariant($"{Capitalised(Design(report))}")
            + NotApplicableNote(report)
            + (report.ErrorRows > 0 ? Invariant($"; {report.ErrorRows} rows without a verdict left out") : "") + ".").AppendLine();
        foreach (var finding in report.Findings)
        {
            text.AppendLine("- " + MarkdownText.Escape(finding));
        }

        text.AppendLine();
        text.AppendLine("| Metric | Baseline (95% CI) | Aligned (95% CI) | Majority reference (95% CI) | Change (95% CI) | Significant |");
        text.AppendLine("|---|---|---|---|---|---|");
        foreach (var metric in report.Metrics)
        {
            text.AppendLine(Invariant($"| {metric.Name}{(metric.LowerIsBetter ? " (lower is better)" : "")} | {Figures.ValueAndRange(metric.Baseline)} | {Figures.ValueAndRange(metric.Aligned)} | {Figures.ValueAndRange(metric.Majority)} | {Figures.Signed(metric.Difference?.Estimate)} {Figures.Range(metric.Difference)} | {(metric.IsSignificant ? "yes" : "no")} |"));
        }

        if (report.HumanAgreement is { Statistics: { } humans } agreement)
        {
            text.AppendLine().AppendLine("## Human-human agreement").AppendLine();
            text.AppendLine(Invariant($"{agreement.Reviewers} reviewer(s), {agreement.MultiplyLabelledTraces} trace(s) labelled more than once; 95% bootstrap intervals over traces.")).AppendLine();
            text.AppendLine("| Statistic | Value (95% CI) |").AppendLine("|---|---|");
            foreach (var (name, value, interval) in HumanStatistics(humans))
            {
                text.AppendLine(Invariant($"| {name} | {Figures.Value(value)} {Figures.Range(interval)} |"));
            }

            if (agreement.MostDisagreed.Count > 0)
            {
                text.AppendLine().AppendLine("Most disagreed traces: " + string.Join("; ", agreement.MostDisagreed.Take(5).Select(d => Invariant($"{MarkdownText.Escape(d.TraceId)} ({MarkdownText.Escape(string.Join(", ", d.Labels.Select(l => $"{l.Key}: {l.Value}")))})"))) + ".");
            }
        }

        if (report.Ablations.Count > 0)
        {
            text.AppendLine().AppendLine(Invariant($"## {report.Primary.Name} by memory")).AppendLine();
            text.AppendLine("| Memory | Value |").AppendLine("|---|---|");
            foreach (var (variant, value) in report.Ablations)
            {
                text.AppendLine(Invariant($"| {variant} | {Figures.Value(value)} |"));
            }
        }

        if (report.LearningCurve.Count > 0)
        {
            text.AppendLine().AppendLine(Invariant($"## Learning curve")).AppendLine();
            text.AppendLine(Invariant($"Stratified, nested samples per fold, {report.LearningCurveRepeats} repeat(s) with different samples; mean and [lowest, highest] repeat. Majority reference: {report.Primary.Name} {Figures.Value(report.Primary.Majority?.Estimate)}, kappa 0.")).AppendLine();
            text.AppendLine(Invariant($"| Examples per fold | {report.Primary.Name} | Kappa | Labels in the sample (all folds) |")).AppendLine("|---|---|---|---|");
            foreach (var point in report.LearningCurve)
            {
                text.AppendLine(Invariant($"| {Size(point)} | {Figures.Value(point.Value)} {Figures.Range(point.Lower, point.Upper)} | {Figures.Value(point.Kappa)} {Figures.Range(point.KappaLower, point.KappaUpper)} | {MarkdownText.Escape(Composition(point))} |"));
            }
        }

        if (PositionLine(report) is { } position)
        {
            text.AppendLine().AppendLine(MarkdownText.Escape(position));
        }

        if (report.Cascade is { } cascade)
        {
            CascadeReportWriter.AppendMarkdown(text, cascade);
        }

        text.AppendLine().AppendLine("Cost: " + CostText(report.Cost) + ".");
        return text.ToString();
    }

    /// <summary>One self-contained HTML page with SVG charts; it needs nothing but a browser.</summary>
    public static string ToHtml(ExperimentReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return Page($"{report.JudgeName}: baseline vs aligned", html => AppendSection(html, report, "h1", "h2", unique: true));
    }

    /// <summary>
    /// One self-contained HTML page for several judges: a summary chart of each judge's primary metric,
    /// baseline versus aligned with intervals, then each judge's own section.
    /// </summary>
    public static string ToHtml(IReadOnlyList<ExperimentReport> reports, string title)
    {
        ArgumentNullException.ThrowIfNull(reports);
        ArgumentNullException.ThrowIfNull(title);
        return Page(title, html =>
        {
            html.Append("<h1>").Append(Encode(title)).Append("</h1><h2>Each judge, baseline vs aligned (primary metric, 95% intervals)</h2>");
            html.Append(MetricsChart("judges-chart", reports.Select(r => (Invariant($"{r.JudgeName} ({r.Primary.Name})"), r.Primary, (ConfidenceInterval?)null)).ToList()));
            foreach (var report in reports)
            {
                html.Append("<section>");
                AppendSection(html, report, "h2", "h3", unique: false);
                html.Append("</section>");
            }
        });
    }

    private static string Page(string title, Action<StringBuilder> body) => HtmlPage.Write(title, body);

    // One judge's table and charts; on a page of several judges the chart ids would repeat, so they become classes.
    private static void AppendSection(StringBuilder html, ExperimentReport report, string heading, string subheading, bool unique)
    {
        html.Append('<').Append(heading).Append(">Judge <code>").Append(Encode(report.JudgeName)).Append("</code>: baseline vs aligned</").Append(heading).Append('>');
        html.Append("<p>").Append(Encode(Capitalised(Design(report)) + ", paired bootstrap 95% intervals.")).Append("</p><ul class=\"findings\">");
        foreach (var finding in report.Findings)
        {
            html.Append("<li>").Append(Encode(finding)).Append("</li>");
        }

        html.Append("</ul><table><tr><th>Metric</th><th>Baseline</th><th>Aligned</th><th>Majority reference</th><th>Change</th><th>95% CI of change</th><th>Significant</th></tr>");
        foreach (var metric in report.Metrics)
        {
            html.Append("<tr><td>").Append(Encode(metric.Name)).Append("</td><td>").Append(Figures.Value(metric.Baseline?.Estimate)).Append("</td><td>").Append(Figures.Value(metric.Aligned?.Estimate))
                .Append("</td><td>").Append(Figures.Value(metric.Majority?.Estimate)).Append("</td><td>").Append(Figures.Signed(metric.Difference?.Estimate)).Append("</td><td>").Append(Figures.Range(metric.Difference))
                .Append("</td><td").Append(metric.IsSignificant ? " class=\"sig\">yes" : ">no").Append("</td></tr>");
        }

        html.Append("</table><").Append(subheading).Append(">Metrics with 95% intervals</").Append(subheading).Append('>');
        html.Append("<p>Red dashed: the majority reference; green band: the experts' agreement with each other.</p>");
        html.Append(MetricsChart(unique ? "metrics-chart" : null, report.Metrics.Select(m => (m.Name, m, HumanBandFor(report, m))).ToList()));
        if (report.HumanAgreement is { Statistics: { } humans } agreement)
        {
            html.Append('<').Append(subheading).Append(">Human-human agreement</").Append(subheading).Append('>');
            html.Append("<p>").Append(Encode(Invariant($"{agreement.Reviewers} reviewer(s), {agreement.MultiplyLabelledTraces} trace(s) labelled more than once; 95% bootstrap intervals over traces."))).Append("</p>");
            html.Append("<table class=\"human-agreement\"><tr><th>Statistic</th><th>Value</th><th>95% CI</th></tr>");
            foreach (var (name, value, interval) in HumanStatistics(humans))
            {
                html.Append("<tr><td>").Append(Encode(name)).Append("</td><td>").Append(Figures.Value(value)).Append("</td><td>").Append(Figures.Range(interval)).Append("</td></tr>");
            }

            html.Append("</table>");
        }

        if (report.LearningCurve.Count > 0)
        {
            html.Append('<').Append(subheading).Append(">Learning curve</").Append(subheading).Append('>');
            html.Append("<p>").Append(Encode(Invariant($"Stratified, nested samples per fold; mean of {report.LearningCurveRepeats} repeat(s) with the band from the lowest to the highest repeat."))).Append("</p>");
            html.Append(CurveChart(unique ? "learning-curve" : null, "learning-curve", report.Primary.Name, report.Primary.LowerIsBetter,
                report.LearningCurve.Select(p => (p.Examples, Size(p), p.Value, p.Lower, p.Upper)).ToList(), report.Primary.Majority?.Estimate, null));
            if (report.Kappa is { } kappa)
            {
                html.Append(CurveChart(unique ? "kappa-curve" : null, "kappa-curve", kappa.Name, false,
                    report.LearningCurve.Select(p => (p.Examples, Size(p), p.Kappa, p.KappaLower, p.KappaUpper)).ToList(), kappa.Majority?.Estimate, HumanBandFor(report, kappa)));
            }
        }

        if (PositionLine(report) is { } position)
        {
            html.Append("<p>").Append(Encode(position)).Append("</p>");
        }

        if (report.Cascade is { } cascade)
        {
            CascadeReportWriter.AppendHtml(html, cascade, subheading, unique);
        }

        html.Append("<p>").Append(Encode("Cost: " + CostText(report.Cost) + ".")).Append("</p>");
    }

    // The experts' agreement among themselves on the scale of a judge metric it compares with: kappa with kappa, alpha with alpha.
    private static ConfidenceInterval? HumanBandFor(ExperimentReport report, MetricComparison metric) => report.HumanAgreement?.Statistics switch
    {
        { } humans when metric.Name == "Cohen's kappa" => humans.MeanCohensKappaInterval,
        { } humans when metric.Name == "Krippendorff's alpha (interval)" => humans.AlphaIntervalInterval,
        _ => null,
    };

    private static IEnumerable<(string Name, double? Value, ConfidenceInterval? Interval)> HumanStatistics(InterRaterAgreement humans)
    {
        yield return ("Cohen's kappa, mean over pairs of experts", humans.MeanCohensKappa, humans.MeanCohensKappaInterval);
        yield return ("Fleiss' kappa", humans.FleissKappa, humans.FleissKappaInterval);
        yield return ("Krippendorff's alpha (nominal)", humans.AlphaNominal, humans.AlphaNominalInterval);
        if (humans.AlphaOrdinal is not null)
        {
            yield return ("Krippendorff's alpha (ordinal)", humans.AlphaOrdinal, humans.AlphaOrdinalInterval);
        }

        if (humans.AlphaInterval is not null)
        {
            yield return ("Krippendorff's alpha (interval)", humans.AlphaInterval, humans.AlphaIntervalInterval);
        }
    }

    private static string Design(ExperimentReport report) => report.Design == ExperimentDesign.TrainTest
        ? Invariant($"train/test: aligned on {report.TrainSet ?? "the training set"} ({report.TrainTraces} labelled traces), scored on {report.TestSet ?? "the test set"} ({report.TestTraces} labelled traces); {report.ComparableRows} rows scored by baseline and aligned")
        : Invariant($"{report.Folds}-fold cross-validation on {report.TrainTraces} labelled traces, each held out once; {report.ComparableRows} rows scored by baseline and aligned");

    private static string Capitalised(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    // "750 (all)" for the whole training set, whose value is the aligned judge's.
    private static string Size(LearningCurvePoint point) => point.WholeTrainingSet ? Invariant($"{point.Examples} (all)") : Invariant($"{point.Examples}");

    private static string Composition(LearningCurvePoint point) =>
        point.Labels.Count == 0 ? "" : string.Join(", ", point.Labels.OrderBy(l => l.Key, StringComparer.Ordinal).Select(l => Invariant($"{l.Key}: {l.Value}")));

    // Bars for baseline and aligned per metric, on a 0..1 scale (errors such as MAE on 0..the largest upper end), with interval
    // whiskers, the majority reference as a red dashed mark and the experts' own agreement as a green band.
    private static string MetricsChart(string? id, IReadOnlyList<(string Label, MetricComparison Metric, ConfidenceInterval? HumanBand)> rows)
    {
        const int RowHeight = 46, Width = 420;
        // Room for the longest label at 13px (about 7.5px a character), so long judge names never run into the bars.
        var left = Math.Max(190, (int)Math.Ceiling(rows.Select(r => r.Label.Length).DefaultIfEmpty(0).Max() * 7.5) + 12);
        // Errors (lower is better) share one scale, 0 to the largest upper end, so bars of different judges compare.
        var errorScale = Math.Max(1e-9, rows.Where(r => r.Metric.LowerIsBetter)
            .SelectMany(r => new[] { r.Metric.Baseline?.Upper, r.Metric.Aligned?.Upper, r.Metric.Majority?.Upper }).Max() ?? 1);
        var svg = new StringBuilder();
        var height = (rows.Count * RowHeight) + 30;
        svg.Append(Invariant($"<svg {(id is null ? "class=\"metrics-chart\"" : $"id=\"{id}\"")} xmlns=\"http://www.w3.org/2000/svg\" width=\"{left + Width + 140}\" height=\"{height}\" role=\"img\" aria-label=\"Baseline and aligned, with 95% intervals, the majority reference and the human band\">"));
        for (var i = 0; i < rows.Count; i++)
        {
            var (name, metric, band) = rows[i];
            var top = 10 + (i * RowHeight);
            var scale = metric.LowerIsBetter ? errorScale : 1;
            double X(double v) => left + (Math.Clamp(v / scale, 0, 1) * Width);
            svg.Append(Invariant($"<text x=\"0\" y=\"{top + 22}\" font-size=\"13\">{Encode(name)}</text>"));
            if (band is not null)
            {
                svg.Append(Invariant($"<rect class=\"human-band\" x=\"{X(band.Lower):0.0}\" y=\"{top}\" width=\"{Math.Max(1, X(band.Upper) - X(band.Lower)):0.0}\" height=\"34\" fill=\"#2ca02c\" fill-opacity=\"0.18\"/>"));
            }

            foreach (var (interval, offset, color, label) in new[] { (metric.Baseline, 0, "#9aa5b1", "baseline"), (metric.Aligned, 18, "#2f6fde", "aligned") })
            {
                if (interval is null)
                {
                    continue;
                }

                var y = top + offset;
                svg.Append(Invariant($"<rect class=\"bar {label}\" x=\"{left}\" y=\"{y + 2}\" width=\"{X(Math.Max(0, interval.Estimate)) - left:0.0}\" height=\"12\" fill=\"{color}\"/>"));
                svg.Append(Invariant($"<line x1=\"{X(interval.Lower):0.0}\" x2=\"{X(interval.Upper):0.0}\" y1=\"{y + 8}\" y2=\"{y + 8}\" stroke=\"#222\" stroke-width=\"1.5\"/>"));
                svg.Append(Invariant($"<text x=\"{left + Width + 6}\" y=\"{y + 12}\" font-size=\"11\">{label} {Figures.Value(interval.Estimate)}</text>"));
            }

            if (metric.Majority is { } majority)
            {
                svg.Append(Invariant($"<line class=\"majority\" x1=\"{X(Math.Max(0, majority.Estimate)):0.0}\" x2=\"{X(Math.Max(0, majority.Estimate)):0.0}\" y1=\"{top - 2}\" y2=\"{top + 36}\" stroke=\"#d62728\" stroke-width=\"1.5\" stroke-dasharray=\"4 3\"/>"));
            }
        }

        return svg.Append("</svg>").ToString();
    }

    // A curve's mean with its band over repeats, the majority reference as a red dashed line and, for kappa, the human band.
    private static string CurveChart(string? id, string cssClass, string metric, bool lowerIsBetter, IReadOnlyList<(int Examples, string Label, double? Value, double? Lower, double? Upper)> curve,
        double? majority, ConfidenceInterval? humanBand)
    {
        const int Width = 520, Height = 240, Pad = 44;
        var points = curve.Where(p => p.Value is not null).ToList();
        var maxX = Math.Max(1, points.Count == 0 ? 1 : points.Max(p => p.Examples));
        var top = lowerIsBetter
            ? Math.Max(1e-9, points.Select(p => p.Upper ?? p.Value!.Value).Append(majority ?? 0).Max())
            : 1;
        var bottom = lowerIsBetter ? 0 : Math.Min(0, points.Select(p => p.Lower ?? p.Value!.Value).Append(humanBand?.Lower ?? 0).Min());
        // Sizes grow by decades: a log scale (of 1 + n) keeps the small ones apart.
        double X(int examples) => Pad + (Math.Log(1 + examples) / Math.Log(1 + maxX) * (Width - (2 * Pad)));
        double Y(double value) => Height - Pad - ((value - bottom) / (top - bottom) * (Height - (2 * Pad)));
        var svg = new StringBuilder();
        svg.Append(Invariant($"<svg {(id is null ? $"class=\"{cssClass}\"" : $"id=\"{id}\"")} xmlns=\"http://www.w3.org/2000/svg\" width=\"{Width}\" height=\"{Height}\" role=\"img\" aria-label=\"Learning curve of {Encode(metric)}\">"));
        svg.Append(Invariant($"<line x1=\"{Pad}\" y1=\"{Height - Pad}\" x2=\"{Width - Pad}\" y2=\"{Height - Pad}\" stroke=\"#999\"/><line x1=\"{Pad}\" y1=\"{Pad}\" x2=\"{Pad}\" y2=\"{Height - Pad}\" stroke=\"#999\"/>"));
        if (humanBand is not null)
        {
            svg.Append(Invariant($"<rect class=\"human-band\" x=\"{Pad}\" y=\"{Y(Math.Min(top, humanBand.Upper)):0.0}\" width=\"{Width - (2 * Pad)}\" height=\"{Math.Max(1, Y(Math.Max(bottom, humanBand.Lower)) - Y(Math.Min(top, humanBand.Upper))):0.0}\" fill=\"#2ca02c\" fill-opacity=\"0.18\"/>"));
            svg.Append(Invariant($"<text x=\"{Width - Pad}\" y=\"{Y(Math.Min(top, humanBand.Upper)) - 3:0.0}\" font-size=\"10\" text-anchor=\"end\" fill=\"#2ca02c\">experts among themselves</text>"));
        }

        var banded = points.Where(p => p.Lower is not null && p.Upper is not null).ToList();
        if (banded.Count > 1)
        {
            var outline = banded.Select(p => Invariant($"{X(p.Examples):0.0},{Y(p.Upper!.Value):0.0}")).Concat(banded.AsEnumerable().Reverse().Select(p => Invariant($"{X(p.Examples):0.0},{Y(p.Lower!.Value):0.0}")));
            svg.Append(Invariant($"<polygon class=\"band\" points=\"{string.Join(' ', outline)}\" fill=\"#2f6fde\" fill-opacity=\"0.15\" stroke=\"none\"/>"));
        }

        if (majority is { } m)
        {
            svg.Append(Invariant($"<line class=\"majority\" x1=\"{Pad}\" x2=\"{Width - Pad}\" y1=\"{Y(m):0.0}\" y2=\"{Y(m):0.0}\" stroke=\"#d62728\" stroke-dasharray=\"4 3\"/>"));
            svg.Append(Invariant($"<text x=\"{Width - Pad}\" y=\"{Y(m) + 12:0.0}\" font-size=\"10\" text-anchor=\"end\" fill=\"#d62728\">majority {Figures.Value(m)}</text>"));
        }

        svg.Append(Invariant($"<polyline fill=\"none\" stroke=\"#2f6fde\" stroke-width=\"2\" points=\"{string.Join(' ', points.Select(p => Invariant($"{X(p.Examples):0.0},{Y(p.Value!.Value):0.0}")))}\"/>"));
        foreach (var point in points)
        {
            svg.Append(Invariant($"<circle class=\"point\" cx=\"{X(point.Examples):0.0}\" cy=\"{Y(point.Value!.Value):0.0}\" r=\"4\" fill=\"#2f6fde\"/>"));
            svg.Append(Invariant($"<text x=\"{X(point.Examples):0.0}\" y=\"{Height - Pad + 16}\" font-size=\"11\" text-anchor=\"middle\">{Encode(point.Label)}</text>"));
        }

        svg.Append(Invariant($"<text x=\"{Width / 2}\" y=\"{Height - 6}\" font-size=\"12\" text-anchor=\"middle\">labelled examples per fold (log scale; the last point is the whole training set)</text>"));
        svg.Append(Invariant($"<text x=\"{Pad - 6}\" y=\"{Y(bottom) + 4:0.0}\" font-size=\"11\" text-anchor=\"end\">{Figures.Value(bottom)}</text>"));
        svg.Append(Invariant($"<text x=\"{Pad - 6}\" y=\"{Y(top) + 4:0.0}\" font-size=\"11\" text-anchor=\"end\">{Figures.Value(top)}</text>"));
        svg.Append(Invariant($"<text x=\"{Pad}\" y=\"{Pad - 12}\" font-size=\"12\">{Encode(metric)}</text>"));
        return svg.Append("</svg>").ToString();
    }

    private static string Encode(string text) => HtmlPage.Encode(text);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    // Calls, input tokens (of which read from the provider's prompt cache), output tokens and wall time.
    private static string CostText(ExperimentCost cost) =>
        Invariant($"{cost.ModelCalls} model calls, {cost.Usage.InputTokens} input tokens ({cost.Usage.CachedInputTokens} cached), {cost.Usage.OutputTokens} output tokens, {cost.Elapsed.TotalSeconds:0.0} s");
}
