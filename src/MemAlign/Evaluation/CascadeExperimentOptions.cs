namespace MemAlign.Evaluation;

/// <summary>
/// How an experiment studies a local-first cascade (<see cref="ExperimentOptions.Cascade"/>): which confidence
/// thresholds it tries, the agreement with the humans the local answers must reach, and the risk of the guarantee.
/// </summary>
public sealed record CascadeExperimentOptions
{
    /// <summary>The thresholds tried by default: 0.99, 0.98, ... 0.01, 0, strictest first (the local judge's confidences are shrunk toward the prior and rarely near 1).</summary>
    public static IReadOnlyList<double> DefaultThresholds { get; } = Enumerable.Range(1, 100).Select(i => Math.Round(1 - (0.01 * i), 2)).ToArray();

    /// <summary>The agreement with the human labels the local answers must reach (default 0.8), strictly between 0 and 1.</summary>
    public double TargetAgreement { get; init; } = 0.8;

    /// <summary>
    /// The chance the guarantee is allowed to be wrong (default 0.1): with probability at least 1 - risk over the
    /// held-out data, the chosen threshold's local answers agree with the humans at least <see cref="TargetAgreement"/>
    /// of the time. Strictly between 0 and 1.
    /// </summary>
    public double Risk { get; init; } = 0.1;

    /// <summary>
    /// The thresholds to test, tested strictest first (sorted descending whatever the order given); fixed before the
    /// data are seen, which the fixed-sequence test needs. Default: <see cref="DefaultThresholds"/>.
    /// </summary>
    public IReadOnlyList<double> Thresholds { get; init; } = DefaultThresholds;

    internal void Validate()
    {
        if (TargetAgreement is <= 0 or >= 1 || double.IsNaN(TargetAgreement))
        {
            throw new ArgumentOutOfRangeException(nameof(TargetAgreement), TargetAgreement, $"{nameof(CascadeExperimentOptions)}.{nameof(TargetAgreement)} must be between 0 and 1 (exclusive), such as 0.8.");
        }

        if (Risk is <= 0 or >= 1 || double.IsNaN(Risk))
        {
            throw new ArgumentOutOfRangeException(nameof(Risk), Risk, $"{nameof(CascadeExperimentOptions)}.{nameof(Risk)} must be between 0 and 1 (exclusive), such as 0.1.");
        }

        ArgumentNullException.ThrowIfNull(Thresholds, nameof(Thresholds));
        if (Thresholds.Count == 0 || Thresholds.Any(t => t is < 0 or > 1 || double.IsNaN(t)))
        {
            throw new ArgumentOutOfRangeException(nameof(Thresholds), $"{nameof(CascadeExperimentOptions)}.{nameof(Thresholds)} needs at least one threshold, each from 0 to 1.");
        }
    }
}
