namespace MemAlign.Evaluation;

/// <summary>One metric of a baseline-versus-aligned comparison, with bootstrap intervals and the paired difference.</summary>
/// <param name="Name">The metric, such as "accuracy" or "MAE".</param>
/// <param name="LowerIsBetter">Whether smaller is better (MAE).</param>
/// <param name="Baseline">The baseline judge's value and interval.</param>
/// <param name="Aligned">The aligned judge's value and interval.</param>
/// <param name="Difference">Aligned minus baseline, bootstrapped on the same rows.</param>
public sealed record MetricComparison(string Name, bool LowerIsBetter, ConfidenceInterval? Baseline, ConfidenceInterval? Aligned, ConfidenceInterval? Difference)
{
    /// <summary>The reference: always answering the training labels' most common value, scored on the same held-out rows.</summary>
    public ConfidenceInterval? Majority { get; init; }

    /// <summary>Aligned minus <see cref="Majority"/>, bootstrapped on the same rows.</summary>
    public ConfidenceInterval? VersusMajority { get; init; }

    /// <summary>Whether the aligned judge does worse than the majority reference (by its estimate).</summary>
    public bool BelowMajority => VersusMajority is { } d && (LowerIsBetter ? d.Estimate > 0 : d.Estimate < 0);

    /// <summary>Whether the difference's interval excludes zero.</summary>
    public bool IsSignificant => Difference?.ExcludesZero ?? false;

    /// <summary>Whether alignment made it better (significantly or not).</summary>
    public bool Improved => Difference is { } d && (LowerIsBetter ? d.Estimate < 0 : d.Estimate > 0);
}

/// <summary>
/// One point of the learning curve: agreement after aligning on a stratified sample of this many labelled
/// examples (per fold), pooled over the held-out folds, averaged over repeats with different samples.
/// </summary>
/// <param name="Examples">Labelled examples aligned on (per fold); 0 is the baseline.</param>
/// <param name="Value">The primary metric, mean over the repeats.</param>
public sealed record LearningCurvePoint(int Examples, double? Value)
{
    /// <summary>
    /// Whether this point is the whole training set (per fold; <see cref="Examples"/> is the smallest fold's size):
    /// the aligned judge itself, so its value is the report's aligned figure. The curve always ends with it.
    /// </summary>
    public bool WholeTrainingSet { get; init; }

    /// <summary>The lowest repeat's primary metric (the band's lower edge).</summary>
    public double? Lower { get; init; }

    /// <summary>The highest repeat's primary metric (the band's upper edge).</summary>
    public double? Upper { get; init; }

    /// <summary>The chance-corrected metric (Cohen's kappa, or quadratic weighted kappa for numeric judges), mean over the repeats.</summary>
    public double? Kappa { get; init; }

    /// <summary>The lowest repeat's chance-corrected metric.</summary>
    public double? KappaLower { get; init; }

    /// <summary>The highest repeat's chance-corrected metric.</summary>
    public double? KappaUpper { get; init; }

    /// <summary>Each repeat's primary metric.</summary>
    public IReadOnlyList<double?> Repeats { get; init; } = [];

    /// <summary>How many of the sample's examples carry each label, summed over folds (one repeat): proof the sample is stratified.</summary>
    public IReadOnlyDictionary<string, int> Labels { get; init; } = new Dictionary<string, int>();
}

/// <summary>How an experiment splits its data.</summary>
public enum ExperimentDesign
{
    /// <summary>Stratified K-fold cross-validation: align on K-1 folds, score the held-out one, pool.</summary>
    CrossValidation,

