using System.Globalization;
using System.Text;
using MemAlign.Labeling;

namespace MemAlign.Reporting;

/// <summary>Writes a <see cref="SimulationReport"/>: a table of agreement against labels used per order, and one HTML page with the curves.</summary>
public static class SimulationReportWriter
{
    private static readonly string[] Colors = ["#2f6fde", "#e07b00", "#2ca02c"];
    private static readonly int[] RoundMultiples = [1, 2, 5, 10];

    /// <summary>The curves as a console table, with each order's mean over the steps.</summary>
    public static string ToText(SimulationReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var text = new StringBuilder();
        text.AppendLine(Invariant($"Labeling simulation for '{report.JudgeName}': {report.PoolTraces} labelled traces arrive {report.Step} at a time; {report.TestTraces} held out and scored after each step; mean of {report.Repeats} run(s), each with its own held-out split and random order{(report.Offline ? " (offline: the local judge, no LLM)" : "")}."));
        text.AppendLine(Invariant($"{report.Metric} ({(report.LowerIsBetter ? "lower" : "higher")} is better); always answering the most common label: {Figures.Value(report.Majority)}."));
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
                text.Append(Invariant($"{Figures.Value(point?.Value) + " (kappa " + Figures.Value(point?.Kappa) + ")",-22}"));
            }

