using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using MemAlign.Evaluation;
using MemAlign.Reporting;

namespace MemAlign.Cli;

/// <summary>Which figure a gate compares with its threshold: the estimate, or its 95% lower confidence bound.</summary>
internal enum GateMode
{
    /// <summary>The figure itself.</summary>
    Value,

    /// <summary>The lower end of the figure's 95% bootstrap interval: passing says the figure is above the threshold with 95% confidence.</summary>
    LowerBound,
}

/// <summary>One figure a gate holds to a minimum, as <c>--fail-under NAME=MIN</c> names it.</summary>
/// <param name="Metric">The figure's name on the command line.</param>
/// <param name="Minimum">The lowest value that passes.</param>
internal sealed record GateThreshold(string Metric, double Minimum);

/// <summary>How one figure fared against its threshold.</summary>
/// <param name="Metric">The figure's name on the command line.</param>
/// <param name="Minimum">The threshold.</param>
/// <param name="Value">The figure (null when undefined for the data, which fails).</param>
/// <param name="Interval">Its 95% interval, when the report has one.</param>
/// <param name="Compared">What was held to the threshold: the value, or the interval's lower bound.</param>
internal sealed record GateCheck(string Metric, double Minimum, double? Value, ConfidenceInterval? Interval, double? Compared)
{
    /// <summary>Whether it is at least the threshold.</summary>
    public bool Passed => Compared >= Minimum;
}

/// <summary>The outcome of a gate on one report: every check, the judge error rate, and one line saying why it failed.</summary>
internal sealed record GateOutcome(GateMode Mode, IReadOnlyList<GateCheck> Checks, double ErrorRate, int Errors, int Judged, double MaxErrorRate, bool Offline)
{
    /// <summary>Whether every figure reached its threshold and the errors stayed within their rate.</summary>
    public bool Passed => ErrorRate <= MaxErrorRate && Checks.All(c => c.Passed);

    /// <summary>One line for the log of a CI step.</summary>
    public string Summary
    {
        get
        {
            var what = Mode == GateMode.LowerBound ? "95% lower bound of " : "";
            var failures = Checks.Where(c => !c.Passed).Select(c => c.Compared is null
                    ? $"{c.Metric} is undefined on these traces (needs at least {Figures.Value(c.Minimum)})"
                    : $"{what}{c.Metric} {Figures.Value(c.Compared)} is under {Figures.Value(c.Minimum)}{(Mode == GateMode.LowerBound ? $" ({c.Metric} {Figures.Value(c.Value)})" : "")}")
                .ToList();
            if (ErrorRate > MaxErrorRate)
            {
                failures.Add(string.Create(CultureInfo.InvariantCulture, $"judge error rate {ErrorRate:0.###} ({Errors} of {Judged}) is over --max-error-rate {MaxErrorRate:0.###}"));
            }

            var passed = string.Join(", ", Checks.Select(c => $"{what}{c.Metric} {Figures.Value(c.Compared)} >= {Figures.Value(c.Minimum)}")
                .Append(string.Create(CultureInfo.InvariantCulture, $"judge errors {Errors} of {Judged}")));
            var offline = Offline ? " (offline: the local judge's figures, not a model's)" : "";
            return failures.Count > 0 ? $"Quality gate failed{offline}: {string.Join("; ", failures)}." : $"Quality gate passed{offline}: {passed}.";
        }
    }
}

/// <summary>
/// <c>--fail-under NAME=MIN,...</c>, <c>--gate value|lower-bound</c> and <c>--max-error-rate R</c>: a CI step fails
/// (exit code <see cref="ExitCodes.GateFailed"/>, one line saying why) when a figure falls short or the judge errs too often.
/// </summary>
internal sealed class GateOptions
{
    // Figures a gate can hold, by the name users type: higher is better for each, so a minimum is what a gate needs.
    private static readonly Dictionary<string, string> Names = new(StringComparer.OrdinalIgnoreCase)
    {
        ["accuracy"] = "accuracy (pass/fail and categorical judges)",
        ["kappa"] = "Cohen's kappa, or quadratic weighted kappa for numeric judges",
        ["exact"] = "exact agreement (numeric judges)",
        ["within_one"] = "agreement within one point (numeric judges)",
    };

