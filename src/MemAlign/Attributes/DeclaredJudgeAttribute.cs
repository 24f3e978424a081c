using System.ComponentModel;

namespace MemAlign;

/// <summary>
/// For generated code: records one judge an assembly declares with <see cref="JudgeAttribute"/>, as plain
/// constants, so that tools read it without running any of the assembly's code (see <see cref="JudgeCatalog"/>).
/// </summary>
/// <param name="name">The judge's name.</param>
/// <param name="rubric">The rubric.</param>
/// <param name="valueKind">The <see cref="FeedbackTypeKind"/>, by name.</param>
/// <param name="minimum">The scale's lowest value; NaN without a scale.</param>
/// <param name="maximum">The scale's highest value; NaN without a scale.</param>
/// <param name="options">The options of a categorical judge; empty otherwise.</param>
/// <param name="model">The model the judge names, if any.</param>
/// <param name="judgeType">The declaring class, by its full name.</param>
[AttributeUsage(AttributeTargets.Assembly, AllowMultiple = true)]
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class DeclaredJudgeAttribute(string name, string rubric, string valueKind, double minimum, double maximum, string[] options, string? model, string judgeType) : Attribute
{
    /// <summary>The judge's name.</summary>
    public string Name { get; } = name;

    /// <summary>The rubric.</summary>
    public string Rubric { get; } = rubric;

    /// <summary>The value kind, by name.</summary>
    public string ValueKind { get; } = valueKind;

    /// <summary>The scale's lowest value, or NaN.</summary>
    public double Minimum { get; } = minimum;

    /// <summary>The scale's highest value, or NaN.</summary>
    public double Maximum { get; } = maximum;

    /// <summary>The scale's "not applicable" value, or NaN (the default) when it has none.</summary>
    public double NotApplicable { get; set; } = double.NaN;

    /// <summary>The options of a categorical judge.</summary>
    public IReadOnlyList<string> Options { get; } = options;

    /// <summary>The model, if any.</summary>
    public string? Model { get; } = model;

    /// <summary>The declaring class's full name.</summary>
    public string JudgeType { get; } = judgeType;
}

/// <summary>For generated code: records one label schema an assembly declares with <see cref="LabelSchemaAttribute"/>, as plain constants.</summary>
/// <param name="name">The judge name the labels are for.</param>
/// <param name="valueKind">The <see cref="FeedbackTypeKind"/>, by name.</param>
/// <param name="minimum">The scale's lowest value; NaN without a scale.</param>
/// <param name="maximum">The scale's highest value; NaN without a scale.</param>
/// <param name="options">The options of a categorical schema; empty otherwise.</param>
/// <param name="title">The question's title.</param>
/// <param name="instruction">Guidance for reviewers, in Markdown.</param>
/// <param name="comment">The <see cref="LabelComment"/>, by name.</param>
[AttributeUsage(AttributeTargets.Assembly, AllowMultiple = true)]
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class DeclaredLabelSchemaAttribute(string name, string valueKind, double minimum, double maximum, string[] options, string? title, string? instruction, string comment) : Attribute
{
    /// <summary>The judge name.</summary>
    public string Name { get; } = name;

    /// <summary>The value kind, by name.</summary>
    public string ValueKind { get; } = valueKind;

    /// <summary>The scale's lowest value, or NaN.</summary>
    public double Minimum { get; } = minimum;

    /// <summary>The scale's highest value, or NaN.</summary>
    public double Maximum { get; } = maximum;

    /// <summary>The scale's "not applicable" value, or NaN (the default) when it has none.</summary>
    public double NotApplicable { get; set; } = double.NaN;

    /// <summary>The options of a categorical schema.</summary>
    public IReadOnlyList<string> Options { get; } = options;

    /// <summary>The title.</summary>
    public string? Title { get; } = title;

    /// <summary>The instruction.</summary>
    public string? Instruction { get; } = instruction;

    /// <summary>The comment mode, by name.</summary>
    public string Comment { get; } = comment;
}
