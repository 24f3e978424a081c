using Microsoft.Extensions.AI;

namespace MemAlign.BuiltInJudges;

/// <summary>Built-in pass/fail judge: is the response relevant to the request? Named <c>relevance_to_query</c> unless renamed.</summary>
public sealed class RelevanceToQuery : Judge<bool>
{
    /// <summary>The judge's name, <c>relevance_to_query</c>, which human feedback must use unless the judge is renamed.</summary>
    public const string JudgeName = "relevance_to_query";

    /// <summary>Creates the judge.</summary>
    /// <param name="chatClient">The model.</param>
    /// <param name="name">The judge's name; rename it to match your label schema.</param>
    /// <param name="options">How the model is called.</param>
    public RelevanceToQuery(IChatClient chatClient, string name = JudgeName, JudgeOptions? options = null)
        : base(JudgeDefinition.WithName(name), chatClient, options)
    {
    }

    private RelevanceToQuery(RelevanceToQuery original)
        : base(original)
    {
    }

    /// <summary>The judge's definition under <see cref="JudgeName"/>; <c>WithName</c> renames it.</summary>
    public static JudgeDefinition JudgeDefinition { get; } = global::MemAlign.JudgeDefinition.Create(JudgeName, BuiltInRubrics.RelevanceToQuery, FeedbackValueType.Boolean);

    /// <inheritdoc />
    protected override Judge CreateCopy() => new RelevanceToQuery(this);
}
