using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using MemAlign.Generators.Model;
using MemAlign.Generators.Parsing;
using MemAlign.Rubrics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace MemAlign.Generators.Analyzers;

/// <summary>
/// Checks [Judge] classes and [LabelSchema] records while you type: declaration shape (MAJ008), names
/// (MAJ009, MAJ007), value types and scales (MAJ010), rubrics (MAJ003-MAJ006, with the same rules the
/// runtime applies, located inside the string literal), and that every label schema matches a judge
/// of the same value type (MAJ001, MAJ002).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class JudgeDeclarationAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
    [
        DiagnosticDescriptors.LabelSchemaWithoutJudge,
        DiagnosticDescriptors.LabelSchemaTypeMismatch,
        DiagnosticDescriptors.UnknownVariable,
        DiagnosticDescriptors.TemplateSyntax,
        DiagnosticDescriptors.NoVariable,
        DiagnosticDescriptors.ConversationCombination,
        DiagnosticDescriptors.DuplicateJudgeName,
        DiagnosticDescriptors.InvalidDeclaration,
        DiagnosticDescriptors.NameNotSnakeCase,
        DiagnosticDescriptors.InvalidValueType,
    ];

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(start =>
        {
            var compilation = start.Compilation;
            if (compilation.GetTypeByMetadataName(KnownNames.JudgeAttribute) is not { } judgeAttribute
                || compilation.GetTypeByMetadataName(KnownNames.LabelSchemaAttribute) is not { } labelAttribute)
            {
                return; // MemAlign is not referenced
            }

            var index = new System.Lazy<JudgeIndex>(() => JudgeIndex.Build(compilation, judgeAttribute, CancellationToken.None), LazyThreadSafetyMode.ExecutionAndPublication);
            start.RegisterSymbolAction(symbolContext =>
            {
                var type = (INamedTypeSymbol)symbolContext.Symbol;
                foreach (var attribute in type.GetAttributes())
                {
                    if (SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, judgeAttribute))
                    {
                        AnalyzeJudge(symbolContext, type, attribute, index.Value);
                    }
                    else if (SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, labelAttribute))
                    {
                        AnalyzeLabelSchema(symbolContext, type, attribute, index.Value);
                    }
                }
            }, SymbolKind.NamedType);
        });
    }

    private static void AnalyzeJudge(SymbolAnalysisContext context, INamedTypeSymbol type, AttributeData judge, JudgeIndex index)
    {
        var name = JudgeParser.FirstArgument(judge);
        if (name is null)
        {
            return; // the compiler reports a missing argument
        }

        var nameLocation = ArgumentLocation(judge, 0, context.CancellationToken) ?? Identifier(type);
        CheckShape(context, type, KnownNames.JudgeBase, "MemAlign.Judge<T>");
        CheckName(context, name, nameLocation, judge);

        var sameName = index.Find(name).Where(t => !SymbolEqualityComparer.Default.Equals(t, type)).ToList();
        if (sameName.Count > 0)
        {
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.DuplicateJudgeName, nameLocation,
                name, string.Join(", ", sameName.Select(t => t.ToDisplayString()))));
        }

        if (DeclarationShape.BaseTypeArgument(type, KnownNames.JudgeBase) is { } valueType)
        {
            var (_, problem) = ValueTypeReader.Read(valueType, JudgeParser.Attribute(type, KnownNames.ScaleAttribute));
            if (problem is not null)
            {
                context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.InvalidValueType, Identifier(type), type.Name, problem));
            }
        }

        if (JudgeParser.Attribute(type, KnownNames.RubricAttribute) is not { } rubricAttribute)
        {
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.InvalidDeclaration, Identifier(type), type.Name,
                "has no [Rubric]; add one with the judge's instructions, such as [Rubric(\"Is {{ outputs }} helpful for {{ inputs }}?\")]"));
            return;
        }

        if (JudgeParser.FirstArgument(rubricAttribute) is { } rubric)
        {
            CheckRubric(context, name, rubric, rubricAttribute);
        }
    }

    private static void AnalyzeLabelSchema(SymbolAnalysisContext context, INamedTypeSymbol type, AttributeData schema, JudgeIndex index)
    {
        var name = JudgeParser.FirstArgument(schema);
        if (name is null)
        {
            return;
        }

        var nameLocation = ArgumentLocation(schema, 0, context.CancellationToken) ?? Identifier(type);
        CheckShape(context, type, KnownNames.LabelBase, "MemAlign.Label<T>");
        CheckName(context, name, nameLocation, schema);

        var valueType = DeclarationShape.BaseTypeArgument(type, KnownNames.LabelBase);
        var (labelSpec, problem) = valueType is null ? (null, null) : ValueTypeReader.Read(valueType, JudgeParser.Attribute(type, KnownNames.ScaleAttribute));
        if (problem is not null)
        {
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.InvalidValueType, Identifier(type), type.Name, problem));
        }

        var judges = index.Find(name);
        if (judges.Count == 0)
        {
            var closest = NameRules.Closest(name, index.Names);
            var properties = closest is null
                ? ImmutableDictionary<string, string?>.Empty
                : ImmutableDictionary<string, string?>.Empty
                    .Add(DiagnosticProperties.Suggestion, closest)
                    .Add(DiagnosticProperties.Replace, DiagnosticProperties.ReplaceLiteral);
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.LabelSchemaWithoutJudge, LiteralOnly(nameLocation, schema, context.CancellationToken), properties,
                name, closest is null ? "" : $" (did you mean '{closest}'?)"));
            return;
        }

        if (labelSpec is null)
        {
            return;
        }

        var judge = judges[0];
        if (DeclarationShape.BaseTypeArgument(judge, KnownNames.JudgeBase) is { } judgeValueType
            && ValueTypeReader.Read(judgeValueType, JudgeParser.Attribute(judge, KnownNames.ScaleAttribute)).Spec is { } judgeSpec
            && !SameValues(labelSpec, judgeSpec))
        {
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.LabelSchemaTypeMismatch, Identifier(type), name, labelSpec.Describe(), judgeSpec.Describe()));
        }
    }

    private static bool SameValues(ValueTypeSpec a, ValueTypeSpec b) =>
        a.Kind == b.Kind && a.Minimum == b.Minimum && a.Maximum == b.Maximum && a.Options.Equals(b.Options) && (a.Kind != "Categorical" || a.ClrType == b.ClrType);

    private static void CheckShape(SymbolAnalysisContext context, INamedTypeSymbol type, string baseName, string baseDisplay)
    {
        if (DeclarationShape.Problem(type, baseName, baseDisplay, out var onlyPartial) is { } problem)
        {
            var properties = onlyPartial ? ImmutableDictionary<string, string?>.Empty.Add(DiagnosticProperties.MakePartial, "true") : ImmutableDictionary<string, string?>.Empty;
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.InvalidDeclaration, Identifier(type), properties, type.Name, problem));
        }
    }

    private static void CheckName(SymbolAnalysisContext context, string name, Location location, AttributeData attribute)
    {
        if (!NameRules.IsSnakeCase(name))
        {
            var suggestion = NameRules.ToSnakeCase(name);
            var properties = ImmutableDictionary<string, string?>.Empty
                .Add(DiagnosticProperties.Suggestion, suggestion)
                .Add(DiagnosticProperties.Replace, DiagnosticProperties.ReplaceLiteral);
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.NameNotSnakeCase, LiteralOnly(location, attribute, context.CancellationToken), properties, name, suggestion));
        }
    }

    private static void CheckRubric(SymbolAnalysisContext context, string judgeName, string rubric, AttributeData rubricAttribute)
    {
        var findings = RubricRules.Check(RubricInspector.Inspect(rubric));
        if (findings.Count == 0)
        {
            return;
        }

        var expression = ArgumentExpression(rubricAttribute, 0, context.CancellationToken);
        var map = expression is LiteralExpressionSyntax literal ? StringLiteralMap.Build(literal.Token) : null;
        foreach (var finding in findings)
        {
            var descriptor = finding.RuleId switch
            {
                JudgeRuleIds.UnknownVariable => DiagnosticDescriptors.UnknownVariable,
                JudgeRuleIds.NoVariable => DiagnosticDescriptors.NoVariable,
                JudgeRuleIds.ConversationCombination => DiagnosticDescriptors.ConversationCombination,
                _ => DiagnosticDescriptors.TemplateSyntax,
            };
            var exact = map is not null && finding.RuleId != JudgeRuleIds.NoVariable && finding.Offset + finding.Length < map.Length;
            var location = exact
                ? Location.Create(expression!.SyntaxTree, Span(map!, finding.Offset, finding.Length))
                : expression?.GetLocation() ?? Location.None;
            var properties = ImmutableDictionary<string, string?>.Empty;
            if (exact && finding.Suggestion is { } suggestion)
            {
                properties = properties.Add(DiagnosticProperties.Suggestion, suggestion).Add(DiagnosticProperties.Replace, DiagnosticProperties.ReplaceSpan);
            }

            context.ReportDiagnostic(Diagnostic.Create(descriptor, location, properties, judgeName, finding.Message));
        }
    }

    // The source span of value[offset..offset+length]; a zero-length finding (a syntax error) marks one character where there is one.
    private static Microsoft.CodeAnalysis.Text.TextSpan Span(int[] map, int offset, int length)
    {
        var last = map.Length - 1;
        var end = length > 0 ? map[offset + length - 1] + 1 : offset < last ? map[offset] + 1 : map[offset];
        return Microsoft.CodeAnalysis.Text.TextSpan.FromBounds(map[offset], end);
    }

    private static Location Identifier(INamedTypeSymbol type) => type.Locations.FirstOrDefault() ?? Location.None;

    private static ExpressionSyntax? ArgumentExpression(AttributeData attribute, int index, CancellationToken cancellationToken) =>
        attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken) is AttributeSyntax { ArgumentList: { } list } && list.Arguments.Count > index
            ? list.Arguments[index].Expression
            : null;

    private static Location? ArgumentLocation(AttributeData attribute, int index, CancellationToken cancellationToken) =>
        ArgumentExpression(attribute, index, cancellationToken)?.GetLocation();

    // Fixes that rewrite a name apply only when the name is written as a literal, not a constant.
    private static Location LiteralOnly(Location location, AttributeData attribute, CancellationToken cancellationToken) =>
        ArgumentExpression(attribute, 0, cancellationToken) is LiteralExpressionSyntax { RawKind: (int)SyntaxKind.StringLiteralExpression } literal ? literal.GetLocation() : location;
}
