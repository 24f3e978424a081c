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
    /// <summary>A plain-text table, as the MemAlign walkthrough prints its comparison.</summary>
    public static string ToConsoleTable(ExperimentReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var text = new StringBuilder();
        var rule = new string('=', 96);
        text.AppendLine(rule);
        var coverage = report.BaselineRows == report.ComparableRows && report.AlignedRows == report.ComparableRows
            ? "" : Invariant($" (baseline {report.BaselineRows}, aligned {report.AlignedRows})");
        text.AppendLine(Invariant($"{report.JudgeName}: baseline vs aligned, {report.Folds}-fold cross-validation, {report.ComparableRows} held-out rows scored by both{coverage}"));
        text.AppendLine(rule);
        text.AppendLine(Invariant($"{"Metric",-26} {"Baseline",-10} {"Aligned",-10} {"Change",-9} {"95% CI of change",-20} {"Significant",-11}"));
        text.AppendLine(new string('-', 96));
        foreach (var metric in report.Metrics)
        {
            text.AppendLine(Invariant(
                $"{metric.Name,-26} {Value(metric.Baseline?.Estimate),-10} {Value(metric.Aligned?.Estimate),-10} {Signed(metric.Difference?.Estimate),-9} {Interval(metric.Difference),-20} {(metric.IsSignificant ? "yes" : "no"),-11}"));
        }

        text.AppendLine(new string('-', 96));
        if (report.Ablations.Count > 0)
        {
            text.AppendLine(Invariant($"{report.Primary.Name} by memory: ") + string.Join(", ", report.Ablations.Select(a => Invariant($"{a.Key} {Value(a.Value)}"))));
        }

        if (report.LearningCurve.Count > 0)
        {
            text.AppendLine(Invariant($"learning curve ({report.Primary.Name}): ") + string.Join(", ", report.LearningCurve.Select(p => Invariant($"{p.Examples} -> {Value(p.Value)}"))));
        }

        text.AppendLine(Invariant($"cost: {report.Cost.ModelCalls} model calls, {report.Cost.Usage.TotalTokens} tokens, {report.Cost.Elapsed.TotalSeconds:0.0} s"));
        return text.ToString();
    }

    /// <summary>A Markdown report.</summary>
    public static string ToMarkdown(ExperimentReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var text = new StringBuilder();
        text.AppendLine(Invariant($"# Judge `{report.JudgeName}`: baseline vs aligned")).AppendLine();
        text.AppendLine(Invariant($"{report.Folds}-fold cross-validation on {report.ComparableRows} held-out rows")
            + (report.NotApplicableRows > 0 ? Invariant($"; {report.NotApplicableRows} \"not applicable\" labels left out") : "")
            + (report.ErrorRows > 0 ? Invariant($"; {report.ErrorRows} rows without a verdict left out") : "") + ".").AppendLine();
        text.AppendLine("| Metric | Baseline (95% CI) | Aligned (95% CI) | Change (95% CI) | Significant |");
        text.AppendLine("|---|---|---|---|---|");
        foreach (var metric in report.Metrics)
        {
            text.AppendLine(Invariant($"| {metric.Name}{(metric.LowerIsBetter ? " (lower is better)" : "")} | {WithInterval(metric.Baseline)} | {WithInterval(metric.Aligned)} | {Signed(metric.Difference?.Estimate)} {Interval(metric.Difference)} | {(metric.IsSignificant ? "yes" : "no")} |"));
        }

        if (report.Ablations.Count > 0)
        {
            text.AppendLine().AppendLine(Invariant($"## {report.Primary.Name} by memory")).AppendLine();
            text.AppendLine("| Memory | Value |").AppendLine("|---|---|");
            foreach (var (variant, value) in report.Ablations)
            {
                text.AppendLine(Invariant($"| {variant} | {Value(value)} |"));
            }
        }

        if (report.LearningCurve.Count > 0)
        {
            text.AppendLine().AppendLine(Invariant($"## Learning curve ({report.Primary.Name})")).AppendLine();
            text.AppendLine("| Examples per fold | Value |").AppendLine("|---|---|");
            foreach (var point in report.LearningCurve)
            {
                text.AppendLine(Invariant($"| {point.Examples} | {Value(point.Value)} |"));
            }
        }

        text.AppendLine().AppendLine(Invariant($"Cost: {report.Cost.ModelCalls} model calls, {report.Cost.Usage.TotalTokens} tokens, {report.Cost.Elapsed.TotalSeconds:0.0} s."));
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
            html.Append(MetricsChart("judges-chart", reports.Select(r => (Invariant($"{r.JudgeName} ({r.Primary.Name})"), r.Primary)).ToList()));
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
        html.Append("<p>").Append(Encode(Invariant($"{report.Folds}-fold cross-validation, {report.ComparableRows} held-out rows, paired bootstrap 95% intervals."))).Append("</p>");
        html.Append("<table><tr><th>Metric</th><th>Baseline</th><th>Aligned</th><th>Change</th><th>95% CI of change</th><th>Significant</th></tr>");
        foreach (var metric in report.Metrics)
        {
            html.Append("<tr><td>").Append(Encode(metric.Name)).Append("</td><td>").Append(Value(metric.Baseline?.Estimate)).Append("</td><td>").Append(Value(metric.Aligned?.Estimate))
                .Append("</td><td>").Append(Signed(metric.Difference?.Estimate)).Append("</td><td>").Append(Interval(metric.Difference))
                .Append("</td><td").Append(metric.IsSignificant ? " class=\"sig\">yes" : ">no").Append("</td></tr>");
        }

        html.Append("</table><").Append(subheading).Append(">Metrics with 95% intervals</").Append(subheading).Append('>');
        html.Append(MetricsChart(unique ? "metrics-chart" : null, report.Metrics.Select(m => (m.Name, m)).ToList()));
        if (report.LearningCurve.Count > 0)
        {
            html.Append('<').Append(subheading).Append(">Learning curve</").Append(subheading).Append('>').Append(LearningCurveChart(report, unique));
        }

        html.Append("<p>").Append(Encode(Invariant($"Cost: {report.Cost.ModelCalls} model calls, {report.Cost.Usage.TotalTokens} tokens, {report.Cost.Elapsed.TotalSeconds:0.0} s."))).Append("</p>");
    }

    // Bars for baseline and aligned per metric, on a 0..1 scale (errors such as MAE on 0..the largest upper end), with interval whiskers.
    private static string MetricsChart(string? id, IReadOnlyList<(string Label, MetricComparison Metric)> rows)
    {
        const int RowHeight = 46, Width = 420;
        // Room for the longest label at 13px (about 7.5px a character), so long judge names never run into the bars.
        var left = Math.Max(190, (int)Math.Ceiling(rows.Select(r => r.Label.Length).DefaultIfEmpty(0).Max() * 7.5) + 12);
        // Errors (lower is better) share one scale, 0 to the largest upper end, so bars of different judges compare.
        var errorScale = Math.Max(1e-9, rows.Where(r => r.Metric.LowerIsBetter)
            .SelectMany(r => new[] { r.Metric.Baseline?.Upper, r.Metric.Aligned?.Upper }).Max() ?? 1);
        var svg = new StringBuilder();
        var height = (rows.Count * RowHeight) + 30;
        svg.Append(Invariant($"<svg {(id is null ? "class=\"metrics-chart\"" : $"id=\"{id}\"")} xmlns=\"http://www.w3.org/2000/svg\" width=\"{left + Width + 140}\" height=\"{height}\" role=\"img\" aria-label=\"Baseline and aligned, with 95% intervals\">"));
        for (var i = 0; i < rows.Count; i++)
        {
            var (name, metric) = rows[i];
            var top = 10 + (i * RowHeight);
            var scale = metric.LowerIsBetter ? errorScale : 1;
            svg.Append(Invariant($"<text x=\"0\" y=\"{top + 22}\" font-size=\"13\">{Encode(name)}</text>"));
            foreach (var (interval, offset, color, label) in new[] { (metric.Baseline, 0, "#9aa5b1", "baseline"), (metric.Aligned, 18, "#2f6fde", "aligned") })
            {
                if (interval is null)
                {
                    continue;
                }

                double X(double v) => left + (Math.Clamp(v / scale, 0, 1) * Width);
                var y = top + offset;
                svg.Append(Invariant($"<rect class=\"bar {label}\" x=\"{left}\" y=\"{y + 2}\" width=\"{X(Math.Max(0, interval.Estimate)) - left:0.0}\" height=\"12\" fill=\"{color}\"/>"));
                svg.Append(Invariant($"<line x1=\"{X(interval.Lower):0.0}\" x2=\"{X(interval.Upper):0.0}\" y1=\"{y + 8}\" y2=\"{y + 8}\" stroke=\"#222\" stroke-width=\"1.5\"/>"));
                svg.Append(Invariant($"<text x=\"{left + Width + 6}\" y=\"{y + 12}\" font-size=\"11\">{label} {Value(interval.Estimate)}</text>"));
            }
        }

        return svg.Append("</svg>").ToString();
    }

    private static string LearningCurveChart(ExperimentReport report, bool unique)
    {
        const int Width = 520, Height = 240, Pad = 40;
        var points = report.LearningCurve.Where(p => p.Value is not null).ToList();
        var maxX = Math.Max(1, points.Count == 0 ? 1 : points.Max(p => p.Examples));
        var values = points.Select(p => p.Value!.Value).DefaultIfEmpty(1).ToList();
        var maxY = report.Primary.LowerIsBetter ? Math.Max(1e-9, values.Max()) : 1;
        double X(int examples) => Pad + ((double)examples / maxX * (Width - (2 * Pad)));
        double Y(double value) => Height - Pad - (value / maxY * (Height - (2 * Pad)));
        var svg = new StringBuilder();
        svg.Append(Invariant($"<svg {(unique ? "id=\"learning-curve\"" : "class=\"learning-curve\"")} xmlns=\"http://www.w3.org/2000/svg\" width=\"{Width}\" height=\"{Height}\" role=\"img\" aria-label=\"Learning curve\">"));
        svg.Append(Invariant($"<line x1=\"{Pad}\" y1=\"{Height - Pad}\" x2=\"{Width - Pad}\" y2=\"{Height - Pad}\" stroke=\"#999\"/><line x1=\"{Pad}\" y1=\"{Pad}\" x2=\"{Pad}\" y2=\"{Height - Pad}\" stroke=\"#999\"/>"));
        svg.Append(Invariant($"<polyline fill=\"none\" stroke=\"#2f6fde\" stroke-width=\"2\" points=\"{string.Join(' ', points.Select(p => Invariant($"{X(p.Examples):0.0},{Y(p.Value!.Value):0.0}")))}\"/>"));
        foreach (var point in points)
        {
            svg.Append(Invariant($"<circle class=\"point\" cx=\"{X(point.Examples):0.0}\" cy=\"{Y(point.Value!.Value):0.0}\" r=\"4\" fill=\"#2f6fde\"/>"));
            svg.Append(Invariant($"<text x=\"{X(point.Examples):0.0}\" y=\"{Height - Pad + 16}\" font-size=\"11\" text-anchor=\"middle\">{point.Examples}</text>"));
        }

        svg.Append(Invariant($"<text x=\"{Width / 2}\" y=\"{Height - 6}\" font-size=\"12\" text-anchor=\"middle\">labelled examples per fold</text>"));
        svg.Append(Invariant($"<text x=\"{Pad - 6}\" y=\"{Y(0) + 4:0.0}\" font-size=\"11\" text-anchor=\"end\">0</text>"));
        svg.Append(Invariant($"<text x=\"{Pad - 6}\" y=\"{Y(maxY) + 4:0.0}\" font-size=\"11\" text-anchor=\"end\">{Value(maxY)}</text>"));
        svg.Append(Invariant($"<text x=\"{Pad}\" y=\"{Pad - 12}\" font-size=\"12\">{Encode(report.Primary.Name)}</text>"));
        return svg.Append("</svg>").ToString();
    }

    private static string Value(double? value) => value is { } v ? v.ToString("0.000", CultureInfo.InvariantCulture) : "n/a";

    private static string Signed(double? value) => value is { } v ? v.ToString("+0.000;-0.000;0.000", CultureInfo.InvariantCulture) : "n/a";

    private static string Interval(ConfidenceInterval? interval) =>
        interval is null ? "n/a" : Invariant($"[{interval.Lower.ToString("0.000", CultureInfo.InvariantCulture)}, {interval.Upper.ToString("0.000", CultureInfo.InvariantCulture)}]");

    private static string WithInterval(ConfidenceInterval? interval) => interval is null ? "n/a" : Value(interval.Estimate) + " " + Interval(interval);

    private static string Encode(string text) => HtmlPage.Encode(text);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
