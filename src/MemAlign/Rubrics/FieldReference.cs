using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;

namespace MemAlign.Rubrics;

/// <summary>
/// Stands in for a trace field when a rubric is rendered without a trace: it prints as <c>&lt;inputs&gt;</c>
/// (or <c>&lt;inputs.question&gt;</c> for a member), a reference to the field the prompt gives below as data.
/// </summary>
internal sealed class FieldReference : ScriptObject
{
    public FieldReference(string path)
    {
        Path = path;
    }

    /// <summary>The field, with the members read from it: <c>inputs</c>, <c>inputs.question</c>.</summary>
    public string Path { get; }

    /// <summary>How the reference reads in the rubric.</summary>
    public string Text => "<" + Path + ">";

    public override bool TryGetValue(TemplateContext? context, SourceSpan span, string member, out object value)
    {
        value = new FieldReference(Path + "." + member);
        return true;
    }
}