    private readonly Option<GateThreshold[]> _failUnder = new("--fail-under")
    {
        Description = "Fail (exit 3) when a figure is under its minimum: accuracy=0.8,kappa=0.6 (accuracy, kappa, exact, within_one).",
        HelpName = "NAME=MIN,...",
        AllowMultipleArgumentsPerToken = true,
        CustomParser = Parse,
    };

    private readonly Option<Choice<GateMode>> _gate = ChoiceOption.One("--gate",
        "What --fail-under compares: the figure (value) or its 95% lower confidence bound (lower-bound).",
        new Choice<GateMode>("value", GateMode.Value), new Choice<GateMode>("lower-bound", GateMode.LowerBound));

    private readonly Option<double?> _maxErrorRate = new("--max-error-rate")
    {
        Description = "With --fail-under: the share of traces the judge may fail to judge (default 0: any judge error fails the gate).",
        HelpName = "RATE",
    };

    public GateOptions()
    {
        _maxErrorRate.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<double?>() is { } rate && rate is < 0 or > 1 or double.NaN)
            {
                result.AddError($"--max-error-rate must be a share from 0 to 1, such as 0.05; got {rate.ToString(CultureInfo.InvariantCulture)}.");
            }
        });
    }

    public void AddTo(Command command)
    {
        command.Options.Add(_failUnder);
        command.Options.Add(_gate);
        command.Options.Add(_maxErrorRate);
    }

    /// <summary>The gate the command line asks for, or null when it names no threshold and no error rate.</summary>
    public Gate? Read(ParseResult parse)
    {
        var thresholds = parse.GetValue(_failUnder) ?? [];
        var maxErrorRate = parse.GetValue(_maxErrorRate);
        if (thresholds.Length == 0 && maxErrorRate is null)
        {
            if (parse.GetResult(_gate) is { Implicit: false })
            {
                throw new UsageException("--gate says what --fail-under compares; give --fail-under too, such as --fail-under kappa=0.6.");
            }

            return null;
        }

        return new Gate(thresholds, parse.GetValue(_gate)!.Value, maxErrorRate ?? 0);
    }

    private static GateThreshold[] Parse(ArgumentResult result)
    {
        var thresholds = new List<GateThreshold>();
        foreach (var term in result.Tokens.SelectMany(t => t.Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)))
        {
            var parts = term.Split('=', 2, StringSplitOptions.TrimEntries);
            if (parts.Length != 2 || !Names.ContainsKey(parts[0]))
            {
                result.AddError($"--fail-under takes NAME=MIN terms, such as accuracy=0.8,kappa=0.6; '{term}' is not one. Names: {string.Join(", ", Names.Select(n => $"{n.Key} ({n.Value})"))}.");
                return [];
            }

            if (!double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var minimum) || !double.IsFinite(minimum) || minimum is < -1 or > 1)
            {
                result.AddError($"--fail-under {parts[0]}={parts[1]}: the minimum must be a number from -1 to 1 (agreement figures are shares or kappas), such as {parts[0]}=0.7.");
                return [];
            }

            var metric = parts[0].ToLowerInvariant();
            if (thresholds.Any(t => t.Metric == metric))
            {
                result.AddError($"--fail-under names {metric} twice; give each figure one minimum.");
                return [];
            }

            thresholds.Add(new GateThreshold(metric, minimum));
        }

        return [.. thresholds];
    }
}

/// <summary>The thresholds a command was given, applied to the report it made.</summary>
internal sealed class Gate(IReadOnlyList<GateThreshold> thresholds, GateMode mode, double maxErrorRate)
{
    /// <summary>
    /// Refuses, before any judging, what a judge's report cannot hold: a figure of the other kind of judge, or a lower bound of a
    /// figure an evaluation run reports without an interval.
    /// </summary>
    /// <param name="judge">The judge's definition.</param>
    /// <param name="experiment">Whether the report is an experiment's (every figure has an interval there).</param>
    public void Validate(JudgeDefinition judge, bool experiment)
    {
        var numeric = judge.ValueType.Kind is FeedbackTypeKind.Integer or FeedbackTypeKind.Number;
        foreach (var threshold in thresholds)
        {
            var forNumeric = threshold.Metric is "exact" or "within_one";
            if (threshold.Metric != "kappa" && forNumeric != numeric)
            {
                throw Unavailable(threshold.Metric, judge.Name, numeric);
            }

            if (!experiment && mode == GateMode.LowerBound && threshold.Metric is "exact" or "within_one")
            {
                throw new UsageException($"--gate lower-bound: an evaluation run reports {threshold.Metric} without a confidence interval; gate it with --gate value, or gate kappa.");
            }
        }
    }

