using MemAlign.Alignment;

namespace MemAlign.Evaluation;

/// <summary>How an alignment experiment is run.</summary>
public sealed record ExperimentOptions
{
    /// <summary>Cross-validation folds (default 4, as in the Genie Code study); unused by a train/test experiment.</summary>
    public int Folds { get; init; } = 4;

    /// <summary>The seed for folds, samples and the bootstrap; equal seeds give equal reports.</summary>
    public int Seed { get; init; } = 42;

    /// <summary>Bootstrap resamples per interval (default 10,000).</summary>
    public int BootstrapResamples { get; init; } = PairedBootstrap.DefaultResamples;

    /// <summary>
    /// Labelled examples per fold for the learning curve. Null (the default): 0, then three sizes per decade from
    /// 10 (10, 20, 50, 100, 200, 500, 1000, ...) below the training fold's size (see <see cref="DefaultLearningCurve"/>).
    /// Each point aligns on a stratified sample; smaller samples are part of larger ones. Whatever the sizes, the curve
    /// ends at the whole training set, whose point is the aligned judge's own figure (sizes as large are that point).
    /// Empty: no curve.
    /// </summary>
    public IReadOnlyList<int>? LearningCurve { get; init; }

    /// <summary>
    /// The default learning-curve sizes below <paramref name="trainingSize"/>: 0, then 10, 20, 50, 100, 200, 500 and so
    /// on (three per decade; fewer labels rarely tell the majority label apart from the others).
    /// </summary>
    public static IReadOnlyList<int> DefaultLearningCurve(int trainingSize)
    {
        var sizes = new List<int> { 0 };
        for (var decade = 10L; decade < trainingSize; decade *= 10)
        {
            sizes.AddRange(new[] { decade, 2 * decade, 5 * decade }.Where(n => n < trainingSize).Select(n => (int)n));
        }

        return sizes;
    }

    /// <summary>Different stratified samples per learning-curve point (default 3): the curve shows their mean and range.</summary>
    public int LearningCurveRepeats { get; init; } = 3;

    /// <summary>Whether to score semantic-only and episodic-only variants (default true).</summary>
    public bool Ablations { get; init; } = true;

    /// <summary>
    /// For a numeric judge that declares no "not applicable" value: the human value meaning it (such as 0 on a 1-3 scale),
    /// left out of the metrics and counted. A judge that declares one (<see cref="FeedbackValueType.NotApplicable"/>) needs
    /// nothing here; a different value is an error.
    /// </summary>
    public double? NotApplicable { get; init; }

    /// <summary>How several human labels on a trace become the one the judge is scored against (default: majority, ties to the most recent).</summary>
    public LabelResolution LabelResolution { get; init; } = LabelResolution.Default;

    /// <summary>What the training set is, for the report of a train/test experiment (a filter, say).</summary>
    public string? TrainSetName { get; init; }

    /// <summary>What the test set is, for the report of a train/test experiment.</summary>
    public string? TestSetName { get; init; }

    /// <summary>Judge calls in flight at once while scoring (default 8).</summary>
    public int MaxConcurrency { get; init; } = 8;

    /// <summary>The clock for the experiment's wall time; replace it in tests.</summary>
    public TimeProvider TimeProvider { get; init; } = SystemClock.Default;

    /// <summary>
    /// Also study a local-first cascade on the held-out folds (<see cref="ExperimentReport.Cascade"/>): the local judge on
    /// each fold's aligned memory answers where its confidence reaches a threshold, the judge's model (offline: the
    /// majority class) the rest. Null (the default): no cascade study.
    /// </summary>
    public CascadeExperimentOptions? Cascade { get; init; }

