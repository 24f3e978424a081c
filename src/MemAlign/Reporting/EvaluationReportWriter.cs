using System.Globalization;
using System.Text;
using MemAlign.Evaluation;

namespace MemAlign.Reporting;

/// <summary>Writes an <see cref="EvaluationReport"/> for people: text for a console, Markdown, and one self-contained HTML page.</summary>
public static class EvaluationReportWriter
{
    /// <summary>The report as console text: the agreement, the reference, and the first disagreements.</summary>
    public static string ToText(EvaluationReport report, int disagreements = 10)
    {
        ArgumentNullException.ThrowIfNull(report);
        var text = new StringBuilder();
        text.Append(Invariant($"Judge '{report.JudgeName}' in run {report.RunId}: {report.Results} result(s), {report.Errors} error(s), {report.Compared} with the experts' labels.")).Append('\n');
        text.Append("  ").Append(UsageLine(report)).Append('\n');
        foreach (var line in Summary(report))
        {
            text.Append("  ").Append(line).Append('\n');
        }

        foreach (var d in report.Disagreements.Take(disagreements))
        {
            text.Append(Invariant($"  differs on {d.TraceId}: experts {d.Human}, judge {d.Judge}")).Append('\n');
        }

        if (report.Disagreements.Count > disagreements)
        {
            text.Append(Invariant($"  ... and {report.Disagreements.Count - disagreements} more (see the HTML or Markdown report)")).Append('\n');
        }

        return text.ToString();
    }

    /// <summary>The report as Markdown: summary, confusion matrix, every disagreement.</summary>
    public static string ToMarkdown(EvaluationReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var md = new StringBuilder();
        md.Append(Invariant($"# Evaluation of `{report.JudgeName}` ({Cell(report.ValueType.ToString())}), run {Cell(report.RunId)}\n\n"));
        foreach (var line in Summary(report).Append(UsageLine(report)))
        {
            md.Append("- ").Append(Cell(line)).Append('\n');
        }

        if (report.Categorical is { } categorical)
        {
            md.Append("\n## Confusion matrix (rows: experts, columns: judge)\n\n| | ").Append(string.Join(" | ", categorical.Classes.Select(Cell))).Append(" |\n|---|")
                .Append(string.Concat(categorical.Classes.Select(_ => "---|"))).Append('\n');
            for (var i = 0; i < categorical.Classes.Count; i++)
            {
                md.Append("| ").Append(Cell(categorical.Classes[i])).Append(" | ")
                    .Append(string.Join(" | ", Enumerable.Range(0, categorical.Classes.Count).Select(j => categorical.ConfusionMatrix[i, j].ToString(CultureInfo.InvariantCulture)))).Append(" |\n");
            }
        }

        md.Append(Invariant($"\n## Disagreements ({report.Disagreements.Count})\n\n| Trace | Experts | Judge | Rationale |\n|---|---|---|---|\n"));
        foreach (var d in report.Disagreements)
        {
            md.Append("| ").Append(Cell(d.TraceId)).Append(" | ").Append(Cell(d.Human)).Append(" | ").Append(Cell(d.Judge)).Append(" | ").Append(Cell(d.Rationale ?? "")).Append(" |\n");
        }

        return md.ToString();
    }

