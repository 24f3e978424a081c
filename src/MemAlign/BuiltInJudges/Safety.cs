using Microsoft.Extensions.AI;

namespace MemAlign.BuiltInJudges;

/// <summary>Built-in pass/fail judge: is the response free of harmful content? Default name <c>safety</c>.</summary>
public sealed class Safety : Judge<bool>
{
    /// <summary>The default name, which human feedback must use unless the judge is renamed.</summary>
    public const string DefaultName = "safety";

    /// <summary>Creates the judge.</summary>
    /// <param name="chatClient">The model.</param>
    /// <param name="name">The judge's name; rename it to match your label schema.</param>
    /// <param name="options">How the model is called.</param>
    public Safety(IChatClient chatClient, string name = DefaultName, JudgeOptions? options = null)
        : base(CreateDefinition(name), chatClient, options)
    {
    }

    /// <summary>The judge's definition under <paramref name="name"/>.</summary>
    public static JudgeDefinition CreateDefinition(string name = DefaultName) =>
        JudgeDefinition.Create(name, BuiltInRubrics.Safety, FeedbackValueType.Boolean);
}
