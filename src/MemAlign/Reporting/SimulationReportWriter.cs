using System.Globalization;
using System.Text;
using MemAlign.Labeling;

namespace MemAlign.Reporting;

/// <summary>Writes a <see cref="SimulationReport"/>: a table of agreement against labels used per order, and one HTML page with the curves.</summary>
public static class SimulationReportWriter
{
    private static readonly string[] Colors = ["#2f6fde", "#e07b00", "#2ca02c"];

    /// <summary>The curves as a console table, with each order's mean over the steps.</summary>
    public static string ToText(SimulationReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var text = new StringBuilder();
        text.AppendLine(Invariant($"Labeling simulation for '{report.JudgeName}': {report.PoolTraces} labelled traces arrive {report.Step} at a time; {report.TestTraces} held out and scored after each step; mean of {report.Repeats} run(s), each with its own held-out split and random order{(report.Offline ? " (offline: the local judge, no LLM)" : "")}."));
        text.AppendLine(Invariant($"{report.Metric} ({(report.LowerIsBetter ? "lower" : "higher")} is better); always answering the most common label: {Value(report.Majority)}."));
        text.Append(Invariant($"{"labels",-8}"));
        foreach (var curve in report.Curves)
        {
            text.Append(Invariant($"{Name(curve.Order),-22}"));
        }

        text.AppendLine();
        var rows = report.Curves.SelectMany(c => c.Points.Select(p => p.Labels)).Distinct().Order().ToList();
        foreach (var labels in rows)
        {
            text.Append(Invariant($"{labels,-8}"));
            foreach (var curve in report.Curves)
            {
                var point = curve.Points.FirstOrDefault(p => p.Labels == labels);
                text.Append(Invariant($"{Value(point?.Value) + " (kappa " + Value(point?.Kappa) + ")",-22}"));
            }

            text.AppendLine();
        }

        text.AppendLine(string.Join("; ", report.Curves.Select(c => Invariant($"{Name(c.Order)}: mean {report.Metric} over the steps {Value(report.Area(c.Order))}"))) + ".");
        return text.ToString();
    }

    /// <summary>One self-contained page: the curves on one chart, with the majority reference, and the table.</summary>
    public static string ToHtml(SimulationReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return HtmlPage.Write($"Labeling simulation: {report.JudgeName}", html =>
        {
            html.Append("<h1>Labeling simulation: <code>").Append(HtmlPage.Encode(report.JudgeName)).Append("</code></h1><p>")
                .Append(HtmlPage.Encode(ToText(report).Split('\n')[0])).Append("</p>");
            html.Append(Chart(report));
            html.Append("<pre>").Append(HtmlPage.Encode(ToText(report))).Append("</pre>");
        });
    }

    private static string Chart(SimulationReport report)
    {
        const int Width = 620, Height = 300, Pad = 48;
        var points = report.Curves.SelectMany(c => c.Points).Where(p => p.Value is not null).ToList();
        var maxX = Math.Max(1, points.Count == 0 ? 1 : points.Max(p => p.Labels));
        var top = report.LowerIsBetter ? Math.Max(1e-9, points.Select(p => p.Value!.Value).Append(report.Majority ?? 0).Max()) : 1;
        double X(int labels) => Pad + ((double)labels / maxX * (Width - (2 * Pad)));
        double Y(double value) => Height - Pad - (value / top * (Height - (2 * Pad)));
        var svg = new StringBuilder();
        svg.Append(Invariant($"<svg id=\"simulation-chart\" xmlns=\"http://www.w3.org/2000/svg\" width=\"{Width + 160}\" height=\"{Height}\" role=\"img\" aria-label=\"{HtmlPage.Encode(report.Metric)} against labels used\">"));
        svg.Append(Invariant($"<line x1=\"{Pad}\" y1=\"{Height - Pad}\" x2=\"{Width - Pad}\" y2=\"{Height - Pad}\" stroke=\"#999\"/><line x1=\"{Pad}\" y1=\"{Pad}\" x2=\"{Pad}\" y2=\"{Height - Pad}\" stroke=\"#999\"/>"));
        if (report.Majority is { } majority)
        {
            svg.Append(Invariant($"<line class=\"majority\" x1=\"{Pad}\" x2=\"{Width - Pad}\" y1=\"{Y(majority):0.0}\" y2=\"{Y(majority):0.0}\" stroke=\"#d62728\" stroke-dasharray=\"4 3\"/>"));
            svg.Append(Invariant($"<text x=\"{Width - Pad + 4}\" y=\"{Y(majority) + 4:0.0}\" font-size=\"11\" fill=\"#d62728\">majority {Value(majority)}</text>"));
        }

        for (var i = 0; i < report.Curves.Count; i++)
        {
            var curve = report.Curves[i];
            var color = Colors[i % Colors.Length];
            var defined = curve.Points.Where(p => p.Value is not null).ToList();
            var spread = defined.Where(p => p.Lowest is not null && p.Highest is not null).ToList();
            if (report.Repeats > 1 && spread.Count > 1)
            {
                // The band between the worst and best run: how much the order's effect could be luck.
                var outline = spread.Select(p => Invariant($"{X(p.Labels):0.0},{Y(p.Highest!.Value):0.0}"))
                    .Concat(Enumerable.Reverse(spread).Select(p => Invariant($"{X(p.Labels):0.0},{Y(p.Lowest!.Value):0.0}")));
                svg.Append(Invariant($"<polygon class=\"band {Name(curve.Order)}\" fill=\"{color}\" fill-opacity=\"0.15\" stroke=\"none\" points=\"{string.Join(' ', outline)}\"/>"));
            }

            svg.Append(Invariant($"<polyline class=\"curve {Name(curve.Order)}\" fill=\"none\" stroke=\"{color}\" stroke-width=\"2\" points=\"{string.Join(' ', defined.Select(p => Invariant($"{X(p.Labels):0.0},{Y(p.Value!.Value):0.0}")))}\"/>"));
            svg.Append(Invariant($"<text x=\"{Width - Pad + 4}\" y=\"{Pad + (16 * i)}\" font-size=\"12\" fill=\"{color}\">{Name(curve.Order)}</text>"));
        }

        svg.Append(Invariant($"<text x=\"{Width / 2}\" y=\"{Height - 8}\" font-size=\"12\" text-anchor=\"middle\">labels used</text>"));
        svg.Append(Invariant($"<text x=\"{Pad - 6}\" y=\"{Y(0) + 4:0.0}\" font-size=\"11\" text-anchor=\"end\">0</text><text x=\"{Pad - 6}\" y=\"{Y(top) + 4:0.0}\" font-size=\"11\" text-anchor=\"end\">{Value(top)}</text>"));
        svg.Append(Invariant($"<text x=\"{Pad}\" y=\"{Pad - 14}\" font-size=\"12\">{HtmlPage.Encode(report.Metric)}</text>"));
        return svg.Append("</svg>").ToString();
    }

    private static string Name(LabelingOrder order) => order.ToString().ToLowerInvariant();

    private static string Value(double? value) => value is { } v ? v.ToString("0.000", CultureInfo.InvariantCulture) : "n/a";

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
