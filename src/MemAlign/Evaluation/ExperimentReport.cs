namespace MemAlign.Evaluation;

/// <summary>One metric of a baseline-versus-aligned comparison, with bootstrap intervals and the paired difference.</summary>
/// <param name="Name">The metric, such as "accuracy" or "MAE".</param>
/// <param name="LowerIsBetter">Whether smaller is better (MAE).</param>
/// <param name="Baseline">The baseline judge's value and interval.</param>
/// <param name="Aligned">The aligned judge's value and interval.</param>
/// <param name="Difference">Aligned minus baseline, bootstrapped on the same rows.</param>
public sealed record MetricComparison(string Name, bool LowerIsBetter, ConfidenceInterval? Baseline, ConfidenceInterval? Aligned, ConfidenceInterval? Difference)
{
    /// <summary>Whether the difference's interval excludes zero.</summary>
    public bool IsSignificant => Difference?.ExcludesZero ?? false;

    /// <summary>Whether alignment made it better (significantly or not).</summary>
    public bool Improved => Difference is { } d && (LowerIsBetter ? d.Estimate < 0 : d.Estimate > 0);
}

/// <summary>One point of the learning curve: agreement after aligning on this many labelled examples.</summary>
/// <param name="Examples">Labelled examples aligned on (per fold).</param>
/// <param name="Value">The primary metric, pooled over the held-out folds.</param>
public sealed record LearningCurvePoint(int Examples, double? Value);

/// <summary>One fold of a cross-validated experiment: what it aligned on and what it held out.</summary>
/// <param name="Index">The fold, from 0.</param>
/// <param name="TrainTraceIds">Traces aligned on.</param>
/// <param name="TestTraceIds">Traces held out and scored.</param>
/// <param name="MemoryTraceIds">The traces the aligned judge's memory holds examples of, sorted (never a held-out one).</param>
public sealed record FoldReport(int Index, IReadOnlyList<string> TrainTraceIds, IReadOnlyList<string> TestTraceIds, IReadOnlyList<string> MemoryTraceIds);

/// <summary>What an experiment cost.</summary>
/// <param name="ModelCalls">Judge and reflection model calls.</param>
/// <param name="Usage">Tokens.</param>
/// <param name="Elapsed">Wall time.</param>
public sealed record ExperimentCost(int ModelCalls, TokenUsage Usage, TimeSpan Elapsed);

/// <summary>A cross-validated comparison of a judge before and after alignment, on held-out data.</summary>
public sealed record ExperimentReport
{
    /// <summary>The judge.</summary>
    public required string JudgeName { get; init; }

    /// <summary>Folds (K).</summary>
    public required int Folds { get; init; }

    /// <summary>Held-out rows where both judges and the human gave a value.</summary>
    public required int ComparableRows { get; init; }

    /// <summary>Held-out rows the baseline judge scored (none offline: a local judge needs memory).</summary>
    public int BaselineRows { get; init; }

    /// <summary>Held-out rows the aligned judge scored.</summary>
    public int AlignedRows { get; init; }

    /// <summary>Held-out rows left out because the human said "not applicable".</summary>
    public int NotApplicableRows { get; init; }

    /// <summary>Held-out rows left out because a judge returned an error.</summary>
    public int ErrorRows { get; init; }

    /// <summary>The metrics, primary first.</summary>
    public required IReadOnlyList<MetricComparison> Metrics { get; init; }

    /// <summary>The primary metric with only semantic memory (guidelines), only episodic memory (examples), and both.</summary>
    public IReadOnlyDictionary<string, double?> Ablations { get; init; } = new Dictionary<string, double?>();

    /// <summary>The primary metric after aligning on 0, 2, 5, 10, 25, 50 examples (as many as exist).</summary>
    public IReadOnlyList<LearningCurvePoint> LearningCurve { get; init; } = [];

    /// <summary>The folds.</summary>
    public required IReadOnlyList<FoldReport> FoldDetails { get; init; }

    /// <summary>What it cost.</summary>
    public required ExperimentCost Cost { get; init; }

    /// <summary>The primary metric's comparison.</summary>
    public MetricComparison Primary => Metrics[0];
}
