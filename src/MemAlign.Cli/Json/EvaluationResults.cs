using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;
using MemAlign.Evaluation;

namespace MemAlign.Cli.Json;

/// <summary>
/// <c>memalign report RUN --json</c> for an evaluation run: how the run's verdicts agree with the experts' labels,
/// every figure with its interval, the majority reference and every disagreement. <c>evaluate</c> adds its run's counts.
/// </summary>
internal record EvaluationReportResult : JsonResult
{
    /// <summary>"evaluation" (an experiment's report says "experiment").</summary>
    public string Kind { get; } = "evaluation";

    /// <summary>The run's id, for <c>memalign report</c>.</summary>
    public required string Run { get; init; }

    /// <summary>The judge.</summary>
    public required string Judge { get; init; }

    /// <summary>The judge's version the run evaluated.</summary>
    public int? Version { get; init; }

    /// <summary>What the judge returns.</summary>
    public required string ValueType { get; init; }

    /// <summary>Results in the run for this judge.</summary>
    public int Results { get; init; }

    /// <summary>Of those, errors (a verdict the judge could not give).</summary>
    public int Errors { get; init; }

    /// <summary>Traces with both a verdict and an experts' label.</summary>
    public int Compared { get; init; }

    /// <summary>The experts' most common label on the compared traces.</summary>
    public string? MajorityLabel { get; init; }

    /// <summary>What always answering majority_label scores: accuracy (categorical) or mean absolute error (numeric).</summary>
    public double? MajorityScore { get; init; }

    /// <summary>Accuracy (pass/fail and categorical judges; null for numeric ones).</summary>
    public double? Accuracy { get; init; }

    /// <summary>Cohen's kappa (pass/fail and categorical judges).</summary>
    public double? CohensKappa { get; init; }

    /// <summary>The classes, in the confusion matrix's order (pass/fail and categorical judges).</summary>
    public IReadOnlyList<string>? Classes { get; init; }

    /// <summary>Rows: the experts' label; columns: the judge's (pass/fail and categorical judges).</summary>
    public IReadOnlyList<IReadOnlyList<int>>? ConfusionMatrix { get; init; }

    /// <summary>Mean absolute error (numeric judges; null for the others), over the traces both the judge and the experts found applicable.</summary>
    public double? MeanAbsoluteError { get; init; }

    /// <summary>Share of exact agreement (numeric judges).</summary>
    public double? ExactAgreement { get; init; }

    /// <summary>Share within one point (numeric judges).</summary>
    public double? WithinOne { get; init; }

    /// <summary>Quadratic weighted kappa (numeric judges).</summary>
    public double? QuadraticWeightedKappa { get; init; }

    /// <summary>For a numeric judge with a "not applicable" value: whether the judge and the experts agree that the question applies, over every compared trace; null otherwise.</summary>
    public ApplicabilityJson? Applicability { get; init; }

    /// <summary>For a pairwise judge: how often its answers with the candidates in either order agree, over every pairwise result of the run; null otherwise.</summary>
    public PositionConsistencyJson? PositionConsistency { get; init; }

    /// <summary>
    /// 95% bootstrap intervals of the headline figures, by name: accuracy and cohens_kappa, or mean_absolute_error and quadratic_weighted_kappa
    /// (with applicability_accuracy and applicability_kappa for a judge with a "not applicable" value).
    /// </summary>
    public required IReadOnlyDictionary<string, IntervalJson> Intervals { get; init; }

    /// <summary>The experts' agreement with each other on the run's traces, or null.</summary>
    public HumanAgreementJson? HumanAgreement { get; init; }

    /// <summary>The models that gave the verdicts.</summary>
    public required IReadOnlyList<string> Models { get; init; }

    /// <summary>Whether the verdicts came from the local judge (no LLM).</summary>
    public bool Offline { get; init; }

    /// <summary>Results whose rationale was withheld: they drew on traces since forgotten.</summary>
    public int Redacted { get; init; }

    /// <summary>Traces forgotten after the run.</summary>
    public int ForgottenTraces { get; init; }

    /// <summary>Every trace where the judge and the experts differ.</summary>
    public required IReadOnlyList<DisagreementJson> Disagreements { get; init; }

