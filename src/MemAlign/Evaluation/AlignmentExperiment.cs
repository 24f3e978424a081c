using MemAlign.Alignment;

namespace MemAlign.Evaluation;

/// <summary>How an alignment experiment is run.</summary>
public sealed record ExperimentOptions
{
    /// <summary>Cross-validation folds (default 4, as in the Genie Code study).</summary>
    public int Folds { get; init; } = 4;

    /// <summary>The seed for fold assignment and the bootstrap; equal seeds give equal reports.</summary>
    public int Seed { get; init; } = 42;

    /// <summary>Bootstrap resamples per interval (default 10,000).</summary>
    public int BootstrapResamples { get; init; } = PairedBootstrap.DefaultResamples;

    /// <summary>Labelled examples per fold for the learning curve (default 0, 2, 5, 10, 25, 50; larger than the data are left out). Empty: no curve.</summary>
    public IReadOnlyList<int> LearningCurve { get; init; } = [0, 2, 5, 10, 25, 50];

    /// <summary>Whether to score semantic-only and episodic-only variants (default true).</summary>
    public bool Ablations { get; init; } = true;

    /// <summary>The human value meaning "not applicable" for numeric judges (such as 0 on a 1-3 scale), left out of the metrics and counted.</summary>
    public double? NotApplicable { get; init; }

    /// <summary>Judge calls in flight at once while scoring (default 8).</summary>
    public int MaxConcurrency { get; init; } = 8;

    /// <summary>The clock for the experiment's wall time; replace it in tests.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    internal void Validate()
    {
        if (Folds < 2)
        {
            throw new ArgumentOutOfRangeException(nameof(Folds), Folds, $"{nameof(ExperimentOptions)}.{nameof(Folds)} must be at least 2.");
        }

        if (LearningCurve.Any(n => n < 0))
        {
            throw new ArgumentOutOfRangeException(nameof(LearningCurve), $"{nameof(ExperimentOptions)}.{nameof(LearningCurve)} holds a negative count.");
        }
    }
}

/// <summary>
/// Proves (or disproves) that alignment helped, on held-out data: stratified K-fold cross-validation
/// (align on K-1 folds, score the held-out fold with the baseline and the aligned judge, pool the folds),
/// metrics with paired bootstrap intervals, a learning curve and memory ablations, with what it cost.
/// </summary>
public static class AlignmentExperiment
{
    private const string Baseline = "baseline";
    private const string Aligned = "aligned";
    private const string SemanticOnly = "semantic only";
    private const string EpisodicOnly = "episodic only";

