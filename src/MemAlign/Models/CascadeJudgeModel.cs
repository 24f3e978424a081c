namespace MemAlign.Models;

/// <summary>
/// A local-first cascade: the local judge votes with the examples retrieved for the prompt, and its verdict stands
/// when its confidence reaches <see cref="Threshold"/>; otherwise, or when it has nothing to vote with, the model
/// answers. Both stages see the same prompt (the examples are retrieved once), and each judgement says which answered.
/// </summary>
internal sealed class CascadeJudgeModel(IJudgeModel model, double threshold) : IJudgeModel
{
    private static readonly LocalJudgeModel Local = new();

    /// <summary>The model stage.</summary>
    public IJudgeModel Model { get; } = model;

    /// <summary>The confidence the local verdict must reach.</summary>
    public double Threshold { get; } = threshold;

    /// <summary>The model stage's id: the model the judge calls when it calls one (each verdict names the stage that answered).</summary>
    public string Id => Model.Id;

    public async Task<ModelJudgement> JudgeAsync(JudgePrompt prompt, CancellationToken cancellationToken)
    {
        var local = await Local.JudgeAsync(prompt, cancellationToken).ConfigureAwait(false);
        if (local.Error is null && Evaluation.CascadeCalibration.Covers(local.Confidence, Threshold))
        {
            return local with { AnsweredBy = CascadeStage.Local };
        }

        var answer = await Model.JudgeAsync(prompt, cancellationToken).ConfigureAwait(false);
        return answer with { AnsweredBy = CascadeStage.Model };
    }
}
