namespace MemAlign;

/// <summary>Who produced an assessment: the kind of source and its identity (a reviewer, a model, a scorer).</summary>
/// <param name="Type">The kind of source.</param>
/// <param name="Id">The reviewer's id, the judge's model, or the scorer's name.</param>
public sealed record AssessmentSource(AssessmentSourceType Type, string Id)
{
    /// <summary>A human reviewer.</summary>
    public static AssessmentSource Human(string reviewerId) => new(AssessmentSourceType.Human, reviewerId);

    /// <summary>An LLM judge, identified by its model.</summary>
    public static AssessmentSource LlmJudge(string model) => new(AssessmentSourceType.LlmJudge, model);

    /// <summary>A deterministic scorer.</summary>
    public static AssessmentSource Code(string scorerName) => new(AssessmentSourceType.Code, scorerName);

    /// <summary>The name of a source type in trace files (the JSON Lines schema): <c>HUMAN</c>, <c>LLM_JUDGE</c> or <c>CODE</c>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not a defined source type.</exception>
    internal static string TypeName(AssessmentSourceType type) => type switch
    {
        AssessmentSourceType.Human => "HUMAN",
        AssessmentSourceType.LlmJudge => "LLM_JUDGE",
        AssessmentSourceType.Code => "CODE",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Not an assessment source type."),
    };

    // Read once: Enum.GetValues allocates its array on every call, and an import parses a type per assessment.
    private static readonly AssessmentSourceType[] Types = Enum.GetValues<AssessmentSourceType>();

    /// <summary>Reads a source type's name (<c>HUMAN</c>, <c>LLM_JUDGE</c> or <c>CODE</c>, in any case).</summary>
    /// <returns>Whether <paramref name="name"/> is one of them.</returns>
    internal static bool TryParseType(string? name, out AssessmentSourceType type)
    {
        foreach (var candidate in Types)
        {
            if (string.Equals(TypeName(candidate), name?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                type = candidate;
                return true;
            }
        }

        type = default;
        return false;
    }
}