    /// <summary>Runs the experiment for <paramref name="judge"/> on the labelled <paramref name="traces"/>.</summary>
    /// <exception cref="ArgumentException">Fewer labelled traces than folds.</exception>
    public static async Task<ExperimentReport> RunAsync(Judge judge, IReadOnlyList<Trace> traces, IAlignmentOptimizer? optimizer = null,
        ExperimentOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(judge);
        ArgumentNullException.ThrowIfNull(traces);
        options ??= new ExperimentOptions();
        options.Validate();
        optimizer ??= new MemAlignOptimizer();
        var started = options.TimeProvider.GetTimestamp();

        var (records, _, _) = FeedbackExtractor.Extract(judge.Definition, traces);
        var labels = records.ToDictionary(r => r.TraceId, r => r.Value, StringComparer.Ordinal);
        var labelled = traces.Where(t => labels.ContainsKey(t.Id)).DistinctBy(t => t.Id).ToList();
        if (labelled.Count < options.Folds)
        {
            throw new ArgumentException(
                $"Judge '{judge.Name}' has {labelled.Count} labelled trace(s); a {options.Folds}-fold experiment needs at least {options.Folds}.", nameof(traces));
        }

        var folds = Stratify(labelled, labels, options.Folds, options.Seed);
        var predictions = new Dictionary<string, Dictionary<string, FeedbackValue?>>(StringComparer.Ordinal);
        var details = new List<FoldReport>();
        var calls = 0;
        var usage = default(TokenUsage);

        async Task Score(string variant, Judge scorer, IReadOnlyList<Trace> test)
        {
            var result = await Evaluator.RunAsync([scorer], test, new EvaluationOptions { MaxConcurrency = options.MaxConcurrency }, cancellationToken: cancellationToken).ConfigureAwait(false);
            var map = predictions.TryGetValue(variant, out var existing) ? existing : predictions[variant] = new(StringComparer.Ordinal);
            foreach (var record in result.Records)
            {
                map[record.TraceId] = record.Value;
                calls += record.ModelCalls;
                usage += record.Usage;
            }
        }

        for (var k = 0; k < folds.Count; k++)
        {
            var test = folds[k];
            var train = folds.Where((_, i) => i != k).SelectMany(f => f).ToList();
            var (aligned, report) = await judge.AlignAsync(train, optimizer, cancellationToken).ConfigureAwait(false);
            calls += report.ModelCalls;
            usage += report.Usage;
            details.Add(new FoldReport(k, train.Select(t => t.Id).ToList(), test.Select(t => t.Id).ToList(), aligned.Memory.TraceIds.Order(StringComparer.Ordinal).ToList()));

            await Score(Baseline, judge, test).ConfigureAwait(false);
            await Score(Aligned, aligned, test).ConfigureAwait(false);
            if (options.Ablations && aligned.Embedder is { } embedder)
            {
                await Score(SemanticOnly, aligned.WithMemory(aligned.Memory.With(examples: []), embedder), test).ConfigureAwait(false);
                await Score(EpisodicOnly, aligned.WithMemory(aligned.Memory.With(guidelines: []), embedder), test).ConfigureAwait(false);
            }
        }

        var valueType = judge.Definition.ValueType;
        var notApplicable = options.NotApplicable;
        var applicable = labelled.Where(t => !IsNotApplicable(labels[t.Id], notApplicable)).ToList();
        // Each judge is measured on the rows it could score; the difference only on rows both scored
        // (a judge without a model and without memory, the offline baseline, scores none).
        List<Row> Scored(string variant) => applicable.Where(t => predictions[variant].GetValueOrDefault(t.Id) is not null)
            .Select(t => new Row(labels[t.Id], predictions[variant][t.Id]!, predictions[variant][t.Id]!)).ToList();
        var baselineRows = Scored(Baseline);
        var alignedRows = Scored(Aligned);
        var rows = applicable
            .Where(t => predictions[Baseline].GetValueOrDefault(t.Id) is not null && predictions[Aligned].GetValueOrDefault(t.Id) is not null)
            .Select(t => new Row(labels[t.Id], predictions[Baseline][t.Id]!, predictions[Aligned][t.Id]!))
            .ToList();
        var metrics = Metrics(valueType, notApplicable);
        var comparisons = metrics.Select(m => new MetricComparison(
            m.Name,
            m.LowerIsBetter,
            PairedBootstrap.Interval(baselineRows, s => m.Compute(s, r => r.Baseline), options.BootstrapResamples, options.Seed),
            PairedBootstrap.Interval(alignedRows, s => m.Compute(s, r => r.Aligned), options.BootstrapResamples, options.Seed),
            PairedBootstrap.Difference(rows, s => m.Compute(s, r => r.Baseline), s => m.Compute(s, r => r.Aligned), options.BootstrapResamples, options.Seed))).ToList();

        var primary = metrics[0];
        var ablations = new Dictionary<string, double?>(StringComparer.Ordinal);
        foreach (var variant in new[] { Baseline, SemanticOnly, EpisodicOnly, Aligned }.Where(predictions.ContainsKey))
        {
            ablations[variant] = primary.Compute(Scored(variant), r => r.Aligned);
        }

        var curve = new List<LearningCurvePoint>();
        var largestTrain = folds.Min(f => labelled.Count - f.Count);
        foreach (var size in options.LearningCurve.Distinct().Order().Where(n => n <= largestTrain))
        {
            var pooled = new List<Row>();
            for (var k = 0; k < folds.Count; k++)
            {
                var test = folds[k];
                var train = folds.Where((_, i) => i != k).SelectMany(f => f).Take(size).ToList();
                var scorer = judge;
                if (size > 0)
                {
                    var (aligned, report) = await judge.AlignAsync(train, optimizer, cancellationToken).ConfigureAwait(false);
                    calls += report.ModelCalls;
                    usage += report.Usage;
                    scorer = aligned;
                }

                var result = size == 0 ? null : await Evaluator.RunAsync([scorer], test, new EvaluationOptions { MaxConcurrency = options.MaxConcurrency }, cancellationToken: cancellationToken).ConfigureAwait(false);
                var scored = result?.Records.ToDictionary(r => r.TraceId, r => r.Value, StringComparer.Ordinal) ?? predictions[Baseline];
                calls += result?.Records.Sum(r => r.ModelCalls) ?? 0;
                pooled.AddRange(test.Where(t => !IsNotApplicable(labels[t.Id], notApplicable) && scored.GetValueOrDefault(t.Id) is not null)
                    .Select(t => new Row(labels[t.Id], scored[t.Id]!, scored[t.Id]!)));
            }

            curve.Add(new LearningCurvePoint(size, primary.Compute(pooled, r => r.Aligned)));
        }

        return new ExperimentReport
        {
            JudgeName = judge.Name,
            Folds = options.Folds,
            ComparableRows = rows.Count,
            NotApplicableRows = labelled.Count - applicable.Count,
            ErrorRows = applicable.Count - rows.Count,
            BaselineRows = baselineRows.Count,
            AlignedRows = alignedRows.Count,
            Metrics = comparisons,
            Ablations = ablations,
            LearningCurve = curve,
            FoldDetails = details,
            Cost = new ExperimentCost(calls, usage, options.TimeProvider.GetElapsedTime(started)),
        };
    }