    public static EvaluationReportResult From(EvaluationReport report, int? version) => new()
    {
        Run = report.RunId, Judge = report.JudgeName, Version = version, ValueType = report.ValueType, Results = report.Results, Errors = report.Errors, Compared = report.Compared,
        MajorityLabel = report.MajorityLabel, MajorityScore = report.MajorityScore,
        Accuracy = report.Categorical?.Accuracy, CohensKappa = report.Categorical?.CohensKappa, Classes = report.Categorical?.Classes,
        ConfusionMatrix = report.Categorical is { } c ? [.. Enumerable.Range(0, c.Classes.Count).Select(i => (IReadOnlyList<int>)[.. Enumerable.Range(0, c.Classes.Count).Select(j => c.ConfusionMatrix[i, j])])] : null,
        MeanAbsoluteError = report.Numeric?.MeanAbsoluteError, ExactAgreement = report.Numeric?.ExactAgreement, WithinOne = report.Numeric?.WithinOneAgreement,
        QuadraticWeightedKappa = report.Numeric?.QuadraticWeightedKappa, Applicability = ApplicabilityJson.From(report),
        PositionConsistency = PositionConsistencyJson.From(report.PositionConsistency),
        Intervals = report.Intervals.ToDictionary(i => i.Key, i => IntervalJson.From(i.Value)!, StringComparer.Ordinal),
        HumanAgreement = HumanAgreementJson.From(report.HumanAgreement), Models = report.Models, Offline = report.Offline, Redacted = report.Redacted,
        ForgottenTraces = report.ForgottenTraces, Disagreements = [.. report.Disagreements.Select(d => new DisagreementJson(d.TraceId, d.Human, d.Judge, d.Rationale))],
    };
}

/// <summary>A pairwise judge's position consistency: the pairs it judged in both orders and how many got the same answer either way.</summary>
/// <param name="Pairs">Pairwise results judged in both orders.</param>
/// <param name="Consistent">Of those, the ones whose two orders agree.</param>
/// <param name="Rate">consistent / pairs.</param>
/// <param name="InconsistentShare">The share of position-inconsistent verdicts, 1 - rate.</param>
/// <param name="Interval">The exact (Clopper-Pearson) 95% interval of rate.</param>
internal sealed record PositionConsistencyJson(int Pairs, int Consistent, double? Rate, double? InconsistentShare, IntervalJson? Interval)
{
    public static PositionConsistencyJson? From(PositionConsistency? consistency) => consistency is null
        ? null
        : new(consistency.Pairs, consistency.Consistent, consistency.Rate, consistency.InconsistentShare, IntervalJson.From(consistency.Interval));
}

/// <summary>
/// Agreement on whether a numeric judge's question applies (its declared "not applicable" value against a rating), apart from the
/// error on the scale.
/// </summary>
/// <param name="NotApplicable">The judge's "not applicable" value.</param>
/// <param name="Rows">Traces compared for applicability: every trace with a verdict and an experts' label.</param>
/// <param name="ScaleRows">Of those, the traces both found applicable: the ones the scale's figures (mean_absolute_error and the rest) cover.</param>
/// <param name="HumanNotApplicable">Traces the experts found not applicable.</param>
/// <param name="JudgeNotApplicable">Traces the judge found not applicable.</param>
/// <param name="Accuracy">Share of traces where both agree whether the question applies.</param>
/// <param name="CohensKappa">Cohen's kappa of that agreement.</param>
/// <param name="MajorityLabel">The experts' more common answer, "applicable" or "not applicable".</param>
/// <param name="MajorityAccuracy">The accuracy of always answering majority_label (its kappa is 0).</param>
internal sealed record ApplicabilityJson(double NotApplicable, int Rows, int ScaleRows, int HumanNotApplicable, int JudgeNotApplicable, double? Accuracy, double? CohensKappa,
    string? MajorityLabel, double? MajorityAccuracy)
{
    public static ApplicabilityJson? From(EvaluationReport report) =>
        report.Numeric is { Applicability: { } a } numeric && report.NotApplicable is { } value
            ? new(value, a.Count, numeric.Count, RowsSaying(a, 0), RowsSaying(a, 1), a.Accuracy, a.CohensKappa, report.ApplicabilityMajorityLabel, report.ApplicabilityMajorityScore)
            : null;

    // Rows whose experts' label (side 0) or judge's verdict (side 1) is "not applicable", from the confusion matrix.
    private static int RowsSaying(CategoricalAgreement agreement, int side)
    {
        var index = agreement.Classes.ToList().IndexOf(NumericAgreement.NotApplicableLabel);
        return index < 0 ? 0 : Enumerable.Range(0, agreement.Classes.Count).Sum(i => side == 0 ? agreement.ConfusionMatrix[index, i] : agreement.ConfusionMatrix[i, index]);
    }
}

