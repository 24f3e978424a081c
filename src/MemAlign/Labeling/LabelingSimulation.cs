using MemAlign.Alignment;
using MemAlign.Evaluation;
using MemAlign.Reporting;

namespace MemAlign.Labeling;

/// <summary>How a labeling simulation runs.</summary>
public sealed record SimulationOptions
{
    /// <summary>Labels added per step, between re-alignments (default 10).</summary>
    public int Step { get; init; } = 10;

    /// <summary>The share of labelled traces held out to score the judge after each step (default 0.3, stratified by label).</summary>
    public double TestShare { get; init; } = 0.3;

    /// <summary>The orders to compare (default uncertain and random).</summary>
    public IReadOnlyList<LabelingOrder> Orders { get; init; } = [LabelingOrder.Uncertain, LabelingOrder.Random];

    /// <summary>The seed for the held-out split, the random order and the first batch of the uncertain one.</summary>
    public int Seed { get; init; } = 42;

    /// <summary>How several human labels on a trace become one.</summary>
    public LabelResolution LabelResolution { get; init; } = LabelResolution.Default;

    /// <summary>
    /// How many times the whole simulation runs, each with its own held-out split and random order (seeds
    /// <see cref="Seed"/>, <see cref="Seed"/> + 1, ...); the curves are their means, with the lowest and highest run (default 3).
    /// </summary>
    public int Repeats { get; init; } = 3;

    /// <summary>Judge calls in flight at once while scoring (default 8).</summary>
    public int MaxConcurrency { get; init; } = 8;

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(Step, 1, nameof(Step));
        ArgumentOutOfRangeException.ThrowIfLessThan(Repeats, 1, nameof(Repeats));
        if (TestShare is <= 0 or >= 1 || double.IsNaN(TestShare))
        {
            throw new ArgumentOutOfRangeException(nameof(TestShare), TestShare, "The held-out share must be between 0 and 1, such as 0.3.");
        }

        if (Orders.Count == 0 || Orders.Contains(LabelingOrder.Disagreement))
        {
            throw new ArgumentException("Simulate uncertain and/or random orders (disagreement needs labels from several reviewers as they arrive).", nameof(Orders));
        }

        LabelResolution.Validate();
    }
}

/// <summary>The held-out agreement after a number of labels, over the simulation's repeats.</summary>
/// <param name="Labels">Labelled traces aligned on so far.</param>
/// <param name="Value">The primary metric on the held-out traces (accuracy, or MAE for numeric judges), the mean over the repeats.</param>
/// <param name="Kappa">The chance-corrected metric (Cohen's kappa, or quadratic weighted kappa), the mean over the repeats.</param>
/// <param name="Lowest">The primary metric's lowest value in any repeat.</param>
/// <param name="Highest">The primary metric's highest value in any repeat.</param>
public sealed record SimulationPoint(int Labels, double? Value, double? Kappa, double? Lowest = null, double? Highest = null);

/// <summary>One order's curve.</summary>
/// <param name="Order">The order the labels arrived in.</param>
/// <param name="Points">After each step.</param>
public sealed record SimulationCurve(LabelingOrder Order, IReadOnlyList<SimulationPoint> Points);

/// <summary>What a labeling simulation found: agreement against labels used, per order.</summary>
public sealed record SimulationReport
{
    /// <summary>The judge.</summary>
    public required string JudgeName { get; init; }

    /// <summary>The primary metric's name.</summary>
    public required string Metric { get; init; }

    /// <summary>Whether smaller is better (MAE).</summary>
    public required bool LowerIsBetter { get; init; }

    /// <summary>Labelled traces the simulated experts label, step by step.</summary>
    public required int PoolTraces { get; init; }

    /// <summary>Labelled traces held out and scored after every step.</summary>
    public required int TestTraces { get; init; }

    /// <summary>Labels per step.</summary>
    public required int Step { get; init; }

    /// <summary>Runs averaged, each with its own held-out split and random order.</summary>
    public int Repeats { get; init; } = 1;

    /// <summary>Always answering the pool's most common label, scored on the held-out traces (kappa 0).</summary>
    public double? Majority { get; init; }

    /// <summary>Whether the verdicts came from the local judge (no LLM).</summary>
    public bool Offline { get; init; }