    /// <summary>Stratified folds: each label's traces, shuffled with the seed, are dealt round-robin, so every fold gets its share of every label.</summary>
    internal static List<List<Trace>> Stratify(IReadOnlyList<Trace> traces, IReadOnlyDictionary<string, FeedbackValue> labels, int folds, int seed)
    {
        var random = new Random(seed);
        var result = Enumerable.Range(0, folds).Select(_ => new List<Trace>()).ToList();
        var next = 0;
        foreach (var group in traces.GroupBy(t => labels[t.Id]).OrderBy(g => g.Key.ToString(), StringComparer.Ordinal))
        {
            var members = group.OrderBy(t => t.Id, StringComparer.Ordinal).ToArray();
            random.Shuffle(members);
            foreach (var trace in members)
            {
                result[next].Add(trace);
                next = (next + 1) % folds;
            }
        }

        return result;
    }

    private static bool IsNotApplicable(FeedbackValue label, double? notApplicable) =>
        notApplicable is { } na && label.Kind == FeedbackValueKind.Number && label.AsNumber() == na;

    private static List<Metric> Metrics(FeedbackValueType valueType, double? notApplicable)
    {
        if (valueType.Kind is FeedbackTypeKind.Integer or FeedbackTypeKind.Number)
        {
            NumericAgreement Numeric(IReadOnlyList<Row> rows, Func<Row, FeedbackValue> judged) =>
                NumericAgreement.Compute(rows.Select(r => (r.Human.AsNumber(), judged(r).AsNumber())).ToList(), valueType.Minimum!.Value, valueType.Maximum!.Value, notApplicable);

            return
            [
                new("MAE", true, (rows, judged) => Numeric(rows, judged).MeanAbsoluteError),
                new("exact agreement", false, (rows, judged) => Numeric(rows, judged).ExactAgreement),
                new("within-1 agreement", false, (rows, judged) => Numeric(rows, judged).WithinOneAgreement),
                new("quadratic weighted kappa", false, (rows, judged) => Numeric(rows, judged).QuadraticWeightedKappa),
                new("Spearman", false, (rows, judged) => Numeric(rows, judged).Spearman),
                new("Lin's concordance", false, (rows, judged) => Numeric(rows, judged).LinsConcordance),
            ];
        }

        var classes = valueType.Kind == FeedbackTypeKind.Boolean ? new[] { "true", "false" } : valueType.Options.ToArray();
        CategoricalAgreement Categorical(IReadOnlyList<Row> rows, Func<Row, FeedbackValue> judged) =>
            CategoricalAgreement.Compute(rows.Select(r => (r.Human.ToString(), judged(r).ToString())).ToList(), classes);

        return
        [
            new("accuracy", false, (rows, judged) => Categorical(rows, judged).Accuracy),
            new("Cohen's kappa", false, (rows, judged) => Categorical(rows, judged).CohensKappa),
        ];
    }

    private sealed record Row(FeedbackValue Human, FeedbackValue Baseline, FeedbackValue Aligned);

    private sealed record Metric(string Name, bool LowerIsBetter, Func<IReadOnlyList<Row>, Func<Row, FeedbackValue>, double?> Compute);
}