    internal void Validate()
    {
        if (Folds < 2)
        {
            throw new ArgumentOutOfRangeException(nameof(Folds), Folds, $"{nameof(ExperimentOptions)}.{nameof(Folds)} must be at least 2.");
        }

        if (LearningCurve?.Any(n => n < 0) == true)
        {
            throw new ArgumentOutOfRangeException(nameof(LearningCurve), $"{nameof(ExperimentOptions)}.{nameof(LearningCurve)} holds a negative count.");
        }

        if (LearningCurveRepeats < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(LearningCurveRepeats), LearningCurveRepeats, $"{nameof(ExperimentOptions)}.{nameof(LearningCurveRepeats)} must be at least 1.");
        }

        ArgumentNullException.ThrowIfNull(LabelResolution, nameof(LabelResolution));
        LabelResolution.Validate();
        Cascade?.Validate();
    }
}

/// <summary>
/// Proves (or disproves) that alignment helped, on held-out data: stratified K-fold cross-validation (align on
/// K-1 folds, score the held-out fold, pool the folds) or a train/test split; the baseline, the aligned judge and
/// the majority-class reference with paired bootstrap intervals; human-human agreement on the same traces; a
/// learning curve over stratified, nested samples repeated with several seeds; memory ablations; and the cost.
/// </summary>
public static class AlignmentExperiment
{
    private const string BaselineVariant = "baseline";
    private const string AlignedVariant = "aligned";
    private const string MajorityVariant = "majority";
    private const string SemanticOnly = "semantic only";
    private const string EpisodicOnly = "episodic only";

    /// <summary>Runs a cross-validated experiment for <paramref name="judge"/> on the labelled <paramref name="traces"/>.</summary>
    /// <exception cref="ArgumentException">Fewer labelled traces than folds.</exception>
    public static Task<ExperimentReport> RunAsync(Judge judge, IReadOnlyList<Trace> traces, IAlignmentOptimizer? optimizer = null,
        ExperimentOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(judge);
        ArgumentNullException.ThrowIfNull(traces);
        options ??= new ExperimentOptions();
        options.Validate();
        var data = Labelled(judge, traces, options);
        if (data.Traces.Count < options.Folds)
        {
            throw new ArgumentException(
                $"Judge '{judge.Name}' has {data.Traces.Count} labelled trace(s); a {options.Folds}-fold experiment needs at least {options.Folds}.", nameof(traces));
        }

        var folds = Stratify(data.Traces, Strata.Of(data.Labels), options.Folds, options.Seed);
        var splits = Enumerable.Range(0, folds.Count).Select(k => new Split(folds.Where((_, i) => i != k).SelectMany(f => f).ToList(), folds[k])).ToList();
        return RunAsync(judge, data, splits, ExperimentDesign.CrossValidation, optimizer ?? new MemAlignOptimizer(), options, cancellationToken);
    }

    /// <summary>
    /// Runs a train/test experiment: aligns <paramref name="judge"/> on the labelled <paramref name="train"/> traces
    /// and scores the labelled <paramref name="test"/> traces (a trace in both is an error: it would be scored on what it taught).
    /// </summary>
    /// <exception cref="ArgumentException">A set has no labelled trace, or the sets share a trace.</exception>
    public static Task<ExperimentReport> RunTrainTestAsync(Judge judge, IReadOnlyList<Trace> train, IReadOnlyList<Trace> test, IAlignmentOptimizer? optimizer = null,
        ExperimentOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(judge);
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(test);
        options ??= new ExperimentOptions();
        options.Validate();
        var shared = train.Select(t => t.Id).Intersect(test.Select(t => t.Id), StringComparer.Ordinal).Take(5).ToList();
        if (shared.Count > 0)
        {
            throw new ArgumentException($"The training and test sets share trace(s) {string.Join(", ", shared.Select(id => $"'{id}'"))}; a trace must be in one set only.", nameof(test));
        }

        var data = Labelled(judge, train.Concat(test).ToList(), options);
        var trainIds = train.Select(t => t.Id).ToHashSet(StringComparer.Ordinal);
        var split = new Split(data.Traces.Where(t => trainIds.Contains(t.Id)).ToList(), data.Traces.Where(t => !trainIds.Contains(t.Id)).ToList());
        if (split.Train.Count == 0 || split.Test.Count == 0)
        {
            throw new ArgumentException(
                $"Judge '{judge.Name}' has {split.Train.Count} labelled training trace(s) and {split.Test.Count} labelled test trace(s); both sets need at least one.", nameof(train));
        }

        return RunAsync(judge, data, [split], ExperimentDesign.TrainTest, optimizer ?? new MemAlignOptimizer(), options, cancellationToken);
    }

