using System.Globalization;

namespace MemAlign.Models;

/// <summary>
/// Judges without a model: the verdict is the similarity-weighted vote of the examples retrieved from
/// episodic memory (weighted majority for pass/fail and categorical judges, weighted mean rounded onto
/// the scale for numeric ones). With no examples it has nothing to go on and says so.
/// </summary>
internal sealed class LocalJudgeModel : IJudgeModel
{
    public const string ModelName = "memalign-local-judge";

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
                + "Align it with labelled traces first, or give it a model (an IChatClient, or OPENAI_API_KEY / OPENAI_BASE_URL).");
            return Task.FromResult(new ModelJudgement(null, null, error, ModelName, default, 0));
        }

        // Similarities can be zero or negative; every retrieved example keeps a small say.
        var weighted = examples.Select(e => (e.Example, Weight: Math.Max(e.Similarity, 0f) + 1e-3)).ToList();
        var valueType = prompt.Definition.ValueType;
        FeedbackValue value;
        if (valueType.Kind is FeedbackTypeKind.Integer or FeedbackTypeKind.Number)
        {
            var mean = weighted.Sum(w => w.Weight * w.Example.Value.AsNumber()) / weighted.Sum(w => w.Weight);
            var onScale = valueType.Kind == FeedbackTypeKind.Integer ? Math.Round(mean, MidpointRounding.AwayFromZero) : mean;
            value = FeedbackValue.FromNumber(Math.Clamp(onScale, valueType.Minimum!.Value, valueType.Maximum!.Value));
        }
        else
        {
            value = weighted
                .GroupBy(w => w.Example.Value)
                .Select(g => (Value: g.Key, Weight: g.Sum(w => w.Weight), Best: g.Max(w => w.Weight)))
                .OrderByDescending(g => g.Weight)
                .ThenByDescending(g => g.Best)
                .ThenBy(g => g.Value.ToString(), StringComparer.Ordinal)
                .First().Value;
        }

        var votes = string.Join(", ", examples.Select(e => string.Create(CultureInfo.InvariantCulture, $"{e.Example.TraceId} ({e.Example.Value}, similarity {e.Similarity:0.00})")));
        var rationale = $"Local judge (no model): similarity-weighted vote of {examples.Count} aligned example(s): {votes}.";
        return Task.FromResult(new ModelJudgement(value, rationale, null, ModelName, default, 0));
    }
}
