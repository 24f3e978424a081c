using Microsoft.Extensions.AI.Evaluation;

namespace MemAlign.Evaluators;

/// <summary>Turns MemAlign judges into Microsoft.Extensions.AI.Evaluation evaluators.</summary>
public static class JudgeEvaluatorExtensions
{
    /// <summary>The judge as an <see cref="IEvaluator"/> (see <see cref="JudgeEvaluator"/>).</summary>
    /// <exception cref="ArgumentException">The options do not fit the judge (see <see cref="JudgeEvaluator(Judge, JudgeEvaluatorOptions?)"/>).</exception>
    public static JudgeEvaluator AsEvaluator(this Judge judge, JudgeEvaluatorOptions? options = null) => new(judge, options);

    /// <summary>The aligned judge as an <see cref="IEvaluator"/> (see <see cref="JudgeEvaluator"/>).</summary>
    /// <exception cref="ArgumentException">The options do not fit the judge (see <see cref="JudgeEvaluator(Judge, JudgeEvaluatorOptions?)"/>).</exception>
    public static JudgeEvaluator AsEvaluator<TJudge>(this AlignedJudge<TJudge> aligned, JudgeEvaluatorOptions? options = null)
        where TJudge : Judge
    {
        ArgumentNullException.ThrowIfNull(aligned);
        return new(aligned.Judge, options);
    }
}
