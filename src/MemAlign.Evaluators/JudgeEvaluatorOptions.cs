using Microsoft.Extensions.AI.Evaluation;

namespace MemAlign.Evaluators;

/// <summary>How a <see cref="JudgeEvaluator"/> names its metric and interprets the judge's verdicts.</summary>
public sealed record JudgeEvaluatorOptions
{
    /// <summary>The metric's name; <see langword="null"/> (the default) uses the judge's name.</summary>
    public string? MetricName { get; init; }

    /// <summary>
    /// The judge's version in a registry (<c>JudgeVersionInfo.Version</c>), reported in the metric's metadata as
    /// <see cref="JudgeEvaluatorMetadata.JudgeVersion"/>; <see langword="null"/> when the judge is not a registered one.
    /// </summary>
    public int? JudgeVersion { get; init; }

    /// <summary>
    /// The lowest passing value of a numeric judge; <see langword="null"/> (the default) puts it three quarters of the
    /// way up the scale (4 on 1..5, as the evaluation package's own 1-5 evaluators pass at 4).
    /// </summary>
    public double? PassingScore { get; init; }

    /// <summary>
    /// The options of a categorical judge that pass (matched case-insensitively); any other option fails.
    /// <see langword="null"/> (the default) leaves categorical metrics uninterpreted: their options have no order.
    /// </summary>
    public IReadOnlyCollection<string>? PassingOptions { get; init; }

    /// <summary>
    /// Interprets a verdict that has a value, in place of the defaults (pass/fail by the boolean value, numeric by
    /// <see cref="PassingScore"/>, categorical by <see cref="PassingOptions"/>); returning <see langword="null"/>
    /// leaves the metric uninterpreted. A verdict without a value always fails, whatever this says.
    /// </summary>
    public Func<JudgeVerdict, EvaluationMetricInterpretation?>? Interpret { get; init; }

    internal static JudgeEvaluatorOptions Default { get; } = new();
}