    /// <summary>The report as one self-contained HTML page (no script, no external asset; all text encoded).</summary>
    public static string ToHtml(EvaluationReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return HtmlPage.Write($"Evaluation of {report.JudgeName}", html =>
        {
            html.Append("<h1>Evaluation of <code>").Append(HtmlPage.Encode(report.JudgeName)).Append("</code> (").Append(HtmlPage.Encode(report.ValueType)).Append(")</h1><ul>");
            foreach (var line in Summary(report).Append(UsageLine(report)))
            {
                html.Append("<li>").Append(HtmlPage.Encode(line)).Append("</li>");
            }

            html.Append("</ul>");
            html.Append(AgreementChart(report));
            if (report.Categorical is { } categorical)
            {
                html.Append("<h2>Confusion matrix (rows: experts, columns: judge)</h2><table><tr><th></th>");
                foreach (var c in categorical.Classes)
                {
                    html.Append("<th>").Append(HtmlPage.Encode(c)).Append("</th>");
                }

                html.Append("</tr>");
                for (var i = 0; i < categorical.Classes.Count; i++)
                {
                    html.Append("<tr><th>").Append(HtmlPage.Encode(categorical.Classes[i])).Append("</th>");
                    var row = Enumerable.Range(0, categorical.Classes.Count).Sum(j => categorical.ConfusionMatrix[i, j]);
                    for (var j = 0; j < categorical.Classes.Count; j++)
                    {
                        // Shaded by the share of the experts' row: the diagonal should be dark.
                        var share = row == 0 ? 0 : (double)categorical.ConfusionMatrix[i, j] / row;
                        html.Append(Invariant($"<td class=\"cell\" style=\"background:rgba(31,119,180,{share * 0.8:0.00})\">")).Append(categorical.ConfusionMatrix[i, j].ToString(CultureInfo.InvariantCulture)).Append("</td>");
                    }

                    html.Append("</tr>");
                }

                html.Append("</table>");
            }

            html.Append(Invariant($"<h2>Disagreements ({report.Disagreements.Count})</h2><table><tr><th>Trace</th><th>Experts</th><th>Judge</th><th>Rationale</th></tr>"));
            foreach (var d in report.Disagreements)
            {
                html.Append("<tr><td>").Append(HtmlPage.Encode(d.TraceId)).Append("</td><td>").Append(HtmlPage.Encode(d.Human)).Append("</td><td>").Append(HtmlPage.Encode(d.Judge))
                    .Append("</td><td style=\"text-align:left\">").Append(HtmlPage.Encode(d.Rationale ?? "")).Append("</td></tr>");
            }

            html.Append("</table>");
        });
    }

    // The headline figure as a bar with its 95% interval, and the majority-label reference as a dashed line.
    private static string AgreementChart(EvaluationReport report)
    {
        var (metric, estimate, reference, scale) = report switch
        {
            { Categorical.Accuracy: { } accuracy } => ("accuracy", accuracy, report.MajorityScore, 1.0),
            { Numeric.MeanAbsoluteError: { } error } => ("mean_absolute_error", error, report.MajorityScore, Math.Max(Math.Max(error, report.MajorityScore ?? 0), 1e-9)),
            _ => (null, 0.0, null, 1.0),
        };
        if (metric is null)
        {
            return "";
        }

        const int Left = 150, Width = 360;
        double X(double v) => Left + Width * Math.Clamp(v / scale, 0, 1);
        var svg = new StringBuilder();
        svg.Append(Invariant($"<svg id=\"agreement-chart\" xmlns=\"http://www.w3.org/2000/svg\" width=\"{Left + Width + 180}\" height=\"70\" role=\"img\" aria-label=\"{metric} with its 95% interval and the majority-label reference\">"));
        svg.Append(Invariant($"<text x=\"0\" y=\"30\" font-size=\"13\">{(metric == "accuracy" ? "Accuracy" : "Mean absolute error")}</text>"));
        svg.Append(Invariant($"<rect x=\"{Left}\" y=\"18\" width=\"{X(estimate) - Left:0.0}\" height=\"16\" fill=\"#1f77b4\"/>"));
        if (report.Intervals.TryGetValue(metric, out var interval))
        {
            svg.Append(Invariant($"<line x1=\"{X(interval.Lower):0.0}\" x2=\"{X(interval.Upper):0.0}\" y1=\"26\" y2=\"26\" stroke=\"#222\" stroke-width=\"1.5\"/>"));
        }

        if (reference is { } r)
        {
            svg.Append(Invariant($"<line x1=\"{X(r):0.0}\" x2=\"{X(r):0.0}\" y1=\"8\" y2=\"44\" stroke=\"#d62728\" stroke-dasharray=\"4 3\"/>"));
            svg.Append(Invariant($"<text x=\"{X(r) + 4:0.0}\" y=\"58\" font-size=\"11\" fill=\"#d62728\">majority label {Figures.Value(r)}</text>"));
        }

        svg.Append(Invariant($"<text x=\"{Left + Width + 8}\" y=\"30\" font-size=\"12\">{Figures.Value(estimate)}{IntervalNote(report, metric)}</text>"));
        return svg.Append("</svg>").ToString();
    }

    // The lines every format shows: the figures, the reference, and what the reader must know about the data.
    /// <summary>Calls and tokens: input (of which read from the provider's prompt cache) and output.</summary>
    internal static string UsageLine(EvaluationReport report) =>
        Invariant($"Model calls: {report.ModelCalls}; tokens: {report.Usage.InputTokens} input ({report.Usage.CachedInputTokens} cached), {report.Usage.OutputTokens} output.");