            text.AppendLine();
        }

        text.AppendLine(string.Join("; ", report.Curves.Select(c => Invariant($"{Name(c.Order)}: mean {report.Metric} over the steps {Figures.Value(report.Area(c.Order))}"))) + ".");
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
        const int Width = 680, Height = 340, Pad = 56, Top = 44;
        var points = report.Curves.SelectMany(c => c.Points).Where(p => p.Value is not null).ToList();
        var maxX = Math.Max(1, points.Count == 0 ? 1 : points.Max(p => p.Labels));
        // The value axis spans what was measured (rounded out to tenths), not 0 to the top: the orders differ by hundredths.
        var values = points.SelectMany(p => new[] { p.Value, p.Lowest, p.Highest }).Append(report.Majority).OfType<double>().DefaultIfEmpty(0).ToList();
        var low = Math.Max(0, Math.Floor(values.Min() * 10) / 10);
        var high = Math.Ceiling(values.Max() * 10) / 10;
        high = Math.Max(high, low + 0.1);
        double X(int labels) => Pad + ((double)labels / maxX * (Width - Pad - 24));
        double Y(double value) => Height - Pad - ((value - low) / (high - low) * (Height - Pad - Top));
        var svg = new StringBuilder();
        svg.Append(Invariant($"<svg id=\"simulation-chart\" xmlns=\"http://www.w3.org/2000/svg\" width=\"{Width}\" height=\"{Height}\" role=\"img\" aria-label=\"{HtmlPage.Encode(report.Metric)} against labels used, per order\" font-family=\"sans-serif\">"));
        svg.Append(Invariant($"<rect width=\"{Width}\" height=\"{Height}\" fill=\"#fff\"/>"));
        for (var tick = 0; tick <= 4; tick++)
        {
            var value = low + ((high - low) * tick / 4);
            svg.Append(Invariant($"<line x1=\"{Pad}\" x2=\"{Width - 24}\" y1=\"{Y(value):0.0}\" y2=\"{Y(value):0.0}\" stroke=\"#eee\"/>"));
            svg.Append(Invariant($"<text x=\"{Pad - 6}\" y=\"{Y(value) + 4:0.0}\" font-size=\"11\" text-anchor=\"end\">{value:0.00}</text>"));
        }

        var labelStep = RoundStep(maxX / 4.0);
        for (var labels = 0; labels <= maxX; labels += labelStep)
        {
            svg.Append(Invariant($"<text x=\"{X(labels):0.0}\" y=\"{Height - Pad + 16}\" font-size=\"11\" text-anchor=\"middle\">{labels}</text>"));
        }

        svg.Append(Invariant($"<line x1=\"{Pad}\" y1=\"{Height - Pad}\" x2=\"{Width - 24}\" y2=\"{Height - Pad}\" stroke=\"#999\"/><line x1=\"{Pad}\" y1=\"{Top}\" x2=\"{Pad}\" y2=\"{Height - Pad}\" stroke=\"#999\"/>"));
        if (report.Majority is { } majority)
        {
            svg.Append(Invariant($"<line class=\"majority\" x1=\"{Pad}\" x2=\"{Width - 24}\" y1=\"{Y(majority):0.0}\" y2=\"{Y(majority):0.0}\" stroke=\"#d62728\" stroke-dasharray=\"4 3\"/>"));
        }

        var legend = new StringBuilder();
        var legendX = (double)Pad;
        for (var i = 0; i < report.Curves.Count; i++)
        {
            var curve = report.Curves[i];
            var color = Colors[i % Colors.Length];
            var defined = curve.Points.Where(p => p.Value is not null).ToList();
            var spread = defined.Where(p => p.Lowest is not null && p.Highest is not null).ToList();
            if (report.Repeats > 1 && spread.Count > 1)
            {
                // The band between the worst and best run: how much of the difference between orders could be luck.
                var outline = spread.Select(p => Invariant($"{X(p.Labels):0.0},{Y(p.Highest!.Value):0.0}"))
                    .Concat(Enumerable.Reverse(spread).Select(p => Invariant($"{X(p.Labels):0.0},{Y(p.Lowest!.Value):0.0}")));
                svg.Append(Invariant($"<polygon class=\"band {Name(curve.Order)}\" fill=\"{color}\" fill-opacity=\"0.15\" stroke=\"none\" points=\"{string.Join(' ', outline)}\"/>"));
            }

            svg.Append(Invariant($"<polyline class=\"curve {Name(curve.Order)}\" fill=\"none\" stroke=\"{color}\" stroke-width=\"2\" points=\"{string.Join(' ', defined.Select(p => Invariant($"{X(p.Labels):0.0},{Y(p.Value!.Value):0.0}")))}\"/>"));
            legend.Append(Invariant($"<line x1=\"{legendX:0}\" x2=\"{legendX + 22:0}\" y1=\"18\" y2=\"18\" stroke=\"{color}\" stroke-width=\"3\"/><text x=\"{legendX + 28:0}\" y=\"22\" font-size=\"12\">{Name(curve.Order)} (mean {Figures.Value(report.Area(curve.Order))})</text>"));
            legendX += 190;
        }

        if (report.Majority is { } reference)
        {
            legend.Append(Invariant($"<line x1=\"{legendX:0}\" x2=\"{legendX + 22:0}\" y1=\"18\" y2=\"18\" stroke=\"#d62728\" stroke-dasharray=\"4 3\"/><text x=\"{legendX + 28:0}\" y=\"22\" font-size=\"12\">most common label {Figures.Value(reference)}</text>"));
        }

        svg.Append(legend);
        var band = report.Repeats > 1 ? Invariant($"; shaded: lowest to highest of {report.Repeats} runs") : "";
        svg.Append(Invariant($"<text x=\"{(Width + Pad) / 2}\" y=\"{Height - 12}\" font-size=\"12\" text-anchor=\"middle\">labels used{band}</text>"));
        svg.Append(Invariant($"<text x=\"14\" y=\"{(Height - Pad + Top) / 2}\" font-size=\"12\" text-anchor=\"middle\" transform=\"rotate(-90 14 {(Height - Pad + Top) / 2})\">held-out {HtmlPage.Encode(report.Metric)} ({(report.LowerIsBetter ? "lower" : "higher")} is better)</text>"));
        return svg.Append("</svg>").ToString();
    }

    /// <summary>The chart alone, as a standalone SVG document (for a README or a review).</summary>
    public static string ToSvg(SimulationReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return Chart(report);
    }

    // The smallest 1, 2 or 5 times a power of ten at least `raw`: ticks at round numbers of labels.
    private static int RoundStep(double raw)
    {
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(Math.Max(raw, 1))));
        return (int)Math.Max(1, RoundMultiples.Select(m => m * magnitude).First(step => step >= raw));
    }

    private static string Name(LabelingOrder order) => order.ToString().ToLowerInvariant();

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
