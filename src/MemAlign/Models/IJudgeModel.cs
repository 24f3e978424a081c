namespace MemAlign.Models;

/// <summary>
/// What turns a prompt into a verdict. The LLM path (<see cref="ChatJudgeModel"/>) and the offline
/// local judge are both implementations; nothing in the judge branches on which one it has.
/// </summary>
internal interface IJudgeModel
{
    /// <summary>The model's id as verdicts report it.</summary>
    string Id { get; }

    /// <summary>Judges one prompt. Failures are returned as <see cref="ModelJudgement.Error"/>; only cancellation throws.</summary>
    Task<ModelJudgement> JudgeAsync(JudgePrompt prompt, CancellationToken cancellationToken);
}

/// <summary>What a model made of one prompt; a confidence (0 to 1) only from models that estimate one; the stage only from a cascade.</summary>
internal sealed record ModelJudgement(
    FeedbackValue? Value,
    string? Rationale,
    JudgeError? Error,
    string Model,
    TokenUsage Usage,
    int ModelCalls,
    double? Confidence = null)
{
    /// <summary>In a cascade, the stage that answered (<see cref="CascadeJudgeModel"/>).</summary>
    public CascadeStage? AnsweredBy { get; init; }
}
