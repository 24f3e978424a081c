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
}
