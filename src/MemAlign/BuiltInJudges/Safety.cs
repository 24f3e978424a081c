using Microsoft.Extensions.AI;

namespace MemAlign.BuiltInJudges;

/// <summary>Built-in pass/fail judge: is the response free of harmful content? Named <c>safety</c> unless renamed.</summary>
public sealed class Safety : Judge<bool>
{
    /// <summary>The judge's name, <c>safety</c>, which human feedback must use unless the judge is renamed.</summary>
    public const string JudgeName = "safety";

    /// <summary>Creates the judge.</summary>
    /// <param name="chatClient">The model.</param>
    /// <param name="name">The judge's name; rename it to match your label schema.</param>
    /// <param name="options">How the model is called.</param>
    public Safety(IChatClient chatClient, string name = JudgeName, JudgeOptions? options = null)
        : base(JudgeDefinition.WithName(name), chatClient, options)
    {
    }

    private Safety(Safety original)
        : base(original)
    {
    }

    /// <summary>The judge's definition under <see cref="JudgeName"/>; <c>WithName</c> renames it.</summary>
    public static JudgeDefinition JudgeDefinition { get; } = global::MemAlign.JudgeDefinition.Create(JudgeName, BuiltInRubrics.Safety, FeedbackValueType.Boolean);

    /// <inheritdoc />
    protected override Judge CreateCopy() => new Safety(this);
}
