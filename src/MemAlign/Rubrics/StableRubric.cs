using Scriban;
using Scriban.Syntax;

namespace MemAlign.Rubrics;

/// <summary>
/// Decides whether a rubric reads the same for every trace once its fields are shown as references: true
/// when its code only prints data variables or their members (<c>{{ inputs }}</c>, <c>{{ inputs.question }}</c>),
/// with no pipe, function, condition or loop over trace values. Such a rubric can go in the prompt's stable,
/// cacheable part; any other is rendered with each trace's data, in the part that varies.
/// </summary>
internal static class StableRubric
{
    public static bool IsInterpolationOnly(Template template, IReadOnlyList<string> variables) =>
        template.Page is { } page && variables.Count > 0 && Allowed(page, variables);

    private static bool Allowed(ScriptNode node, IReadOnlyList<string> variables)
    {
        switch (node)
        {
            case ScriptRawStatement or ScriptNopStatement or ScriptEscapeStatement: // text, and the "{{" and "}}" around code
                return true;
            case ScriptExpressionStatement statement:
                return IsFieldPath(statement.Expression, variables);
            case ScriptPage or ScriptBlockStatement or ScriptList<ScriptStatement>:
                for (var i = 0; i < node.ChildrenCount; i++)
                {
                    if (node.GetChildren(i) is { } child && !Allowed(child, variables))
                    {
                        return false;
                    }
                }

                return true;
            default:
                // Anything else (if, for, assignments, pipes, functions, captures) is logic.
                return false;
        }
    }

    private static bool IsFieldPath(ScriptExpression? expression, IReadOnlyList<string> variables) => expression switch
    {
        ScriptVariableGlobal global => variables.Contains(global.Name),
        ScriptMemberExpression member => IsFieldPath(member.Target, variables),
        _ => false,
    };
}
