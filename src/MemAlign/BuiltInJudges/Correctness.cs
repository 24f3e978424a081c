using Microsoft.Extensions.AI;

namespace MemAlign.BuiltInJudges;

/// <summary>Built-in pass/fail judge: does the response match the trace's expectations? Named <c>correctness</c> unless renamed.</summary>
public sealed class Correctness : Judge<bool>
{
    /// <summary>The judge's name, <c>correctness</c>, which human feedback must use unless the judge is renamed.</summary>
    public const string JudgeName = "correctness";

    /// <summary>Creates the judge.</summary>
    /// <param name="chatClient">The model.</param>
    /// <param name="name">The judge's name; rename it to match your label schema.</param>
    /// <param name="options">How the model is called.</param>
    public Correctness(IChatClient chatClient, string name = JudgeName, JudgeOptions? options = null)
        : base(JudgeDefinition.WithName(name), chatClient, options)
    {
    }

    private Correctness(Correctness original)
        : base(original)
    {
    }

    /// <summary>The judge's definition under <see cref="JudgeName"/>; <c>WithName</c> renames it.</summary>
    public static JudgeDefinition JudgeDefinition { get; } = global::MemAlign.JudgeDefinition.Create(JudgeName, BuiltInRubrics.Correctness, FeedbackValueType.Boolean);

    /// <inheritdoc />
    protected override Judge CreateCopy() => new Correctness(this);
}
