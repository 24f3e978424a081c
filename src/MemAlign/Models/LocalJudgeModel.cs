using System.Globalization;

namespace MemAlign.Models;

/// <summary>
/// Judges without a model, from the examples retrieved from episodic memory. Pass/fail and categorical
/// judges: the most probable label, the neighbours' vote (each trace by its similarity times its weight, the
/// agreeing labels it stands for) shrunk toward the labels' shares of the whole memory by a prior weight chosen by leave-one-out on the memory
/// (<see cref="LocalClassVote"/>, <see cref="LocalCalibration"/>); the confidence is that label's
/// probability. Numeric judges: the weighted mean, pulled toward the memory's mean when the neighbours are
/// dissimilar (<see cref="LocalNumericVote"/>). With no examples it has nothing to go on and says so.
/// The rationale names every example it used, so forgetting a trace can find the verdicts that drew on it.
/// </summary>
internal sealed class LocalJudgeModel : IJudgeModel
{
    public const string ModelName = "memalign-local-judge";

    // Categorical judges with many labels (free text) list only the most probable ones in the rationale.
    private const int MaxLabelsShown = 5;

    public string Id => ModelName;

    public Task<ModelJudgement> JudgeAsync(JudgePrompt prompt, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var examples = prompt.Examples;
        var name = prompt.Definition.Name;
        if (examples.Count == 0)
        {
            var error = new JudgeError(JudgeErrorKind.NotReady,
                $"Judge '{name}' runs on the local model, which votes with aligned examples, and has none for trace '{prompt.TraceId}'. "
                + "Align it with labelled traces first (AlignAsync, or WithMemory with a registered memory), or give it a model (Judge.Create with an IChatClient).");
            return Task.FromResult(new ModelJudgement(null, null, error, ModelName, default, 0));
        }

        var calibration = prompt.Memory is { Examples.Count: > 0 } memory ? LocalCalibration.For(memory) : LocalCalibration.FromExamples(examples.Select(e => e.Example));
        var valueType = prompt.Definition.ValueType;
        var votes = string.Join(", ", examples.Select(e => Invariant($"{e.Example.TraceId} ({e.Example.Value}, similarity {e.Similarity:0.00}{Labels(e.Example)})")));
        if (valueType.Kind is FeedbackTypeKind.Integer or FeedbackTypeKind.Number)
        {
            var estimate = LocalNumericVote.Decide(examples, calibration.Classes, valueType);
            var value = FeedbackValue.FromNumber(estimate.Value);
            var applicability = valueType.NotApplicable is { } na ? Invariant($"; {estimate.NotApplicableShare:0.00} of their weight said not applicable ({na})") : "";
            var text = valueType.IsNotApplicable(value)
                ? Invariant($"Local judge (no model): {value}, not applicable, as most of {examples.Count} similar example(s) by weight said (share {estimate.NotApplicableShare:0.00}, confidence {estimate.Confidence:0.00}): {votes}.")
                : Invariant(
                $"Local judge (no model): {value} from the weighted mean {estimate.NeighbourMean:0.00} of {examples.Count} similar example(s), pulled toward the memory's mean {estimate.MemoryMean:0.00} by their mean similarity {estimate.Similarity:0.00}{applicability} (confidence {estimate.Confidence:0.00}): {votes}.");
            return Task.FromResult(new ModelJudgement(value, text, null, ModelName, default, 0, estimate.Confidence));
        }

        var decision = LocalClassVote.Decide(examples, calibration.Classes, calibration.Total, calibration.PriorWeight);
        var rationale = Invariant($"Local judge (no model): {Probabilities(decision, valueType)} from {examples.Count} similar example(s) ({Priors(decision, valueType)}; prior weight {calibration.PriorWeight:0.##}): {votes}.");
        return Task.FromResult(new ModelJudgement(decision.Value, rationale, null, ModelName, default, 0, decision.Confidence));
    }

    // "P(true)=0.31" for pass/fail; the most probable labels for categorical judges.
    private static string Probabilities(LocalClassVote.Decision decision, FeedbackValueType valueType) =>
        valueType.Kind == FeedbackTypeKind.Boolean
            ? Invariant($"P(true)={Probability(decision, true):0.00}")
            : string.Join(", ", Shown(decision).Select(p => Invariant($"P({p.Value})={p.Probability:0.00}")));

    private static string Priors(LocalClassVote.Decision decision, FeedbackValueType valueType) =>
        valueType.Kind == FeedbackTypeKind.Boolean
            ? Invariant($"prior {decision.Probabilities.FirstOrDefault(p => p.Value.Equals(FeedbackValue.FromBoolean(true))).Prior:0.00}")
            : "priors " + string.Join(", ", Shown(decision).Select(p => Invariant($"{p.Value} {p.Prior:0.00}")));

    private static double Probability(LocalClassVote.Decision decision, bool value) =>
        decision.Probabilities.Where(p => p.Value.Equals(FeedbackValue.FromBoolean(value))).Select(p => p.Probability).FirstOrDefault();

    private static IEnumerable<(FeedbackValue Value, double Probability, double Prior)> Shown(LocalClassVote.Decision decision) =>
        decision.Probabilities.OrderByDescending(p => p.Probability).ThenByDescending(p => p.Prior).Take(MaxLabelsShown);

    // A trace several experts agreed on votes by its weight: the rationale says so.
    private static string Labels(EpisodicExample example) => example.Weight == 1 ? "" : Invariant($", {example.Weight} labels");

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
