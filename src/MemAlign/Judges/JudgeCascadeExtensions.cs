using MemAlign.Models;

namespace MemAlign;

/// <summary>Local-first cascades: the calibrated local memory judge answers where it is confident, the judge's model the rest.</summary>
public static class JudgeCascadeExtensions
{
    /// <summary>
    /// A copy of <paramref name="judge"/> (same runtime type, memory and options) that first asks the local judge
    /// (<see cref="Judge.CreateLocal(JudgeDefinition, JudgeOptions?)"/>), voting with the examples this judge retrieves
    /// from its memory, and keeps that verdict when its <see cref="JudgeVerdict.Confidence"/> is at least
    /// <paramref name="threshold"/>: no model call, zero tokens. Every other trace (the local judge less sure, or
    /// without examples to vote with) goes to the judge's model as before. Each verdict says which stage answered
    /// (<see cref="JudgeVerdict.AnsweredBy"/>, kept in <see cref="Evaluation.EvaluationRecord.AnsweredBy"/>) and names
    /// that stage's model. Choose the threshold on held-out data with <c>memalign experiment --cascade</c>
    /// (<see cref="Evaluation.ExperimentOptions.Cascade"/>), which states the agreement it guarantees. The copy stays a
    /// cascade through alignment; calling this again replaces the threshold.
    /// </summary>
    /// <param name="judge">A judge on a model (an LLM), ideally aligned: without examples in memory the local judge never answers.</param>
    /// <param name="threshold">From 0 (the local judge answers whenever it can) to 1 (only when it is certain).</param>
    /// <exception cref="ArgumentOutOfRangeException">The threshold is not between 0 and 1.</exception>
    /// <exception cref="InvalidOperationException">The judge runs on the local judge already: there is no model to fall back on.</exception>
    public static TJudge WithCascade<TJudge>(this TJudge judge, double threshold)
        where TJudge : Judge
    {
        ArgumentNullException.ThrowIfNull(judge);
        if (threshold is < 0 or > 1 || double.IsNaN(threshold))
        {
            throw new ArgumentOutOfRangeException(nameof(threshold), threshold, $"Judge '{judge.Name}': a cascade's threshold is a confidence from 0 to 1, such as 0.8.");
        }

        var model = judge.Model is CascadeJudgeModel cascade ? cascade.Model : judge.Model;
        if (model is LocalJudgeModel)
        {
            throw new InvalidOperationException(
                $"Judge '{judge.Name}' runs on the local judge already, so a cascade has no model to send the traces it is unsure of to; give the judge a model (Judge.Create with an IChatClient) and cascade that.");
        }

        return (TJudge)judge.Copy(model: new CascadeJudgeModel(model, threshold));
    }
}