    private static async Task<ExperimentReport> RunAsync(Judge judge, LabelledData data, IReadOnlyList<Split> splits, ExperimentDesign design,
        IAlignmentOptimizer optimizer, ExperimentOptions options, CancellationToken cancellationToken)
    {
        var started = options.TimeProvider.GetTimestamp();
        var labels = data.Labels;
        var offline = judge.ModelId == Models.LocalJudgeModel.ModelName;
        var predictions = new Dictionary<string, Dictionary<string, FeedbackValue?>>(StringComparer.Ordinal);
        var details = new List<FoldReport>();
        var calls = 0;
        var usage = default(TokenUsage);
        // Position consistency is counted fold by fold: the folds' results are not kept for it.
        var baselinePositions = new PositionTally();
        var alignedPositions = new PositionTally();

        async Task<IReadOnlyList<EvaluationRecord>> Records(Judge scorer, IReadOnlyList<Trace> test)
        {
            var result = await Evaluator.RunAsync([scorer], test, new EvaluationOptions { MaxConcurrency = options.MaxConcurrency }, cancellationToken: cancellationToken).ConfigureAwait(false);
            calls += result.Records.Sum(r => r.ModelCalls);
            usage = result.Records.Aggregate(usage, (sum, r) => sum + r.Usage);
            return result.Records;
        }

        static Dictionary<string, FeedbackValue?> Values(IReadOnlyList<EvaluationRecord> records) => records.ToDictionary(r => r.TraceId, r => r.Value, StringComparer.Ordinal);

        async Task<Dictionary<string, FeedbackValue?>> Score(Judge scorer, IReadOnlyList<Trace> test) => Values(await Records(scorer, test).ConfigureAwait(false));

        // The cascade's local stage: each held-out trace's local verdict and confidence, from the fold's aligned memory.
        var local = new Dictionary<string, (FeedbackValue? Value, double? Confidence)>(StringComparer.Ordinal);

        void Keep(string variant, Dictionary<string, FeedbackValue?> scored)
        {
            var map = predictions.TryGetValue(variant, out var existing) ? existing : predictions[variant] = new(StringComparer.Ordinal);
            foreach (var (id, value) in scored)
            {
                map[id] = value;
            }
        }

        async Task<Judge> AlignAsync(Judge from, IReadOnlyList<Trace> train)
        {
            var (aligned, report) = await from.AlignAsync(train, optimizer, cancellationToken).ConfigureAwait(false);
            calls += report.ModelCalls;
            usage += report.Usage;
            return aligned;
        }

        // The majority reference, and offline also the baseline: the local judge without memory has nothing to vote with.
        Dictionary<string, FeedbackValue?> Majority(Split split)
        {
            var majority = MajorityOf(split.Train.Select(t => labels[t.Id]));
            return split.Test.ToDictionary(t => t.Id, _ => (FeedbackValue?)majority, StringComparer.Ordinal);
        }

        for (var k = 0; k < splits.Count; k++)
        {
            var (train, test) = splits[k];
            var aligned = await AlignAsync(judge, train).ConfigureAwait(false);
            details.Add(new FoldReport(k, train.Select(t => t.Id).ToList(), test.Select(t => t.Id).ToList(), aligned.Memory.TraceIds.Order(StringComparer.Ordinal).ToList()));
            Keep(MajorityVariant, Majority(splits[k]));
            if (offline)
            {
                Keep(BaselineVariant, Majority(splits[k]));
            }
            else
            {
                var baseline = await Records(judge, test).ConfigureAwait(false);
                baselinePositions.Add(baseline);
                Keep(BaselineVariant, Values(baseline));
            }

            var alignedRecords = await Records(aligned, test).ConfigureAwait(false);
            alignedPositions.Add(alignedRecords);
            Keep(AlignedVariant, Values(alignedRecords));
            if (options.Cascade is not null)
            {
                // Offline the aligned judge is the local judge already; online the local judge votes with the same memory at no model call.
                var localRecords = offline ? alignedRecords : await Records(LocalStage(aligned), test).ConfigureAwait(false);
                foreach (var record in localRecords)
                {
                    local[record.TraceId] = (record.IsOk ? record.Value : null, record.Confidence);
                }
            }

            if (options.Ablations && aligned.Embedder is { } embedder)
            {
                Keep(SemanticOnly, await Score(aligned.WithMemory(aligned.Memory.With(examples: []), embedder), test).ConfigureAwait(false));
                Keep(EpisodicOnly, await Score(aligned.WithMemory(aligned.Memory.With(guidelines: []), embedder), test).ConfigureAwait(false));
            }
        }

        var valueType = judge.Definition.ValueType;
        var notApplicable = NotApplicableOf(judge.Definition, options.NotApplicable);

        // A declared value is one the judge may answer: every row counts for applicability, and the scale's figures
        // leave out rows either side found not applicable. A value given only as an option (a judge that cannot answer it)
        // leaves out the rows the human found not applicable, as before.
        var declared = valueType.NotApplicable is not null;
        bool LeftOut(Trace t) => !declared && IsNotApplicable(labels[t.Id], notApplicable);
        var tested = splits.SelectMany(s => s.Test).ToList();
        var applicable = tested.Where(t => !LeftOut(t)).ToList();
        List<Row> Rows(params string[] variants) => applicable
            .Where(t => variants.All(v => predictions[v].GetValueOrDefault(t.Id) is not null))
            .Select(t => new Row(labels[t.Id], predictions[variants[0]][t.Id]!, predictions[variants[^1]][t.Id]!))
            .ToList();

        var baselineRows = Rows(BaselineVariant);
        var alignedRows = Rows(AlignedVariant);
        var bothRows = Rows(BaselineVariant, AlignedVariant);
        var majorityRows = Rows(MajorityVariant, AlignedVariant);
        var metrics = Metrics(valueType, notApplicable);
        var (resamples, seed) = (options.BootstrapResamples, options.Seed);
        var rowSets = new ComparedRows(baselineRows, alignedRows, bothRows, majorityRows);
        var comparisons = Compare(metrics.Select(m => (m.Name, m.LowerIsBetter)).ToList(), (rows, judged) => AllMetrics(valueType, notApplicable, rows, judged), rowSets, resamples, seed);
        if (declared)
        {
            comparisons.AddRange(ApplicabilityComparisons(valueType.NotApplicable!.Value, rowSets, resamples, seed));
        }

        var primary = metrics[0];
        var kappa = metrics.FirstOrDefault(m => m.Name is "Cohen's kappa" or "quadratic weighted kappa");
        var ablations = new Dictionary<string, double?>(StringComparer.Ordinal);
        foreach (var variant in new[] { BaselineVariant, SemanticOnly, EpisodicOnly, AlignedVariant }.Where(predictions.ContainsKey))
        {
            ablations[variant] = primary.Compute(Rows(variant), r => r.Last);
        }

        var cascade = options.Cascade is { } cascadeOptions ? Cascade(judge, applicable, labels, local, predictions[offline ? MajorityVariant : AlignedVariant], predictions[MajorityVariant], cascadeOptions, offline) : null;
        var curve = await LearningCurveAsync().ConfigureAwait(false);
        var report = new ExperimentReport
        {
            JudgeName = judge.Name,
            Folds = splits.Count,
            Design = design,
            TrainSet = design == ExperimentDesign.TrainTest ? options.TrainSetName : null,
            TestSet = design == ExperimentDesign.TrainTest ? options.TestSetName : null,
            TrainTraces = design == ExperimentDesign.TrainTest ? splits[0].Train.Count : data.Traces.Count,
            TestTraces = tested.Count,
            Baseline = offline
                ? "the majority class of the training labels (the local judge has no model: without memory it has nothing to vote with)"
                : "the judge without memory (its rubric alone)",
            Offline = offline,
            MajorityLabel = MajorityOf(splits.SelectMany(s => s.Train).Select(t => labels[t.Id])).ToString(),
            HumanAgreement = HumanAgreement.Compute(judge.Definition, data.Traces, Math.Min(resamples, 2_000), seed),
            LabelRule = options.LabelResolution.ToString(),
            LabelResolution = data.Resolution,
            ComparableRows = bothRows.Count,
            NotApplicable = notApplicable,
            NotApplicableDeclared = declared,
            NotApplicableRows = tested.Count(t => IsNotApplicable(labels[t.Id], notApplicable)),
            ErrorRows = applicable.Count - bothRows.Count,
            BaselineRows = baselineRows.Count,
            AlignedRows = alignedRows.Count,
            Metrics = comparisons,
            Ablations = ablations,
            LearningCurve = curve,
            LearningCurveRepeats = curve.Count == 0 ? 0 : options.LearningCurveRepeats,
            FoldDetails = details,
            Cost = new ExperimentCost(calls, usage, options.TimeProvider.GetElapsedTime(started)),
            Cascade = cascade,
            BaselinePositionConsistency = baselinePositions.Result,
            AlignedPositionConsistency = alignedPositions.Result,
        };
        return report with { Findings = ExperimentFindings.For(report) };

        // Per repeat and split: the training traces in a nested stratified order; each size aligns on the next
        // examples of that order, on top of the memory of the size before (so it is the same sample, grown).
        // The last point is the whole training set: the aligned judge's own verdicts, the same in every repeat.
        async Task<List<LearningCurvePoint>> LearningCurveAsync()
        {
            var whole = splits.Min(s => s.Train.Count);
            if (options.LearningCurve is { Count: 0 })
            {
                return [];
            }

            var sizes = (options.LearningCurve ?? ExperimentOptions.DefaultLearningCurve(whole)).Where(n => n < whole).Append(whole).Distinct().Order().ToList();
            var scores = sizes.ToDictionary(n => n, _ => new List<(double? Value, double? Kappa)>());
            var composition = sizes.ToDictionary(n => n, _ => new Dictionary<string, int>(StringComparer.Ordinal));
            var stratum = Strata.Of(labels);
            for (var repeat = 0; repeat < options.LearningCurveRepeats && sizes.Count > 0; repeat++)
            {
                var pooled = sizes.ToDictionary(n => n, _ => new List<Row>());
                for (var k = 0; k < splits.Count; k++)
                {
                    var (train, test) = splits[k];
                    var order = NestedStratifiedOrder.Order(train, stratum, unchecked(options.Seed + (7919 * repeat) + (104_729 * k)));
                    var current = judge;
                    foreach (var size in sizes)
                    {
                        var sample = order.Take(size).ToList();
                        Dictionary<string, FeedbackValue?> scored;
                        if (size == 0 || size == whole)
                        {
                            var variant = size == 0 ? BaselineVariant : AlignedVariant;
                            scored = test.ToDictionary(t => t.Id, t => predictions[variant].GetValueOrDefault(t.Id), StringComparer.Ordinal);
                            sample = size == 0 ? sample : train.ToList();
                        }
                        else
                        {
                            current = await AlignAsync(current, sample).ConfigureAwait(false);
                            scored = await Score(current, test).ConfigureAwait(false);
                        }

                        if (repeat == 0)
                        {
                            foreach (var trace in sample)
                            {
                                var label = labels[trace.Id].ToString();
                                composition[size][label] = composition[size].GetValueOrDefault(label) + 1;
                            }
                        }

                        pooled[size].AddRange(test.Where(t => !LeftOut(t) && scored.GetValueOrDefault(t.Id) is not null)
                            .Select(t => new Row(labels[t.Id], scored[t.Id]!, scored[t.Id]!)));
                    }
                }

                foreach (var size in sizes)
                {
                    scores[size].Add((primary.Compute(pooled[size], r => r.Last), kappa?.Compute(pooled[size], r => r.Last)));
                }
            }

            return sizes.Select(size =>
            {
                var values = scores[size].Select(s => s.Value).ToList();
                var kappas = scores[size].Select(s => s.Kappa).Where(v => v is not null).Select(v => v!.Value).ToList();
                var defined = values.Where(v => v is not null).Select(v => v!.Value).ToList();
                return new LearningCurvePoint(size, defined.Count == 0 ? null : defined.Average())
                {
                    WholeTrainingSet = size == whole,
                    Lower = defined.Count == 0 ? null : defined.Min(),
                    Upper = defined.Count == 0 ? null : defined.Max(),
                    Kappa = kappas.Count == 0 ? null : kappas.Average(),
                    KappaLower = kappas.Count == 0 ? null : kappas.Min(),
                    KappaUpper = kappas.Count == 0 ? null : kappas.Max(),
                    Repeats = values,
                    Labels = composition[size],
                };
            }).ToList();
        }
    }

