namespace MemAlign;

/// <summary>
/// The judge's rubric: a Scriban template over <c>{{ inputs }}</c>, <c>{{ outputs }}</c>,
/// <c>{{ expectations }}</c>, <c>{{ trace }}</c> or <c>{{ conversation }}</c>.
/// </summary>
/// <param name="template">The rubric text.</param>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class RubricAttribute(string template) : Attribute
{
    /// <summary>The rubric text.</summary>
    public string Template { get; } = template;
}