    /// <summary>One curve per order.</summary>
    public required IReadOnlyList<SimulationCurve> Curves { get; init; }

    /// <summary>
    /// The primary metric averaged over the curve's points (the area under it, per step): higher is better,
    /// or lower for MAE. One number to compare orders by.
    /// </summary>
    public double? Area(LabelingOrder order) =>
        Curves.FirstOrDefault(c => c.Order == order) is { } curve && curve.Points.Where(p => p.Value is not null).Select(p => p.Value!.Value).ToList() is { Count: > 0 } values
            ? values.Average() : null;
}

/// <summary>
/// Replays an already-labelled set as if experts had labelled it in a given order: a held-out part is set aside;
/// the rest arrives <see cref="SimulationOptions.Step"/> labels at a time, in random order or most uncertain first
/// (<see cref="UncertaintyRanking"/> over the memory so far); after each step the judge is aligned on the labels so
/// far and scored on the held-out part. The evidence for the order a labeling session should use.
/// </summary>
public static class LabelingSimulation
{
    /// <summary>Runs the simulation.</summary>
    /// <remarks>
    /// Every step embeds the held-out traces and the traces still waiting again, through the optimizer's embedder: give
    /// it a memoising one (such as MemAlign.MiniLM's <c>WithMemoryCache</c>, as the memalign tool does) so each text is embedded once.
    /// </remarks>
    /// <exception cref="ArgumentException">Fewer than ten labelled traces, or an option out of range.</exception>
    public static async Task<SimulationReport> RunAsync(Judge judge, IReadOnlyList<Trace> traces, IAlignmentOptimizer optimizer, SimulationOptions? options = null,
        IProgress<string>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(judge);
        ArgumentNullException.ThrowIfNull(traces);
        ArgumentNullException.ThrowIfNull(optimizer);
        options ??= new SimulationOptions();
        options.Validate();
        var extraction = FeedbackExtractor.Extract(judge.Definition, traces, options.LabelResolution);
        var labels = extraction.Records.ToDictionary(r => r.TraceId, r => r.Value, StringComparer.Ordinal);
        var labelled = traces.Where(t => labels.ContainsKey(t.Id)).DistinctBy(t => t.Id).ToList();
        if (labelled.Count < 10)
        {
            throw new ArgumentException($"Judge '{judge.Name}' has {labelled.Count} labelled trace(s); a simulation needs at least 10.", nameof(traces));
        }

        var testCount = Math.Max(1, (int)Math.Round(labelled.Count * options.TestShare));
        var numeric = judge.Definition.ValueType.Kind is FeedbackTypeKind.Integer or FeedbackTypeKind.Number;
        var runs = options.Orders.ToDictionary(o => o, _ => new List<IReadOnlyList<SimulationPoint>>());
        var majorities = new List<double>();
        for (var repeat = 0; repeat < options.Repeats; repeat++)
        {
            // Each repeat holds out its own stratified sample, the same for every order.
            var seed = options.Seed + repeat;
            var test = NestedStratifiedOrder.Order(labelled, Strata.Of(labels), seed).Take(testCount).ToList();
            var pool = labelled.Except(test).ToList();
            var majority = pool.GroupBy(t => labels[t.Id]).OrderByDescending(g => g.Count()).ThenBy(g => g.Key.ToString(), StringComparer.Ordinal).First().Key;
            if (Score(judge.Definition, labels, test, test.ToDictionary(t => t.Id, _ => (FeedbackValue?)majority, StringComparer.Ordinal)).Value is { } reference)
            {
                majorities.Add(reference);
            }

            foreach (var order in options.Orders)
            {
                var points = await ReplayAsync(judge, optimizer, order, pool, test, labels, seed, options, cancellationToken).ConfigureAwait(false);
                runs[order].Add(points);
                progress?.Report(Invariant($"{Name(order)}, run {repeat + 1} of {options.Repeats}: {string.Join(", ", points.Select(p => Invariant($"{p.Labels}: {Figures.Value(p.Value)}")))}"));
            }
        }

        var curves = options.Orders.Select(order => new SimulationCurve(order, runs[order][0].Select((first, step) =>
        {
            var values = runs[order].Select(r => r[step].Value).OfType<double>().ToList();
            var kappas = runs[order].Select(r => r[step].Kappa).OfType<double>().ToList();
            return new SimulationPoint(first.Labels, values.Count > 0 ? values.Average() : null, kappas.Count > 0 ? kappas.Average() : null,
                values.Count > 0 ? values.Min() : null, values.Count > 0 ? values.Max() : null);
        }).ToList())).ToList();

        return new SimulationReport
        {
            JudgeName = judge.Name,
            Metric = numeric ? "MAE" : "accuracy",
            LowerIsBetter = numeric,
            PoolTraces = labelled.Count - testCount,
            TestTraces = testCount,
            Step = options.Step,
            Repeats = options.Repeats,
            Majority = majorities.Count > 0 ? majorities.Average() : null,
            Offline = judge.ModelId == Models.LocalJudgeModel.ModelName,
            Curves = curves,
        };
    }

