using MemAlign.Evaluation;

namespace MemAlign.Cli.Json;

/// <summary>
/// <c>memalign experiment --json</c>, and <c>memalign report RUN --json</c> for an experiment run: baseline versus aligned
/// on held-out data, with the majority and human references, the learning curve and what it cost.
/// </summary>
internal sealed record ExperimentResult : JsonResult
{
    /// <summary>"experiment" (an evaluation run's report says "evaluation").</summary>
    public string Kind { get; } = "experiment";

    /// <summary>The run it is saved as, for <c>memalign report</c>.</summary>
    public required string Run { get; init; }

    /// <summary>The judge.</summary>
    public required string Judge { get; init; }

    /// <summary>cross_validation or train_test.</summary>
    public required string Design { get; init; }

    /// <summary>Folds (K); 1 for train/test.</summary>
    public int Folds { get; init; }

    /// <summary>The training set's filter (train/test), or null.</summary>
    public string? TrainSet { get; init; }

    /// <summary>The test set's filter (train/test), or null.</summary>
    public string? TestSet { get; init; }

    /// <summary>Labelled traces aligned on (train/test), or in all folds (cross-validation).</summary>
    public int TrainTraces { get; init; }

    /// <summary>Labelled traces scored.</summary>
    public int TestTraces { get; init; }

    /// <summary>What the baseline is, in words.</summary>
    public required string Baseline { get; init; }

    /// <summary>Whether the verdicts came from the local judge (no LLM).</summary>
    public bool Offline { get; init; }

    /// <summary>The training labels' most common value: the majority reference always answers it.</summary>
    public string? MajorityLabel { get; init; }

    /// <summary>The experts' agreement with each other on the experiment's traces, or null.</summary>
    public HumanAgreementJson? HumanAgreement { get; init; }

    /// <summary>The rule that made one label of several, in words.</summary>
    public required string LabelRule { get; init; }

    /// <summary>How many traces each part of the label rule decided.</summary>
    public required LabelResolutionJson LabelResolution { get; init; }

    /// <summary>What the figures mean, in sentences (the same in every report format).</summary>
    public required IReadOnlyList<string> Findings { get; init; }

    /// <summary>Held-out rows where both judges and the human gave a value.</summary>
    public int ComparableRows { get; init; }

    /// <summary>Held-out rows the baseline scored.</summary>
    public int BaselineRows { get; init; }

    /// <summary>Held-out rows the aligned judge scored.</summary>
    public int AlignedRows { get; init; }

    /// <summary>Held-out rows the human said "not applicable": left out of the scale's metrics (counted in the applicability metrics when the judge declares the value).</summary>
    public int NotApplicableRows { get; init; }

    /// <summary>The "not applicable" value used: the judge's declared one, or --not-applicable for a judge without one.</summary>
    public double? NotApplicable { get; init; }

    /// <summary>Whether the judge declares it (metrics then add "applicability accuracy" and "applicability kappa").</summary>
    public bool NotApplicableDeclared { get; init; }

    /// <summary>Held-out rows left out because a judge returned an error.</summary>
    public int ErrorRows { get; init; }

    /// <summary>The metrics, primary first.</summary>
    public required IReadOnlyList<MetricJson> Metrics { get; init; }

    /// <summary>The primary metric by memory: baseline, semantic only, episodic only, aligned.</summary>
    public required IReadOnlyDictionary<string, double?> Ablations { get; init; }

    /// <summary>Stratified samples behind each learning-curve point.</summary>
    public int LearningCurveRepeats { get; init; }

    /// <summary>The primary metric after aligning on samples of growing size.</summary>
    public required IReadOnlyList<CurvePointJson> LearningCurve { get; init; }

    /// <summary>Each fold: what it aligned on, held out, and what the memory held.</summary>
    public required IReadOnlyList<FoldJson> FoldDetails { get; init; }

    /// <summary>What it cost.</summary>
    public required CostJson Cost { get; init; }

    /// <summary>The quality gate's outcome (experiment --fail-under, --max-error-rate); null without one, and in a report.</summary>
    public GateJson? Gate { get; init; }

    /// <summary>The tokens this experiment spent (judge and reflection calls) and their cost at the prices given; null when 'report' shows a stored experiment.</summary>
    public TokenSpendJson? Usage { get; init; }

    /// <summary>The local-first cascade on the held-out folds (experiment --cascade); null without it.</summary>
    public CascadeJson? Cascade { get; init; }

    /// <summary>For a pairwise judge, the baseline's position consistency on the held-out pairs; null otherwise (and offline).</summary>
    public PositionConsistencyJson? BaselinePositionConsistency { get; init; }

    /// <summary>For a pairwise judge, the aligned judge's position consistency on the held-out pairs; null otherwise.</summary>
    public PositionConsistencyJson? AlignedPositionConsistency { get; init; }

