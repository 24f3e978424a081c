namespace MemAlign.Evaluation;

/// <summary>What the fixed-sequence test made of one threshold.</summary>
public enum CascadeTestOutcome
{
    /// <summary>The exact lower bound on the local answers' agreement reached the target: the test passed.</summary>
    Passed,

    /// <summary>Enough held-out traces were covered, but the lower bound stayed below the target: the sequence stopped here.</summary>
    Failed,

    /// <summary>Fewer held-out traces were covered than the bound needs even if all agreed: passed over (only the strictest thresholds, before the sequence starts).</summary>
    TooFew,

    /// <summary>Not tested: the sequence had stopped at a stricter threshold (described only).</summary>
    NotTested,
}

/// <summary>
/// One threshold of a cascade: the local judge answers the held-out traces whose confidence is at least
/// <see cref="Threshold"/>, the model stage answers the rest.
/// </summary>
/// <param name="Threshold">The confidence the local judge's verdict must reach to be kept.</param>
/// <param name="Covered">Held-out traces the local judge answers at this threshold.</param>
/// <param name="HeldOut">Held-out traces in all.</param>
public sealed record CascadePoint(double Threshold, int Covered, int HeldOut)
{
    /// <summary>The share of held-out traces answered locally (the model calls saved, as a share).</summary>
    public double Coverage => HeldOut == 0 ? 0 : (double)Covered / HeldOut;

    /// <summary>Of the covered traces, those where the local verdict equals the human label.</summary>
    public int LocalAgreements { get; init; }

    /// <summary>The local answers' agreement with the humans on the covered traces, with its exact (Clopper-Pearson) 95% interval; null when none is covered.</summary>
    public ConfidenceInterval? LocalAgreement { get; init; }

    /// <summary>The exact one-sided lower bound on that agreement at confidence 1 - risk; null when none is covered.</summary>
    public double? LowerBound { get; init; }

    /// <summary>The exact binomial test's p-value against the target (the chance of this much agreement if the true agreement were the target).</summary>
    public double? PValue { get; init; }

    /// <summary>The majority reference on the same covered traces: how often the training labels' most common value equals the human label.</summary>
    public double? MajorityAgreement { get; init; }

    /// <summary>The whole cascade's agreement on every held-out trace (local where covered, the model stage elsewhere; a verdict without a value counts as a disagreement), with its exact 95% interval.</summary>
    public ConfidenceInterval? CascadeAgreement { get; init; }

    /// <summary>What the fixed-sequence test made of this threshold.</summary>
    public CascadeTestOutcome Outcome { get; init; } = CascadeTestOutcome.NotTested;
}

/// <summary>
/// A local-first cascade on held-out data: coverage against agreement with the humans across thresholds, and the
/// threshold chosen for a target agreement with a guarantee, in the spirit of "Trust or Escalate" (Jung et al. 2024):
/// fixed-sequence testing from the strictest threshold to the loosest with the exact (Clopper-Pearson) binomial bound
/// on the local answers' agreement, so that with probability at least 1 - <see cref="Risk"/> the chosen threshold's
/// local answers agree with the humans at least <see cref="TargetAgreement"/> of the time, for traces like the held-out ones.
/// </summary>
public sealed record CascadeReport
{
    /// <summary>The agreement the local answers must reach.</summary>
    public required double TargetAgreement { get; init; }

    /// <summary>The chance the guarantee may be wrong.</summary>
    public required double Risk { get; init; }

    /// <summary>Held-out traces scored (human label present, not "not applicable").</summary>
    public required int HeldOut { get; init; }

    /// <summary>What answered the traces the local judge was unsure of, in words (the aligned model judge, or offline the majority class).</summary>
    public required string ModelStage { get; init; }

    /// <summary>Whether there was no LLM: the model stage is then a stand-in, and the figures show the method, not a model's savings.</summary>
    public bool Offline { get; init; }

    /// <summary>The model stage alone on every held-out trace (no cascade), with its exact 95% interval.</summary>
    public ConfidenceInterval? ModelAgreement { get; init; }

    /// <summary>Always answering the training labels' most common value, on every held-out trace.</summary>
    public ConfidenceInterval? MajorityAgreement { get; init; }

    /// <summary>Covered traces the exact bound needs at least, even if every one agreed, to show the target at this risk.</summary>
    public int MinimumCovered { get; init; }

    /// <summary>Every threshold, strictest first.</summary>
    public required IReadOnlyList<CascadePoint> Points { get; init; }

    /// <summary>The loosest threshold that passed with every stricter one tested, or null when none did (no guarantee).</summary>
    public double? ChosenThreshold { get; init; }

    /// <summary>The chosen threshold's point, or null.</summary>
    public CascadePoint? Chosen => ChosenThreshold is { } t ? Points.FirstOrDefault(p => p.Threshold == t) : null;

    /// <summary>The guarantee, or why there is none, in plain words (the same in every report format).</summary>
    public required string Guarantee { get; init; }
}
