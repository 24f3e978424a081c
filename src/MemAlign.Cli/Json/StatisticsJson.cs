using System.Text.Json.Serialization;
using MemAlign.Evaluation;

namespace MemAlign.Cli.Json;

/// <summary>A statistic with its bootstrap confidence interval.</summary>
/// <param name="Estimate">The statistic on all rows.</param>
/// <param name="Lower">The interval's lower end.</param>
/// <param name="Upper">The interval's upper end.</param>
/// <param name="Level">The confidence level, such as 0.95.</param>
internal sealed record IntervalJson(double Estimate, double Lower, double Upper, double Level)
{
    public static IntervalJson? From(ConfidenceInterval? interval) => interval is null ? null : new(interval.Estimate, interval.Lower, interval.Upper, interval.Level);
}

/// <summary>
/// How much the human experts agree with each other on the traces they labelled for a judge: the check statistic
/// (Krippendorff's alpha, nominal or interval) with its interval, and the other statistics.
/// </summary>
internal record HumanAgreementJson
{
    /// <summary>The check statistic's name, such as "Krippendorff's alpha (nominal)".</summary>
    public string Statistic { get; init; } = "";

    /// <summary>Its value; null when fewer than two traces carry two labels.</summary>
    public double? Value { get; init; }

    /// <summary>Its interval's lower end.</summary>
    public double? Lower { get; init; }

    /// <summary>Its interval's upper end.</summary>
    public double? Upper { get; init; }

    /// <summary>Traces with two or more usable human labels: those agreement is measured on.</summary>
    public int Traces { get; init; }

    /// <summary>Traces with at least one usable human label.</summary>
    public int LabelledTraces { get; init; }

    /// <summary>Distinct reviewers.</summary>
    public int Reviewers { get; init; }

    /// <summary>Mean pairwise Cohen's kappa.</summary>
    public double? MeanCohensKappa { get; init; }

    /// <summary>Fleiss' kappa.</summary>
    public double? FleissKappa { get; init; }

    /// <summary>Krippendorff's alpha with the nominal metric.</summary>
    public double? AlphaNominal { get; init; }

    /// <summary>Krippendorff's alpha with the ordinal metric (numeric labels).</summary>
    public double? AlphaOrdinal { get; init; }

    /// <summary>Krippendorff's alpha with the interval metric (numeric labels).</summary>
    public double? AlphaInterval { get; init; }

    /// <summary>The traces the experts disagree on most, most disagreed first (at most 10).</summary>
    public IReadOnlyList<DisagreedTraceJson> MostDisagreed { get; init; } = [];

    /// <summary>Labels given after their giver saw the judge's verdict: left out of the figures unless <see cref="IncludesNonBlindLabels"/>.</summary>
    public int NonBlindLabels { get; init; }

    /// <summary>Whether the figures count the non-blind labels (--include-non-blind).</summary>
    public bool IncludesNonBlindLabels { get; init; }

    public static HumanAgreementJson? From(HumanAgreement? agreement) => agreement is null ? null : new()
    {
        Statistic = agreement.CheckStatistic,
        Value = agreement.CheckValue,
        Lower = agreement.CheckInterval?.Lower,
        Upper = agreement.CheckInterval?.Upper,
        Traces = agreement.MultiplyLabelledTraces,
        LabelledTraces = agreement.LabelledTraces,
        Reviewers = agreement.Reviewers,
        MeanCohensKappa = agreement.Statistics?.MeanCohensKappa,
        FleissKappa = agreement.Statistics?.FleissKappa,
        AlphaNominal = agreement.Statistics?.AlphaNominal,
        AlphaOrdinal = agreement.Statistics?.AlphaOrdinal,
        AlphaInterval = agreement.Statistics?.AlphaInterval,
        MostDisagreed = [.. agreement.MostDisagreed.Select(d => new DisagreedTraceJson(d.TraceId, d.Labels, d.Disagreement))],
        NonBlindLabels = agreement.NonBlindLabels,
        IncludesNonBlindLabels = agreement.IncludesNonBlindLabels,
    };
}

/// <summary>The experts' agreement as align and experiment check it before alignment is paid for.</summary>
internal sealed record HumanAgreementCheckJson : HumanAgreementJson
{
    /// <summary>The agreement below which a warning is given (--min-human-agreement).</summary>
    [JsonPropertyOrder(1)]
    public double Threshold { get; init; }

    /// <summary>Whether the measured agreement is below the threshold.</summary>
    [JsonPropertyOrder(1)]
    public bool BelowThreshold { get; init; }

    private HumanAgreementCheckJson(HumanAgreementJson agreement)
        : base(agreement)
    {
    }

    public static HumanAgreementCheckJson From(HumanAgreement agreement, double threshold) =>
        new(HumanAgreementJson.From(agreement)!) { Threshold = threshold, BelowThreshold = agreement.IsBelow(threshold) };
}

/// <summary>A trace the experts disagree on.</summary>
/// <param name="Trace">The trace.</param>
/// <param name="Labels">Each reviewer's label, by reviewer.</param>
/// <param name="Disagreement">The share of labels outside the most common value (categories), or their standard deviation (numbers).</param>
internal sealed record DisagreedTraceJson(string Trace, IReadOnlyDictionary<string, string> Labels, double Disagreement);

/// <summary>How many traces each part of the label rule decided (several human labels on a trace become one).</summary>
/// <param name="SingleLabel">Traces with one label.</param>
/// <param name="Unanimous">Traces whose labels all agree.</param>
/// <param name="Majority">Traces decided by a majority.</param>
/// <param name="TiesToMostRecent">Ties decided by the most recent label.</param>
/// <param name="Adjudicated">Traces decided by the adjudicator.</param>
/// <param name="DroppedTies">Ties left out (--ties drop).</param>
/// <param name="DroppedDisagreements">Traces left out because the experts disagree (--label-rule unanimous).</param>
/// <param name="MultiplyLabelled">Traces with two or more labels.</param>
/// <param name="Disagreements">Traces where the experts disagreed.</param>
internal sealed record LabelResolutionJson(int SingleLabel, int Unanimous, int Majority, int TiesToMostRecent, int Adjudicated, int DroppedTies, int DroppedDisagreements,
    int MultiplyLabelled, int Disagreements)
{
    public static LabelResolutionJson From(LabelResolutionCounts counts) => new(counts.SingleLabel, counts.Unanimous, counts.Majority, counts.TiesToMostRecent, counts.Adjudicated,
        counts.DroppedTies, counts.DroppedDisagreements, counts.MultiplyLabelled, counts.Disagreements);
}
