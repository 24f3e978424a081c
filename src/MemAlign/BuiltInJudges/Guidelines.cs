using MemAlign.Rubrics;
using Microsoft.Extensions.AI;

namespace MemAlign.BuiltInJudges;

/// <summary>
/// Built-in pass/fail judge: does the response follow a list of guidelines? Named <c>guidelines</c> unless
/// renamed. Its rubric holds your guidelines, so its definition comes from <see cref="CreateDefinition"/>
/// rather than a fixed <c>JudgeDefinition</c> like the other judges'.
/// </summary>
public sealed class Guidelines : Judge<bool>
{
    /// <summary>The judge's name, <c>guidelines</c>, which human feedback must use unless the judge is renamed.</summary>
    public const string JudgeName = "guidelines";

    /// <summary>Creates the judge.</summary>
    /// <param name="chatClient">The model.</param>
    /// <param name="guidelines">The guidelines, in plain text (they are never read as template code).</param>
    /// <param name="name">The judge's name; rename it to match your label schema.</param>
    /// <param name="options">How the model is called.</param>
    /// <exception cref="ArgumentException">There are no guidelines, or one is blank.</exception>
    public Guidelines(IChatClient chatClient, IEnumerable<string> guidelines, string name = JudgeName, JudgeOptions? options = null)
        : base(CreateDefinition(guidelines, name), chatClient, options)
    {
    }

    private Guidelines(Guidelines original)
        : base(original)
    {
    }

    /// <summary>The judge's definition for <paramref name="guidelines"/> under <paramref name="name"/>.</summary>
    /// <exception cref="ArgumentException">There are no guidelines, or one is blank.</exception>
    public static JudgeDefinition CreateDefinition(IEnumerable<string> guidelines, string name = JudgeName)
    {
        ArgumentNullException.ThrowIfNull(guidelines);
        var list = guidelines.ToList();
        if (list.Count == 0 || list.Exists(string.IsNullOrWhiteSpace))
        {
            throw new ArgumentException($"Judge '{name}' needs at least one guideline, and none may be blank.", nameof(guidelines));
        }

        var bullets = string.Concat(list.Select(g => "- " + g.Trim() + "\n"));
        var rubric = BuiltInRubrics.GuidelinesHeader + RubricText.Literal(bullets) + BuiltInRubrics.GuidelinesBody;
        return JudgeDefinition.Create(name, rubric, FeedbackValueType.Boolean);
    }

    /// <inheritdoc />
    protected override Judge CreateCopy() => new Guidelines(this);
}
