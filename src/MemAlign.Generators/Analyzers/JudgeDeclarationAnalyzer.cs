using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using MemAlign.Generators.Model;
using MemAlign.Generators.Parsing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace MemAlign.Generators.Analyzers;

/// <summary>
/// Checks [Judge] classes and [LabelSchema] records while you type: declaration shape (MAJ008), names
/// (MAJ009, MAJ007), value types and scales (MAJ010), rubrics (MAJ003-MAJ006, with the same rules the
/// runtime applies, located inside the string literal), and that every label schema matches a judge
/// of the same value type (MAJ001, MAJ002) and "not applicable" value (MAJ015). The checks are <see cref="JudgeReader"/>, <see cref="LabelSchemaReader"/>
/// and <see cref="LabelChecks"/>, which the generator runs too.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class JudgeDeclarationAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
    [
        DiagnosticDescriptors.LabelSchemaWithoutJudge,
        DiagnosticDescriptors.LabelSchemaTypeMismatch,
        DiagnosticDescriptors.LabelSchemaNotApplicableMismatch,
        DiagnosticDescriptors.UnknownVariable,
        DiagnosticDescriptors.TemplateSyntax,
        DiagnosticDescriptors.NoVariable,
        DiagnosticDescriptors.ConversationCombination,
        DiagnosticDescriptors.DuplicateJudgeName,
        DiagnosticDescriptors.InvalidDeclaration,
        DiagnosticDescriptors.NameNotSnakeCase,
        DiagnosticDescriptors.InvalidValueType,
        DiagnosticDescriptors.PairwiseWithoutOutputs,
    ];

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(start =>
        {
            var compilation = start.Compilation;
            if (compilation.GetTypeByMetadataName(KnownTypes.JudgeAttribute) is null)
            {
                return; // MemAlign is not referenced
            }

            var index = new JudgeIndex.Cache(compilation);
            var trees = new SyntaxTrees(compilation);
            start.RegisterSymbolAction(symbolContext =>
            {
                var type = (INamedTypeSymbol)symbolContext.Symbol;
                var cancellationToken = symbolContext.CancellationToken;
                foreach (var attribute in type.GetAttributes())
                {
                    IEnumerable<DiagnosticInfo> findings;
                    if (KnownTypes.Is(attribute.AttributeClass, KnownTypes.JudgeAttribute))
                    {
                        findings = JudgeReader.Read(type, attribute, forGenerator: false, cancellationToken).Findings;
                        if (AttributeArguments.FirstString(attribute) is { Length: > 0 } name)
                        {
                            var sameName = index.Get(cancellationToken).Find(name);
                            var display = sameName.Count > 1 ? type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat).Replace("global::", "") : null;
                            if (sameName.FirstOrDefault(e => e.Key.TypeDisplay == display) is { } self && LabelChecks.Duplicate(self, sameName.Select(e => e.Key)) is { } duplicate)
                            {
                                findings = findings.Append(duplicate);
                            }
                        }
                    }
                    else if (KnownTypes.Is(attribute.AttributeClass, KnownTypes.LabelSchemaAttribute))
                    {
                        var label = LabelSchemaReader.Read(type, attribute, forGenerator: false, cancellationToken);
                        findings = label.Reference is { } reference
                            ? label.Findings.Concat(LabelChecks.Resolve(reference, index.Get(cancellationToken).Keys).Findings)
                            : label.Findings;
                    }
                    else
                    {
                        continue;
                    }

                    foreach (var finding in findings)
                    {
                        symbolContext.ReportDiagnostic(finding.ToDiagnostic(trees.Find));
                    }
                }
            }, SymbolKind.NamedType);
        });
    }
}
