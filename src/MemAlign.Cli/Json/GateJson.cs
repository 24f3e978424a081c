namespace MemAlign.Cli.Json;

/// <summary>A quality gate's outcome (<c>--fail-under</c>, <c>--max-error-rate</c>): each figure against its minimum, and the judge's errors.</summary>
/// <param name="Passed">Whether every figure reached its minimum and the errors stayed within their rate (exit code 3 when not).</param>
/// <param name="Mode">What was compared: "value" or "lower_bound" (the 95% lower confidence bound).</param>
/// <param name="Checks">Each figure named by --fail-under.</param>
/// <param name="Errors">Traces the judge could not judge.</param>
/// <param name="Judged">Traces it was asked to judge.</param>
/// <param name="ErrorRate">errors / judged.</param>
/// <param name="MaxErrorRate">The most the gate allowed (--max-error-rate, default 0).</param>
/// <param name="Summary">The one line the tool printed.</param>
internal sealed record GateJson(bool Passed, string Mode, IReadOnlyList<GateCheckJson> Checks, int Errors, int Judged, double ErrorRate, double MaxErrorRate, string Summary)
{
    public static GateJson? From(GateOutcome? outcome) => outcome is null ? null : new(outcome.Passed, JsonResult.Name(outcome.Mode),
        [.. outcome.Checks.Select(c => new GateCheckJson(c.Metric, c.Minimum, c.Value, IntervalJson.From(c.Interval), c.Compared, c.Passed))],
        outcome.Errors, outcome.Judged, outcome.ErrorRate, outcome.MaxErrorRate, outcome.Summary);
}

/// <summary>One figure held to its minimum.</summary>
/// <param name="Metric">As --fail-under names it: accuracy, kappa, exact or within_one.</param>
/// <param name="Minimum">The minimum.</param>
/// <param name="Value">The figure; null when undefined for the data (which fails).</param>
/// <param name="Interval">Its 95% bootstrap interval, when the report has one.</param>
/// <param name="Compared">What was held to the minimum: the value, or the interval's lower bound.</param>
/// <param name="Passed">Whether compared is at least the minimum.</param>
internal sealed record GateCheckJson(string Metric, double Minimum, double? Value, IntervalJson? Interval, double? Compared, bool Passed);