    /// <summary>The local judge voting with <paramref name="aligned"/>'s memory: the first stage of a cascade over it.</summary>
    internal static Judge LocalStage(Judge aligned) => aligned.Embedder is { } embedder
        ? Judge.CreateLocal(aligned.Definition, aligned.Options).WithMemory(aligned.Memory, embedder)
        : Judge.CreateLocal(aligned.Definition, aligned.Options);

    private static CascadeReport Cascade(Judge judge, IReadOnlyList<Trace> applicable, IReadOnlyDictionary<string, FeedbackValue> labels,
        Dictionary<string, (FeedbackValue? Value, double? Confidence)> local, Dictionary<string, FeedbackValue?> model, Dictionary<string, FeedbackValue?> majority,
        CascadeExperimentOptions options, bool offline)
    {
        var rows = applicable.Select(t => new CascadeCalibration.Row(labels[t.Id], local.GetValueOrDefault(t.Id).Value, local.GetValueOrDefault(t.Id).Confidence,
            model.GetValueOrDefault(t.Id), majority[t.Id]!)).ToList();
        var stage = offline
            ? "offline, no LLM: the traces the local judge is unsure of go to the majority class of the training labels, a stand-in for the model"
            : $"the aligned judge on its model '{judge.ModelId}'";
        return CascadeCalibration.Build(rows, options, stage, offline);
    }

