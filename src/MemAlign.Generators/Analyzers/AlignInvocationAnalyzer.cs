using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Linq;
using MemAlign.Generators.Parsing;
using MemAlign.Rubrics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace MemAlign.Generators.Analyzers;

/// <summary>Reports MAJ011: AlignAsync called on a [Judge] whose rubric uses <c>conversation</c> (session-level judges cannot be aligned).</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class AlignInvocationAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = [DiagnosticDescriptors.SessionJudgeAlignment];

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(start =>
        {
            if (start.Compilation.GetTypeByMetadataName(KnownNames.JudgeBase) is not { } judgeBase
                || start.Compilation.GetTypeByMetadataName(KnownNames.JudgeAttribute) is not { } judgeAttribute)
            {
                return;
            }

            var sessionLevel = new ConcurrentDictionary<INamedTypeSymbol, string?>(SymbolEqualityComparer.Default);
            start.RegisterOperationAction(operationContext =>
            {
                var invocation = (IInvocationOperation)operationContext.Operation;
                if (invocation.TargetMethod.Name != "AlignAsync"
                    || !SymbolEqualityComparer.Default.Equals(invocation.TargetMethod.ContainingType.OriginalDefinition, judgeBase)
                    || invocation.Instance?.Type is not INamedTypeSymbol receiver)
                {
                    return;
                }

                var judgeName = sessionLevel.GetOrAdd(receiver, type => SessionJudgeName(type, judgeAttribute));
                if (judgeName is not null)
                {
                    operationContext.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.SessionJudgeAlignment, invocation.Syntax.GetLocation(), judgeName));
                }
            }, OperationKind.Invocation);
        });
    }

    // The judge's name when its rubric uses 'conversation'; null otherwise.
    private static string? SessionJudgeName(INamedTypeSymbol type, INamedTypeSymbol judgeAttribute)
    {
        var name = JudgeIndex.NameOf(type, judgeAttribute);
        var rubric = JudgeParser.Attribute(type, KnownNames.RubricAttribute) is { } attribute ? JudgeParser.FirstArgument(attribute) : null;
        return name is not null && rubric is not null && RubricInspector.Inspect(rubric).VariableNames.Contains(RubricRules.Conversation) ? name : null;
    }
}