    public static ExperimentResult From(ExperimentReport report, string run) => new()
    {
        Run = run, Judge = report.JudgeName, Design = Name(report.Design), Folds = report.Folds, TrainSet = report.TrainSet, TestSet = report.TestSet,
        TrainTraces = report.TrainTraces, TestTraces = report.TestTraces, Baseline = report.Baseline, Offline = report.Offline, MajorityLabel = report.MajorityLabel,
        HumanAgreement = HumanAgreementJson.From(report.HumanAgreement), LabelRule = report.LabelRule, LabelResolution = LabelResolutionJson.From(report.LabelResolution),
        Findings = report.Findings, ComparableRows = report.ComparableRows, BaselineRows = report.BaselineRows, AlignedRows = report.AlignedRows,
        NotApplicableRows = report.NotApplicableRows, NotApplicable = report.NotApplicable, NotApplicableDeclared = report.NotApplicableDeclared, ErrorRows = report.ErrorRows, Metrics = [.. report.Metrics.Select(MetricJson.From)], Ablations = report.Ablations,
        LearningCurveRepeats = report.LearningCurveRepeats, LearningCurve = [.. report.LearningCurve.Select(CurvePointJson.From)],
        FoldDetails = [.. report.FoldDetails.Select(f => new FoldJson(f.Index, f.TrainTraceIds, f.TestTraceIds, f.MemoryTraceIds))],
        Cost = new(report.Cost.ModelCalls, report.Cost.Usage.InputTokens, report.Cost.Usage.OutputTokens, report.Cost.Usage.TotalTokens, report.Cost.Elapsed.TotalSeconds),
        Cascade = CascadeJson.From(report.Cascade),
        BaselinePositionConsistency = PositionConsistencyJson.From(report.BaselinePositionConsistency),
        AlignedPositionConsistency = PositionConsistencyJson.From(report.AlignedPositionConsistency),
    };
}

/// <summary>One metric, baseline versus aligned, with intervals and the majority reference.</summary>
/// <param name="Name">The metric, such as "accuracy", "Cohen's kappa" or "MAE".</param>
/// <param name="LowerIsBetter">Whether smaller is better (MAE).</param>
/// <param name="Baseline">The baseline's value and interval.</param>
/// <param name="Aligned">The aligned judge's value and interval.</param>
/// <param name="Majority">Always answering the majority label, on the same rows.</param>
/// <param name="Difference">Aligned minus baseline, bootstrapped on the same rows.</param>
/// <param name="VersusMajority">Aligned minus majority.</param>
/// <param name="Significant">Whether the difference's interval excludes zero.</param>
/// <param name="Improved">Whether alignment made it better (significantly or not).</param>
/// <param name="BelowMajority">Whether the aligned judge does worse than the majority reference.</param>
internal sealed record MetricJson(string Name, bool LowerIsBetter, IntervalJson? Baseline, IntervalJson? Aligned, IntervalJson? Majority, IntervalJson? Difference,
    IntervalJson? VersusMajority, bool Significant, bool Improved, bool BelowMajority)
{
    public static MetricJson From(MetricComparison metric) => new(metric.Name, metric.LowerIsBetter, IntervalJson.From(metric.Baseline), IntervalJson.From(metric.Aligned),
        IntervalJson.From(metric.Majority), IntervalJson.From(metric.Difference), IntervalJson.From(metric.VersusMajority), metric.IsSignificant, metric.Improved, metric.BelowMajority);
}

/// <summary>A learning-curve point: the mean over repeats and the lowest and highest repeat.</summary>
/// <param name="Examples">Labelled examples aligned on, per fold (0: the baseline).</param>
/// <param name="Value">The primary metric, mean over repeats.</param>
/// <param name="Lower">The lowest repeat's primary metric.</param>
/// <param name="Upper">The highest repeat's.</param>
/// <param name="Kappa">The chance-corrected metric, mean over repeats.</param>
/// <param name="KappaLower">Its lowest repeat.</param>
/// <param name="KappaUpper">Its highest repeat.</param>
/// <param name="Repeats">Each repeat's primary metric.</param>
/// <param name="Labels">How many of the sample's examples carry each label, summed over folds.</param>
/// <param name="WholeTrainingSet">Whether the point is the whole training set: the aligned judge, so its value is the aligned figure (always the last point).</param>
internal sealed record CurvePointJson(int Examples, double? Value, double? Lower, double? Upper, double? Kappa, double? KappaLower, double? KappaUpper, IReadOnlyList<double?> Repeats,
    IReadOnlyDictionary<string, int> Labels, bool WholeTrainingSet)
{
    public static CurvePointJson From(LearningCurvePoint point) =>
        new(point.Examples, point.Value, point.Lower, point.Upper, point.Kappa, point.KappaLower, point.KappaUpper, point.Repeats, point.Labels, point.WholeTrainingSet);
}

/// <summary>One fold of the experiment.</summary>
/// <param name="Index">The fold, from 0.</param>
/// <param name="Train">Traces aligned on.</param>
/// <param name="Test">Traces held out and scored.</param>
/// <param name="Memory">Traces the aligned memory holds examples of (never a held-out one).</param>
internal sealed record FoldJson(int Index, IReadOnlyList<string> Train, IReadOnlyList<string> Test, IReadOnlyList<string> Memory);

/// <summary>What an experiment cost.</summary>
/// <param name="ModelCalls">Judge and reflection model calls.</param>
/// <param name="InputTokens">Input tokens.</param>
/// <param name="OutputTokens">Output tokens.</param>
/// <param name="TotalTokens">All tokens.</param>
/// <param name="ElapsedSeconds">Wall time, in seconds.</param>
internal sealed record CostJson(int ModelCalls, long InputTokens, long OutputTokens, long TotalTokens, double ElapsedSeconds);