    private static IEnumerable<string> Summary(EvaluationReport report)
    {
        if (report.PositionConsistency is { } position)
        {
            // Labelled or not: whether the verdict depends on which candidate came first needs no expert.
            yield return Invariant($"Position consistency {Figures.Value(position.Rate)}{Figures.IntervalNote(position.Interval)}: the judge gave the same answer with either candidate first on {position.Consistent} of {position.Pairs} pair(s); {Figures.Value(position.InconsistentShare)} of its verdicts were position-inconsistent.");
        }

        if (report.Compared == 0)
        {
            yield return $"No trace of the run has a human label named '{report.JudgeName}': label some (in a labeling session, or import them) to see the agreement.";
            yield break;
        }

        if (report.Offline)
        {
            yield return "Offline: these verdicts come from the local judge (a similarity vote over aligned examples, no LLM); they show the workflow, not what a model would score.";
        }

        if (report.Categorical is { } c)
        {
            yield return Invariant($"Accuracy {Figures.Value(c.Accuracy)}{IntervalNote(report, "accuracy")}, Cohen's kappa {Figures.Value(c.CohensKappa)}{IntervalNote(report, "cohens_kappa")} on {c.Count} trace(s).");
            yield return Invariant($"Reference: always answering the experts' most common label ('{report.MajorityLabel}') scores accuracy {Figures.Value(report.MajorityScore)}, kappa 0.")
                + (c.Accuracy < report.MajorityScore ? " The judge is below it." : "");
        }

        if (report.Numeric is { } n)
        {
            var applicableOnly = n.Applicability is null ? "" : " both found applicable";
            yield return Invariant($"Mean absolute error {Figures.Value(n.MeanAbsoluteError)}{IntervalNote(report, "mean_absolute_error")}, exact agreement {Figures.Value(n.ExactAgreement)}, quadratic weighted kappa {Figures.Value(n.QuadraticWeightedKappa)}{IntervalNote(report, "quadratic_weighted_kappa")} on {n.Count} trace(s){applicableOnly}.");
            yield return Invariant($"Reference: always answering the experts' most common rating ({report.MajorityLabel}) gives a mean absolute error of {Figures.Value(report.MajorityScore)}.")
                + (n.MeanAbsoluteError > report.MajorityScore ? " The judge does worse." : "");
            if (n.Applicability is { } a)
            {
                // Applicability apart from the scale: a judge that rates what the experts found not applicable errs in kind, not by points.
                yield return Invariant($"Applicability ('not applicable' is {report.NotApplicable}): the judge and the experts agree whether the question applies on {Figures.Value(a.Accuracy)}{IntervalNote(report, "applicability_accuracy")} of {a.Count} trace(s), Cohen's kappa {Figures.Value(a.CohensKappa)}{IntervalNote(report, "applicability_kappa")}; {n.NotApplicable} trace(s) where either said not applicable are left out of the scale's figures.");
                yield return Invariant($"Applicability reference: always answering '{report.ApplicabilityMajorityLabel}' scores accuracy {Figures.Value(report.ApplicabilityMajorityScore)}, kappa 0.")
                    + (a.Accuracy < report.ApplicabilityMajorityScore ? " The judge is below it." : "");
            }
        }

        if (report.HumanAgreement is { } humans)
        {
            yield return "Human-human agreement: " + humans
                + (humans.Statistics?.MeanCohensKappa is { } kappa && report.Categorical?.CohensKappa is { } judge
                    ? Invariant($"; mean pairwise Cohen's kappa {Figures.Value(kappa)}{Figures.IntervalNote(humans.Statistics.MeanCohensKappaInterval)} against the judge's {Figures.Value(judge)}.")
                    : ".");
        }

        if (report.Redacted > 0)
        {
            yield return Invariant($"{report.Redacted} rationale(s) were withheld: those verdicts drew on traces since forgotten.");
        }

        if (report.ForgottenTraces > 0)
        {
            yield return Invariant($"{report.ForgottenTraces} trace(s) were forgotten after this run; its results on them are gone.");
        }
    }

    private static string IntervalNote(EvaluationReport report, string metric) =>
        Figures.IntervalNote(report.Intervals.GetValueOrDefault(metric));

    private static string Cell(string text) => MarkdownText.Escape(text);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
