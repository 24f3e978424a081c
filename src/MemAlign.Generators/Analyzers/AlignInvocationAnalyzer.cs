using System.Collections.Immutable;
using MemAlign.Generators.Parsing;
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
            if (start.Compilation.GetTypeByMetadataName(KnownTypes.AlignmentExtensions) is null)
            {
                return;
            }

            var trees = new SyntaxTrees(start.Compilation);
            start.RegisterOperationAction(operationContext =>
            {
                if (SessionAlignmentCheck.Check((IInvocationOperation)operationContext.Operation, operationContext.CancellationToken) is { } finding)
                {
                    operationContext.ReportDiagnostic(finding.ToDiagnostic(trees.Find));
                }
            }, OperationKind.Invocation);
        });
    }
}
