using MemAlign.Alignment;

namespace MemAlign.Evaluation;

/// <summary>A judge's verdict that differs from the experts' label on a trace.</summary>
/// <param name="TraceId">The trace.</param>
/// <param name="Human">The experts' label.</param>
/// <param name="Judge">The judge's value.</param>
/// <param name="Rationale">The judge's rationale (withheld when it drew on forgotten data).</param>
public sealed record Disagreement(string TraceId, string Human, string Judge, string? Rationale);

/// <summary>
/// How a judge's evaluation run agrees with the experts' labels on the same traces: accuracy, Cohen's
/// kappa and the confusion matrix (pass/fail and categorical judges) or mean absolute error and its
/// companions (numeric ones), next to the reference a judge must beat (always answering the experts'
/// most common label), and every disagreement.
/// </summary>
public sealed record EvaluationReport
{
    /// <summary>The run.</summary>
    public required string RunId { get; init; }

    /// <summary>The run's name.</summary>
    public required string RunName { get; init; }

    /// <summary>The judge.</summary>
    public required string JudgeName { get; init; }

    /// <summary>What the judge returns.</summary>
    public required string ValueType { get; init; }

    /// <summary>The judge's declared "not applicable" value, if any (<see cref="FeedbackValueType.NotApplicable"/>).</summary>
    public double? NotApplicable { get; init; }

    /// <summary>Results in the run for this judge.</summary>
    public required int Results { get; init; }

    /// <summary>Of those, errors.</summary>
    public required int Errors { get; init; }

    /// <summary>Traces with both a judge value and an experts' label.</summary>
    public int Compared { get; init; }

    /// <summary>Agreement of a pass/fail or categorical judge.</summary>
    public CategoricalAgreement? Categorical { get; init; }

    /// <summary>
    /// For a pairwise judge, how often its answers in the two orders of the candidates agree (over every pairwise result of
    /// the run, labelled or not); <see langword="null"/> when the run has no pairwise result.
    /// </summary>
    public PositionConsistency? PositionConsistency { get; init; }

    /// <summary>Agreement of a numeric judge.</summary>
    public NumericAgreement? Numeric { get; init; }

    /// <summary>The experts' most common label on the compared traces (for a numeric judge, the most common rating on the scale).</summary>
    public string? MajorityLabel { get; init; }

    /// <summary>
    /// The reference: what always answering <see cref="MajorityLabel"/> would score (accuracy for
    /// categorical judges, mean absolute error for numeric ones, over the rows the experts found applicable); its kappa is 0.
    /// </summary>
    public double? MajorityScore { get; init; }

    /// <summary>
    /// For a numeric judge with a "not applicable" value: the experts' more common answer to whether the question applies
    /// (<see cref="NumericAgreement.ApplicableLabel"/> or <see cref="NumericAgreement.NotApplicableLabel"/>).
    /// </summary>
    public string? ApplicabilityMajorityLabel { get; init; }

    /// <summary>The applicability reference: the accuracy of always answering <see cref="ApplicabilityMajorityLabel"/> (its kappa is 0).</summary>
    public double? ApplicabilityMajorityScore { get; init; }

    /// <summary>
    /// 95% bootstrap intervals (over the compared traces) of the headline figures, by name: <c>accuracy</c> and
    /// <c>cohens_kappa</c>, or <c>mean_absolute_error</c> and <c>quadratic_weighted_kappa</c> (over rows both sides found applicable),
    /// with <c>applicability_accuracy</c> and <c>applicability_kappa</c> for a judge with a "not applicable" value.
    /// </summary>
    public IReadOnlyDictionary<string, ConfidenceInterval> Intervals { get; init; } = new Dictionary<string, ConfidenceInterval>();

    /// <summary>Agreement among the human experts on the run's traces: the ceiling to hold the judge to.</summary>
    public HumanAgreement? HumanAgreement { get; init; }

    /// <summary>The models that gave the run's verdicts.</summary>
    public IReadOnlyList<string> Models { get; init; } = [];

    /// <summary>Whether verdicts came from the local judge (no LLM): the figures then show the workflow, not a model's quality.</summary>
    public bool Offline => Models.Contains(global::MemAlign.Models.LocalJudgeModel.ModelName, StringComparer.Ordinal);

    /// <summary>The traces where the judge and the experts differ.</summary>
    public IReadOnlyList<Disagreement> Disagreements { get; init; } = [];

    /// <summary>Results whose rationale was withheld because they drew on traces since forgotten.</summary>
    public int Redacted { get; init; }

    /// <summary>Traces forgotten after the run was made (its figures were computed with them).</summary>
    public int ForgottenTraces { get; init; }

    /// <summary>Model calls the judge made for the run's results (retries included).</summary>
    public int ModelCalls { get; init; }

    /// <summary>The tokens those calls spent, with the input tokens the provider read from its prompt cache.</summary>
    public TokenUsage Usage { get; init; }

