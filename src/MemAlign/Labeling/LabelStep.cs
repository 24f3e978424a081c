namespace MemAlign.Labeling;

/// <summary>
/// A label a reviewer gave in a labeling session through the labeling app, as the store records it so that they can
/// undo it (<see cref="Storage.ILabelingStore.UndoLabelAsync"/>), also after the app restarts.
/// </summary>
/// <param name="Reviewer">Who gave it (the label's source id).</param>
/// <param name="TraceId">The trace labelled.</param>
/// <param name="AssessmentId">The label's assessment.</param>
/// <param name="Value">The value given.</param>
/// <param name="Rationale">The comment given.</param>
/// <param name="ReplacedValue">The label's value before, when the reviewer changed a label they had (given in the app or imported); <see langword="null"/> when the label was new.</param>
/// <param name="ReplacedRationale">The label's comment before, when it was changed.</param>
public sealed record LabelStep(string Reviewer, string TraceId, string AssessmentId, FeedbackValue Value, string? Rationale, FeedbackValue? ReplacedValue = null, string? ReplacedRationale = null)
{
    /// <summary>The replaced label's <see cref="Assessment.JudgeShown"/>, restored with it by undo.</summary>
    public bool? ReplacedJudgeShown { get; init; }
}