    /// <summary>An evaluation run's figures (estimate and interval) against the thresholds, and its errors among its results.</summary>
    public GateOutcome Check(EvaluationReport report)
    {
        var numeric = report.Numeric is not null;
        var checks = thresholds.Select(t => t.Metric switch
        {
            "accuracy" when report.Categorical is { } c => Make(t, c.Accuracy, report.Intervals.GetValueOrDefault("accuracy")),
            "kappa" when report.Categorical is { } c => Make(t, c.CohensKappa, report.Intervals.GetValueOrDefault("cohens_kappa")),
            "kappa" when report.Numeric is { } n => Make(t, n.QuadraticWeightedKappa, report.Intervals.GetValueOrDefault("quadratic_weighted_kappa")),
            "exact" when report.Numeric is { } n => Make(t, n.ExactAgreement, null),
            "within_one" when report.Numeric is { } n => Make(t, n.WithinOneAgreement, null),
            _ when report.Categorical is null && report.Numeric is null => Make(t, null, null),
            _ => throw Unavailable(t.Metric, report.JudgeName, numeric),
        }).ToList();
        return new GateOutcome(mode, checks, report.Results == 0 ? 0 : (double)report.Errors / report.Results, report.Errors, report.Results, maxErrorRate, report.Offline);
    }

    /// <summary>An experiment's aligned figures (estimate and interval) against the thresholds, and its held-out rows lost to judge errors.</summary>
    public GateOutcome Check(ExperimentReport report)
    {
        var numeric = report.Metrics.Any(m => m.Name == "MAE");
        var checks = thresholds.Select(t =>
        {
            var name = (t.Metric, numeric) switch
            {
                ("accuracy", false) => "accuracy",
                ("kappa", false) => "Cohen's kappa",
                ("kappa", true) => "quadratic weighted kappa",
                ("exact", true) => "exact agreement",
                ("within_one", true) => "within-1 agreement",
                _ => throw Unavailable(t.Metric, report.JudgeName, numeric),
            };
            var aligned = report.Metrics.FirstOrDefault(m => m.Name == name)?.Aligned;
            return Make(t, aligned?.Estimate, aligned);
        }).ToList();
        var judged = report.ComparableRows + report.ErrorRows;
        return new GateOutcome(mode, checks, judged == 0 ? 0 : (double)report.ErrorRows / judged, report.ErrorRows, judged, maxErrorRate, report.Offline);
    }

    private GateCheck Make(GateThreshold threshold, double? value, ConfidenceInterval? interval)
    {
        var compared = mode == GateMode.LowerBound ? interval?.Lower : value;
        return new GateCheck(threshold.Metric, threshold.Minimum, value, interval, compared is { } v && double.IsFinite(v) ? v : null);
    }

    private static UsageException Unavailable(string metric, string judge, bool numeric) =>
        new($"--fail-under {metric}: judge '{judge}' is {(numeric ? "numeric" : "pass/fail or categorical")}, so its report has no {metric}; "
            + $"gate it on {(numeric ? "kappa (quadratic weighted), exact or within_one" : "accuracy or kappa")}.");
}

/// <summary>Where a gate's line goes: a failure on standard error, even with --json, so a CI log shows why the step failed.</summary>
internal static class GateReport
{
    public static void Print(CliOutput output, GateOutcome? outcome)
    {
        if (outcome is { Passed: false })
        {
            output.Notice(outcome.Summary);
        }
        else if (outcome is not null)
        {
            output.Line(outcome.Summary);
        }
    }
}
