using System.Linq;
using System.Threading;
using MemAlign.Generators.Model;
using MemAlign.Rubrics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace MemAlign.Generators.Parsing;

/// <summary>MAJ011: <c>AlignAsync</c> called on a [Judge] whose rubric uses <c>conversation</c> (session-level judges cannot be aligned).</summary>
internal static class SessionAlignmentCheck
{
    public const string MethodName = "AlignAsync";

    public static DiagnosticInfo? Check(IInvocationOperation invocation, CancellationToken cancellationToken)
    {
        var method = invocation.TargetMethod;
        if (method.Name != MethodName || !KnownTypes.Is(method.ContainingType, KnownTypes.AlignmentExtensions) || method.TypeArguments.Length != 1
            || method.TypeArguments[0] is not INamedTypeSymbol judge
            || KnownTypes.Attribute(judge, KnownTypes.JudgeAttribute) is not { } attribute
            || AttributeArguments.FirstString(attribute) is not { } name
            || KnownTypes.Attribute(judge, KnownTypes.RubricAttribute) is not { } rubricAttribute
            || AttributeArguments.FirstString(rubricAttribute) is not { } rubric)
        {
            return null;
        }

        cancellationToken.ThrowIfCancellationRequested();
        return RubricInspector.Inspect(rubric).VariableNames.Contains(RubricRules.Conversation)
            ? DiagnosticInfo.Create(JudgeRuleIds.SessionJudgeAlignment, invocation.Syntax.GetLocation(), null, name)
            : null;
    }
}