/// <summary><c>memalign evaluate --json</c>: the run's report, and what this call did.</summary>
internal sealed record EvaluateResult : EvaluationReportResult
{
    /// <summary>Traces judged by this call.</summary>
    [JsonPropertyOrder(1)]
    public int Completed { get; init; }

    /// <summary>Of those, errors (exit code 1 when any, unless a quality gate decides).</summary>
    [JsonPropertyOrder(1)]
    public int CompletedErrors { get; init; }

    /// <summary>Results kept from before (--resume).</summary>
    [JsonPropertyOrder(1)]
    public int Resumed { get; init; }

    /// <summary>The quality gate's outcome (--fail-under, --max-error-rate); null without one.</summary>
    [JsonPropertyOrder(1)]
    public GateJson? Gate { get; init; }

    /// <summary>The tokens this call spent and their cost at the settings file's prices.</summary>
    [JsonPropertyOrder(1)]
    public TokenSpendJson Usage { get; init; }

    /// <summary>With --cascade: which stage answered the traces this call judged, and the model calls saved; null without.</summary>
    [JsonPropertyOrder(1)]
    public CascadeRunJson? Cascade { get; init; }


    /// <summary>The batches this call submitted or collected (--batch, or resuming a batched run); empty when it streamed.</summary>
    [JsonPropertyOrder(1)]
    public IReadOnlyList<BatchJson> Batches { get; init; } = [];

    /// <summary>Rows a batch left unjudged (it expired or was cancelled before them): resuming the run sends them.</summary>
    [JsonPropertyOrder(1)]
    public int Pending { get; init; }

    public static EvaluateResult From(EvaluationReport report, int version, EvaluationResult run, GateOutcome? gate, TokenSpend spend, double? cascade = null) =>
        new(EvaluationReportResult.From(report, version), TokenSpendJson.From(spend))
        {
            Completed = run.Completed,
            CompletedErrors = run.Errors,
            Resumed = run.Resumed,
            Gate = GateJson.From(gate),
            Cascade = CascadeRunJson.From(cascade, run.Records),
            Batches = [.. run.Batches.Select(BatchJson.From)],
            Pending = run.Pending,
        };

    [SetsRequiredMembers]
    private EvaluateResult(EvaluationReportResult report, TokenSpendJson usage)
        : base(report)
    {
        Usage = usage;
    }
}

/// <summary>A provider batch of an evaluation run.</summary>
/// <param name="Judge">The judge whose prompts it holds.</param>
/// <param name="Id">The provider's batch id.</param>
/// <param name="State">Its last state: validating, in_progress, finalizing, completed, failed, expired, cancelling or cancelled.</param>
/// <param name="InputFile">The uploaded file of requests.</param>
internal sealed record BatchJson(string Judge, string Id, string State, string? InputFile)
{
    public static BatchJson From(EvaluationBatch batch) =>
        new(batch.JudgeName, batch.BatchId, System.Text.Json.JsonNamingPolicy.SnakeCaseLower.ConvertName(batch.State.ToString()), batch.InputFileId);
}

/// <summary>A trace where the judge and the experts differ.</summary>
/// <param name="Trace">The trace.</param>
/// <param name="Human">The experts' label.</param>
/// <param name="Judge">The judge's verdict.</param>
/// <param name="Rationale">The judge's rationale; null when withheld (it drew on forgotten traces).</param>
internal sealed record DisagreementJson(string Trace, string Human, string Judge, string? Rationale);