    /// <summary>Stratified folds: each stratum's traces, shuffled with the seed, are dealt round-robin, so every fold gets its share of every label.</summary>
    internal static List<List<Trace>> Stratify(IReadOnlyList<Trace> traces, Func<Trace, string> stratum, int folds, int seed)
    {
        var random = new Random(seed);
        var result = Enumerable.Range(0, folds).Select(_ => new List<Trace>()).ToList();
        var next = 0;
        foreach (var group in traces.GroupBy(stratum, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
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

    private static LabelledData Labelled(Judge judge, IReadOnlyList<Trace> traces, ExperimentOptions options)
    {
        NotApplicableOf(judge.Definition, options.NotApplicable); // a contradiction fails before any work
        var extraction = FeedbackExtractor.Extract(judge.Definition, traces, options.LabelResolution);
        var labels = extraction.Records.ToDictionary(r => r.TraceId, r => r.Value, StringComparer.Ordinal);
        return new LabelledData(traces.Where(t => labels.ContainsKey(t.Id)).DistinctBy(t => t.Id).ToList(), labels, extraction.Resolution);
    }

    // The most common value; a tie goes to the value that sorts first, so the reference is deterministic.
    private static FeedbackValue MajorityOf(IEnumerable<FeedbackValue> values) =>
        values.GroupBy(v => v).OrderByDescending(g => g.Count()).ThenBy(g => g.Key.ToString(), StringComparer.Ordinal).First().Key;

    private static bool IsNotApplicable(FeedbackValue label, double? notApplicable) =>
        notApplicable is { } na && label.Kind == FeedbackValueKind.Number && label.AsNumber() == na;

    /// <summary>
    /// The "not applicable" value the experiment uses: the judge's declared one, else <see cref="ExperimentOptions.NotApplicable"/>
    /// (for judges that declare none). Both given and different is an error: the labels cannot mean two things.
    /// </summary>
    /// <exception cref="ArgumentException">The option contradicts the judge's declared value, or is set for a judge that is not numeric.</exception>
    internal static double? NotApplicableOf(JudgeDefinition judge, double? option)
    {
        var declared = judge.ValueType.NotApplicable;
        if (option is { } given && declared is { } value && given != value)
        {
            throw new ArgumentException(
                $"Judge '{judge.Name}' declares {value.ToString(System.Globalization.CultureInfo.InvariantCulture)} as its 'not applicable' value ({judge.ValueType}), but {given.ToString(System.Globalization.CultureInfo.InvariantCulture)} was given; "
                + "leave the option out: the declared value is used.", nameof(option));
        }

        if (option is not null && judge.ValueType.Kind is not (FeedbackTypeKind.Integer or FeedbackTypeKind.Number))
        {
            throw new ArgumentException($"Judge '{judge.Name}' returns {judge.ValueType}; a 'not applicable' value is only for numeric judges.", nameof(option));
        }

        return declared ?? option;
    }

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
                new("Krippendorff's alpha (interval)", false, (rows, judged) => IntervalAlpha(rows, judged)),
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

    /// <summary>The names of the applicability metrics an experiment on a judge with a "not applicable" value adds after the scale's.</summary>
    internal static readonly string[] ApplicabilityMetrics = ["applicability accuracy", "applicability kappa"];

    // Whether the judge and the human agree that the question applies, over every held-out row: accuracy and Cohen's
    // kappa on the labels "applicable" and "not applicable", against the same references as the scale's figures.
    private static List<MetricComparison> ApplicabilityComparisons(double notApplicable, ComparedRows rows, int resamples, int seed) =>
        Compare([.. ApplicabilityMetrics.Select(name => (name, false))], (sample, judged) =>
        {
            var agreement = CategoricalAgreement.Compute(sample.Select(r => (
                NumericAgreement.ApplicabilityOf(r.Human.AsNumber(), notApplicable),
                NumericAgreement.ApplicabilityOf(judged(r).AsNumber(), notApplicable))).ToList(),
                [NumericAgreement.ApplicableLabel, NumericAgreement.NotApplicableLabel]);
            return [agreement.Accuracy, agreement.CohensKappa];
        }, rows, resamples, seed);

    // Baseline, aligned, their difference, the majority reference and the aligned judge against it, for metrics computed
    // together on each resample (one pass per comparison).
    private static List<MetricComparison> Compare(List<(string Name, bool LowerIsBetter)> metrics, Func<IReadOnlyList<Row>, Func<Row, FeedbackValue>, double?[]> all,
        ComparedRows rows, int resamples, int seed)
    {
        ConfidenceInterval?[] Intervals(List<Row> sample, Func<IReadOnlyList<Row>, double?[]> statistic) =>
            sample.Count == 0 ? new ConfidenceInterval?[metrics.Count] : PairedBootstrap.Intervals(sample, statistic, resamples, seed);
        double?[] Change(IReadOnlyList<Row> sample) => all(sample, r => r.Last).Zip(all(sample, r => r.First), (after, before) => after - before).ToArray();
        var baselines = Intervals(rows.Baseline, s => all(s, r => r.First));
        var aligneds = Intervals(rows.Aligned, s => all(s, r => r.Last));
        var differences = Intervals(rows.Both, Change);
        var majorities = Intervals(rows.Majority, s => all(s, r => r.First));
        var versusMajority = Intervals(rows.Majority, Change);
        return metrics.Select((m, i) => new MetricComparison(m.Name, m.LowerIsBetter, baselines[i], aligneds[i], differences[i])
        {
            Majority = majorities[i],
            VersusMajority = versusMajority[i],
        }).ToList();
    }

    // The held-out rows each comparison is made on: the baseline's, the aligned judge's, both, and the majority's with the aligned.
    private sealed record ComparedRows(List<Row> Baseline, List<Row> Aligned, List<Row> Both, List<Row> Majority);

    // Every metric of Metrics, in its order, from one computation of the agreement (the bootstrap calls this thousands of times).
    private static double?[] AllMetrics(FeedbackValueType valueType, double? notApplicable, IReadOnlyList<Row> rows, Func<Row, FeedbackValue> judged)
    {
        if (valueType.Kind is FeedbackTypeKind.Integer or FeedbackTypeKind.Number)
        {
            var pairs = rows.Select(r => (r.Human.AsNumber(), judged(r).AsNumber())).ToList();
            var n = NumericAgreement.Compute(pairs, valueType.Minimum!.Value, valueType.Maximum!.Value, notApplicable);
            return [n.MeanAbsoluteError, n.ExactAgreement, n.WithinOneAgreement, n.QuadraticWeightedKappa, IntervalAlpha(pairs), n.Spearman, n.LinsConcordance];
        }

        var classes = valueType.Kind == FeedbackTypeKind.Boolean ? new[] { "true", "false" } : valueType.Options.ToArray();
        var c = CategoricalAgreement.Compute(rows.Select(r => (r.Human.ToString(), judged(r).ToString())).ToList(), classes);
        return [c.Accuracy, c.CohensKappa];
    }

    // The judge as a second rater beside the experts' label: comparable with the experts' alpha among themselves.
    // Two complete raters reduce Krippendorff's interval alpha to 1 - (N-1) sum (x-y)^2 / (N sum (v-mean)^2) over the
    // N = 2n values; in closed form because the bootstrap computes it thousands of times.
    internal static double? IntervalAlpha(IReadOnlyList<(double Human, double Judge)> pairs)
    {
        if (pairs.Count < 2)
        {
            return null;
        }

        var n = 2.0 * pairs.Count;
        var mean = pairs.Sum(p => p.Human + p.Judge) / n;
        var spread = pairs.Sum(p => ((p.Human - mean) * (p.Human - mean)) + ((p.Judge - mean) * (p.Judge - mean)));
        if (spread == 0)
        {
            return null;
        }

        var observed = pairs.Sum(p => (p.Human - p.Judge) * (p.Human - p.Judge));
        return 1 - ((n - 1) * observed / (n * spread));
    }

    private static double? IntervalAlpha(IReadOnlyList<Row> rows, Func<Row, FeedbackValue> judged) =>
        IntervalAlpha(rows.Select(r => (r.Human.AsNumber(), judged(r).AsNumber())).ToList());

    private sealed record Split(IReadOnlyList<Trace> Train, IReadOnlyList<Trace> Test);

    private sealed record LabelledData(IReadOnlyList<Trace> Traces, IReadOnlyDictionary<string, FeedbackValue> Labels, LabelResolutionCounts Resolution);

    // The expert's label and two judges' values (or one judge's twice).
    private sealed record Row(FeedbackValue Human, FeedbackValue First, FeedbackValue Last);

    private sealed record Metric(string Name, bool LowerIsBetter, Func<IReadOnlyList<Row>, Func<Row, FeedbackValue>, double?> Compute);
}