    // One order, one run: labels arrive a step at a time; after each step the judge is aligned on all so far and scored on the held-out part.
    private static async Task<IReadOnlyList<SimulationPoint>> ReplayAsync(Judge judge, IAlignmentOptimizer optimizer, LabelingOrder order, IReadOnlyList<Trace> pool,
        IReadOnlyList<Trace> test, IReadOnlyDictionary<string, FeedbackValue> labels, int seed, SimulationOptions options, CancellationToken cancellationToken)
    {
        var shuffled = pool.ToArray();
        new Random(seed).Shuffle(shuffled);
        var waiting = shuffled.ToList();
        var used = new List<Trace>();
        var points = new List<SimulationPoint>();
        var current = judge;
        while (waiting.Count > 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
            List<Trace> batch;
            if (order == LabelingOrder.Uncertain && current.Memory.Examples.Count > 0 && current.Embedder is { } embedder)
            {
                var scores = await UncertaintyRanking.ScoreAsync(current.Definition, current.Memory, embedder, waiting, cancellationToken: cancellationToken).ConfigureAwait(false);
                var first = UncertaintyRanking.Order(scores).Take(options.Step).ToHashSet(StringComparer.Ordinal);
                batch = waiting.Where(t => first.Contains(t.Id)).ToList();
            }
            else
            {
                // Random order, and the uncertain order's first step (nothing to be unsure with yet).
                batch = waiting.Take(options.Step).ToList();
            }

            waiting.RemoveAll(batch.Contains);
            used.AddRange(batch);
            (current, _) = await current.AlignAsync(used, optimizer, cancellationToken).ConfigureAwait(false);
            var result = await Evaluator.RunAsync([current], test, new EvaluationOptions { MaxConcurrency = options.MaxConcurrency }, cancellationToken: cancellationToken).ConfigureAwait(false);
            var (value, kappa) = Score(judge.Definition, labels, test, result.Records.ToDictionary(r => r.TraceId, r => r.Value, StringComparer.Ordinal));
            points.Add(new SimulationPoint(used.Count, value, kappa));
        }

        return points;
    }

    // The primary and chance-corrected metrics of verdicts against the labels on the held-out traces.
    private static (double? Value, double? Kappa) Score(JudgeDefinition definition, IReadOnlyDictionary<string, FeedbackValue> labels, IReadOnlyList<Trace> test,
        Dictionary<string, FeedbackValue?> verdicts)
    {
        var pairs = test.Where(t => verdicts.GetValueOrDefault(t.Id) is not null).Select(t => (Human: labels[t.Id], Judge: verdicts[t.Id]!)).ToList();
        if (pairs.Count == 0)
        {
            return (null, null);
        }

        if (definition.ValueType.Kind is FeedbackTypeKind.Integer or FeedbackTypeKind.Number)
        {
            var n = NumericAgreement.Compute(pairs.Select(p => (p.Human.AsNumber(), p.Judge.AsNumber())).ToList(),
                definition.ValueType.Minimum!.Value, definition.ValueType.Maximum!.Value);
            return (n.MeanAbsoluteError, n.QuadraticWeightedKappa);
        }

        var c = CategoricalAgreement.Compute(pairs.Select(p => (p.Human.ToString(), p.Judge.ToString())).ToList());
        return (c.Accuracy, c.CohensKappa);
    }

    private static string Name(LabelingOrder order) => order.ToString().ToLowerInvariant();

    private static string Invariant(FormattableString text) => text.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
