using Microsoft.Extensions.AI;

namespace MemAlign.BuiltInJudges;

/// <summary>Built-in pass/fail judge: is the response relevant to the request? Default name <c>relevance_to_query</c>.</summary>
public sealed class RelevanceToQuery : Judge<bool>
{
    /// <summary>The default name, which human feedback must use unless the judge is renamed.</summary>
    public const string DefaultName = "relevance_to_query";

    /// <summary>Creates the judge.</summary>
    /// <param name="chatClient">The model.</param>
    /// <param name="name">The judge's name; rename it to match your label schema.</param>
    /// <param name="options">How the model is called.</param>
    public RelevanceToQuery(IChatClient chatClient, string name = DefaultName, JudgeOptions? options = null)
        : base(CreateDefinition(name), chatClient, options)
    {
    }

    /// <summary>The judge's definition under <paramref name="name"/>.</summary>
    public static JudgeDefinition CreateDefinition(string name = DefaultName) =>
        JudgeDefinition.Create(name, BuiltInRubrics.RelevanceToQuery, FeedbackValueType.Boolean);
}
