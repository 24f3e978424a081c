namespace MemAlign;

/// <summary>What reviewers are asked for one judge: the judge's name, the value type, and how the question reads.</summary>
/// <param name="Name">The judge name the labels are feedback for.</param>
/// <param name="ValueType">The type of value collected.</param>
/// <param name="Title">The question's title.</param>
/// <param name="Instruction">Guidance for reviewers, in Markdown.</param>
/// <param name="Comment">Whether reviewers write a comment (the rationale alignment learns from).</param>
public sealed record LabelSchema(string Name, FeedbackValueType ValueType, string? Title = null, string? Instruction = null, LabelComment Comment = LabelComment.None);
