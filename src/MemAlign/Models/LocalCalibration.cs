using System.Runtime.CompilerServices;

namespace MemAlign.Models;

/// <summary>
/// What the local judge knows about a whole memory: the label counts (the class priors, each example counted
/// by its <see cref="EpisodicExample.Weight"/>, the labels it stands for) and how much
/// weight the prior gets against the retrieved neighbours. That weight is chosen by leave-one-trace-out
/// on the memory itself: each remembered trace is judged by its k nearest examples of other traces, for
/// every candidate weight, and the weight with the most correct verdicts wins (ties go to the larger
/// weight, the more cautious one). With no signal the prior wins and the judge keeps to the majority;
/// with signal a small weight wins and the neighbours decide. A memory of fewer traces than that is shrunk
/// toward its prior as pseudo-counts: the prior weighs as many identical neighbours as the memory holds
/// examples, so a handful of labels never does worse than answering their most common one by much.
/// Computed once per memory and cached.
/// </summary>
internal sealed class LocalCalibration
{
    /// <summary>Below this many distinct traces leave-one-out is too noisy to choose from; the default weight is used.</summary>
    public const int MinTracesToCalibrate = 20;

    /// <summary>The least weight the prior gets: as much as one identical neighbour.</summary>
    public const double DefaultPriorWeight = 1.0;

    // Candidate prior weights, in units of one identical neighbour (similarity 1).
    private static readonly double[] Candidates = [0.25, 0.5, 1, 2, 4, 8, 16, 32];

    // Leave-one-out over at most this many traces (evenly spaced by trace id) keeps the cost bounded on large memories.
    private const int MaxQueries = 1_000;

    // Lazy, so that judges evaluating in parallel on a fresh memory run leave-one-out once between them.
    private static readonly ConditionalWeakTable<JudgeMemory, Lazy<LocalCalibration>> Cache = new();

    private LocalCalibration(IReadOnlyList<ClassCount> classes, int total, double priorWeight)
    {
        Classes = classes;
        Total = total;
        Mean = total > 0 && classes.All(c => c.Value.Kind == FeedbackValueKind.Number) ? classes.Sum(c => c.Value.AsNumber() * c.Count) / total : 0;
        PriorWeight = priorWeight;
    }

    /// <summary>Every label in memory with its count of labels (examples by weight), most frequent first (then ordinal), so ties in a vote go to the more common label.</summary>
    public IReadOnlyList<ClassCount> Classes { get; }

    /// <summary>Labels in memory: the examples' weights added up.</summary>
    public int Total { get; }

    /// <summary>The mean label, for numeric judges (0 otherwise).</summary>
    public double Mean { get; }

    /// <summary>How many identical neighbours the prior counts as.</summary>
    public double PriorWeight { get; }

    public static LocalCalibration For(JudgeMemory memory) => Cache.GetValue(memory, m => new Lazy<LocalCalibration>(() => Compute(m))).Value;

    /// <summary>For a prompt that carries no memory: the retrieved examples stand in for it, with the default weight.</summary>
    public static LocalCalibration FromExamples(IEnumerable<EpisodicExample> examples)
    {
        var list = examples.ToList();
        var labels = list.Sum(e => e.Weight);
        return new LocalCalibration(Count(list), labels, SmallMemoryPriorWeight(labels));
    }

    /// <summary>The prior's weight for a memory too small to calibrate: one identical neighbour per label it holds.</summary>
    private static double SmallMemoryPriorWeight(int labels) => Math.Max(DefaultPriorWeight, labels);

    private static LocalCalibration Compute(JudgeMemory memory)
    {
        var examples = memory.Examples;
        var classes = Count(examples);
        var labels = examples.Sum(e => e.Weight);

        // One example per trace (JudgeMemory merges older memories' one-per-label examples).
        var traces = examples.OrderBy(e => e.TraceId, StringComparer.Ordinal).ToList();

        // Numeric judges shrink by similarity instead (LocalNumericVote): only the mean is needed.
        if (examples[0].Value.Kind == FeedbackValueKind.Number)
        {
            return new LocalCalibration(classes, labels, DefaultPriorWeight);
        }

        // Too few traces to choose a weight from: every remembered label counts as a pseudo-count, so with a
        // handful of examples the judge answers their most common label unless the neighbours all but agree.
        if (traces.Count < MinTracesToCalibrate || classes.Count < 2)
        {
            return new LocalCalibration(classes, labels, SmallMemoryPriorWeight(labels));
        }

        var stride = Math.Max(1, (traces.Count + MaxQueries - 1) / MaxQueries);
        var correct = new int[Candidates.Length];
        for (var q = 0; q < traces.Count; q += stride)
        {
            var own = traces[q];
            var neighbours = memory.Index.Search(own.Vector.Span, memory.RetrievalK, excludedTraceId: own.TraceId);

            // The prior without the held-out trace, as it would be had the trace never been labelled.
            var held = new ClassCounts(classes, own);
            for (var c = 0; c < Candidates.Length; c++)
            {
                var verdict = LocalClassVote.Decide(neighbours, held.Classes, held.Total, Candidates[c]).Value;
                correct[c] += own.Value.Equals(verdict) ? own.Weight : 0;
            }
        }

        var best = 0;
        for (var c = 1; c < Candidates.Length; c++)
        {
            if (correct[c] >= correct[best])
            {
                best = c;
            }
        }

        return new LocalCalibration(classes, labels, Candidates[best]);
    }

    private static List<ClassCount> Count(IReadOnlyList<EpisodicExample> examples) =>
        examples.GroupBy(e => e.Value)
            .Select(g => new ClassCount(g.Key, g.Sum(e => e.Weight)))
            .OrderByDescending(c => c.Count)
            .ThenBy(c => c.Value.ToString(), StringComparer.Ordinal)
            .ToList();

    /// <summary>The label counts with one example (all the labels it stands for) taken out.</summary>
    private sealed class ClassCounts
    {
        public ClassCounts(IReadOnlyList<ClassCount> all, EpisodicExample removed)
        {
            Classes = all.Select(c => new ClassCount(c.Value, c.Count - (c.Value.Equals(removed.Value) ? removed.Weight : 0))).ToList();
            Total = Classes.Sum(c => c.Count);
        }

        public IReadOnlyList<ClassCount> Classes { get; }

        public int Total { get; }
    }
}