    /// <summary>Align on one set, score another.</summary>
    TrainTest,
}

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

    /// <summary>Folds (K); 1 for a train/test experiment.</summary>
    public required int Folds { get; init; }

    /// <summary>Cross-validation, or train/test.</summary>
    public ExperimentDesign Design { get; init; } = ExperimentDesign.CrossValidation;

    /// <summary>What the training set is (a filter, say), for a train/test experiment.</summary>
    public string? TrainSet { get; init; }

    /// <summary>What the test set is, for a train/test experiment.</summary>
    public string? TestSet { get; init; }

    /// <summary>Labelled traces aligned on (train/test), or labelled traces in all folds (cross-validation).</summary>
    public int TrainTraces { get; init; }

    /// <summary>Labelled traces scored (train/test), or the same as <see cref="TrainTraces"/> (cross-validation: each is held out once).</summary>
    public int TestTraces { get; init; }

    /// <summary>What the baseline is: the judge without memory, or, offline, the majority class of the training labels.</summary>
    public string Baseline { get; init; } = "the judge without memory";

    /// <summary>Whether the verdicts came from the local judge (no LLM).</summary>
    public bool Offline { get; init; }

    /// <summary>The training labels' most common value: the majority reference answers it always.</summary>
    public string? MajorityLabel { get; init; }

    /// <summary>Agreement among the human experts on the experiment's traces (the ceiling a judge can be held to).</summary>
    public HumanAgreement? HumanAgreement { get; init; }

    /// <summary>The rule that made one label of several, as text.</summary>
    public string LabelRule { get; init; } = MemAlign.LabelResolution.Default.ToString();

    /// <summary>How many traces each part of the label rule decided.</summary>
    public LabelResolutionCounts LabelResolution { get; init; } = LabelResolutionCounts.None;

    /// <summary>Repeats (different stratified samples) behind each learning-curve point.</summary>
    public int LearningCurveRepeats { get; init; }

    /// <summary>What the figures mean, in plain sentences: the offline caveat, the judge against the majority reference and the human band.</summary>
    public IReadOnlyList<string> Findings { get; init; } = [];

    /// <summary>Held-out rows where both judges and the human gave a value.</summary>
    public required int ComparableRows { get; init; }

    /// <summary>Held-out rows the baseline judge scored (none offline: a local judge needs memory).</summary>
    public int BaselineRows { get; init; }

    /// <summary>Held-out rows the aligned judge scored.</summary>
    public int AlignedRows { get; init; }

    /// <summary>
    /// Held-out rows the human said "not applicable": left out of the scale's metrics. For a judge that declares the value
    /// (<see cref="NotApplicableDeclared"/>) they still count in the applicability metrics, where the judge may answer it too.
    /// </summary>
    public int NotApplicableRows { get; init; }

    /// <summary>The "not applicable" value the experiment used (the judge's declared one, or <see cref="ExperimentOptions.NotApplicable"/>), if any.</summary>
    public double? NotApplicable { get; init; }

    /// <summary>
    /// Whether the judge declares <see cref="NotApplicable"/> (so it may answer it): the metrics then add "applicability accuracy"
    /// and "applicability kappa" after the scale's, and the scale's cover the rows both the judge and the human found applicable.
    /// </summary>
    public bool NotApplicableDeclared { get; init; }

    /// <summary>Held-out rows left out because a judge returned an error.</summary>
    public int ErrorRows { get; init; }

    /// <summary>The metrics, primary first.</summary>
    public required IReadOnlyList<MetricComparison> Metrics { get; init; }

    /// <summary>The primary metric with only semantic memory (guidelines), only episodic memory (examples), and both.</summary>
    public IReadOnlyDictionary<string, double?> Ablations { get; init; } = new Dictionary<string, double?>();

    /// <summary>The primary metric after aligning on stratified, nested samples of growing size (<see cref="ExperimentOptions.LearningCurve"/>), with bands over repeats; the last point is the whole training set.</summary>
    public IReadOnlyList<LearningCurvePoint> LearningCurve { get; init; } = [];

    /// <summary>The folds.</summary>
    public required IReadOnlyList<FoldReport> FoldDetails { get; init; }

    /// <summary>What it cost.</summary>
    public required ExperimentCost Cost { get; init; }

    /// <summary>The local-first cascade on the held-out folds, when asked for (<see cref="ExperimentOptions.Cascade"/>); null otherwise.</summary>
    public CascadeReport? Cascade { get; init; }

    /// <summary>
    /// For a pairwise judge, the baseline's position consistency on the held-out pairs (how often its answers with the
    /// candidates in either order agree); null for other judges and offline, where the baseline is the majority label.
    /// </summary>
    public PositionConsistency? BaselinePositionConsistency { get; init; }

    /// <summary>For a pairwise judge, the aligned judge's position consistency on the held-out pairs; null for other judges.</summary>
    public PositionConsistency? AlignedPositionConsistency { get; init; }

    /// <summary>The primary metric's comparison.</summary>
    public MetricComparison Primary => Metrics[0];

    /// <summary>The chance-corrected metric (Cohen's kappa, or quadratic weighted kappa for numeric judges), if reported.</summary>
    public MetricComparison? Kappa => Metrics.FirstOrDefault(m => m.Name is "Cohen's kappa" or "quadratic weighted kappa");
}
