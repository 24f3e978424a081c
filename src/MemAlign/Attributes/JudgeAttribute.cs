namespace MemAlign;

/// <summary>
/// Declares a judge: put it, with <see cref="RubricAttribute"/>, on a <c>partial</c> class deriving from
/// <see cref="Judge{T}"/>, and the MemAlign generator adds the definition, constructors and typed
/// <c>EvaluateAsync</c> overloads; the analyzers check the name and rubric while you type.
/// </summary>
/// <param name="name">The judge's lower_snake_case name; human feedback with this name is what it aligns to.</param>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class JudgeAttribute(string name) : Attribute
{
    /// <summary>The judge's name.</summary>
    public string Name { get; } = name;

    /// <summary>The model the judge runs on by default, such as <c>openai:/gpt-4.1-mini</c>.</summary>
    public string? Model { get; set; }
}