    /// <summary>
    /// Builds the report of <paramref name="judge"/>'s results in <paramref name="run"/>, against the experts'
    /// labels on <paramref name="traces"/> (several experts on one trace: the majority, a tie going to the
    /// most recent, as alignment decides).
    /// </summary>
    public static EvaluationReport Build(EvaluationRun run, JudgeDefinition judge, IReadOnlyList<EvaluationRecord> results, IReadOnlyList<Trace> traces)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(judge);
        ArgumentNullException.ThrowIfNull(results);
        ArgumentNullException.ThrowIfNull(traces);
        var mine = results.Where(r => r.JudgeName == judge.Name).ToList();
        var labels = FeedbackExtractor.Extract(judge, traces).Records.ToDictionary(r => r.TraceId, r => r.Value, StringComparer.Ordinal);
        var compared = mine.Where(r => r.IsOk && labels.ContainsKey(r.TraceId)).Select(r => (Record: r, Human: labels[r.TraceId], Judge: r.Value!)).ToList();
        var report = new EvaluationReport
        {
            RunId = run.Id,
            RunName = run.Name,
            JudgeName = judge.Name,
            ValueType = judge.ValueType.ToString(),
            NotApplicable = judge.ValueType.NotApplicable,
            Results = mine.Count,
            Errors = mine.Count(r => !r.IsOk),
            Compared = compared.Count,
            Disagreements = compared.Where(c => !c.Human.Equals(c.Judge)).Select(c => new Disagreement(c.Record.TraceId, c.Human.ToString(), c.Judge.ToString(), c.Record.Rationale)).ToList(),
            Redacted = mine.Count(r => r.Redacted),
            ForgottenTraces = run.ForgottenTraces,
            HumanAgreement = HumanAgreement.Compute(judge, traces),
            Models = mine.Where(r => r.Model is not null).Select(r => r.Model!).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList(),
            ModelCalls = mine.Sum(r => r.ModelCalls),
            Usage = mine.Aggregate(default(TokenUsage), (sum, r) => sum + r.Usage),
            PositionConsistency = PositionConsistency.Compute(mine),
        };
        if (compared.Count == 0)
        {
            return report;
        }

        var majority = compared.GroupBy(c => c.Human.ToString()).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).First().Key;
        if (judge.ValueType.Kind is FeedbackTypeKind.Integer or FeedbackTypeKind.Number)
        {
            var pairs = compared.Select(c => (c.Human.AsNumber(), c.Judge.AsNumber())).ToList();
            var notApplicable = judge.ValueType.NotApplicable;
            var (minimum, maximum) = (judge.ValueType.Minimum!.Value, judge.ValueType.Maximum!.Value);

            // The scale's reference is the most common rating among the labels that found the question applicable;
            // applicability has its own: always answering the more common of "applicable" and "not applicable".
            var ratings = compared.Where(c => !judge.ValueType.IsNotApplicable(c.Human)).ToList();
            var scaleMajority = ratings.Count == 0 ? majority
                : ratings.GroupBy(c => c.Human.ToString()).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).First().Key;
            var constant = double.Parse(scaleMajority, System.Globalization.CultureInfo.InvariantCulture);
            var numeric = report with
            {
                Numeric = NumericAgreement.Compute(pairs, minimum, maximum, notApplicable),
                Intervals = BootstrapIntervals(pairs,
                    ("mean_absolute_error", sample => NumericAgreement.Compute(sample, minimum, maximum, notApplicable).MeanAbsoluteError),
                    ("quadratic_weighted_kappa", sample => NumericAgreement.Compute(sample, minimum, maximum, notApplicable).QuadraticWeightedKappa),
                    ("applicability_accuracy", sample => NumericAgreement.Compute(sample, minimum, maximum, notApplicable).Applicability?.Accuracy),
                    ("applicability_kappa", sample => NumericAgreement.Compute(sample, minimum, maximum, notApplicable).Applicability?.CohensKappa)),
                MajorityLabel = scaleMajority,
                MajorityScore = NumericAgreement.Compute(pairs.Select(p => (p.Item1, constant)).ToList(), minimum, maximum, notApplicable).MeanAbsoluteError,
            };
            if (notApplicable is not { } na)
            {
                return numeric;
            }

            var humanNotApplicable = pairs.Count(p => p.Item1 == na);
            var applicabilityMajority = humanNotApplicable * 2 > pairs.Count ? NumericAgreement.NotApplicableLabel : NumericAgreement.ApplicableLabel;
            return numeric with
            {
                ApplicabilityMajorityLabel = applicabilityMajority,
                ApplicabilityMajorityScore = (double)Math.Max(humanNotApplicable, pairs.Count - humanNotApplicable) / pairs.Count,
            };
        }

        var labelPairs = compared.Select(c => (c.Human.ToString(), c.Judge.ToString())).ToList();
        var classes = CategoricalAgreement.Compute(labelPairs).Classes;
        return report with
        {
            Categorical = CategoricalAgreement.Compute(labelPairs),
            Intervals = BootstrapIntervals(labelPairs,
                ("accuracy", sample => CategoricalAgreement.Compute(sample, classes).Accuracy),
                ("cohens_kappa", sample => CategoricalAgreement.Compute(sample, classes).CohensKappa)),
            MajorityLabel = majority,
            MajorityScore = (double)compared.Count(c => c.Human.ToString() == majority) / compared.Count,
        };
    }

    // Resamples of the compared traces; fewer than the experiment's 10,000 because a run can hold many thousand results.
    private const int Resamples = 2_000;

    private static Dictionary<string, ConfidenceInterval> BootstrapIntervals<T>(IReadOnlyList<T> rows, params (string Name, Func<IReadOnlyList<T>, double?> Statistic)[] statistics)
    {
        var intervals = new Dictionary<string, ConfidenceInterval>(StringComparer.Ordinal);
        foreach (var (name, statistic) in statistics)
        {
            if (PairedBootstrap.Interval(rows, statistic, Resamples) is { } interval)
            {
                intervals[name] = interval;
            }
        }

        return intervals;
    }
}
