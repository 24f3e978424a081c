namespace MemAlign;

/// <summary>
/// Declares what domain experts are asked for one judge: put it on a <c>partial record</c> deriving from
/// <see cref="Label{T}"/>. The name must equal the judge's, and the value type must match it; a numeric
/// schema without <see cref="ScaleAttribute"/> collects labels on its judge's scale. The analyzers check both.
/// </summary>
/// <param name="name">The judge name the labels are feedback for.</param>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class LabelSchemaAttribute(string name) : Attribute
{
    /// <summary>The judge name.</summary>
    public string Name { get; } = name;

    /// <summary>The question's title shown to reviewers.</summary>
    public string? Title { get; set; }

    /// <summary>Guidance shown to reviewers, in Markdown.</summary>
    public string? Instruction { get; set; }

    /// <summary>Whether reviewers can add a comment (the rationale alignment learns from).</summary>
    public bool EnableComment { get; set; }

    /// <summary>Whether reviewers must add a comment before submitting (implies <see cref="EnableComment"/>).</summary>
    public bool RequireComment { get; set; }
}
