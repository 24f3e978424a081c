using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using MemAlign.Generators.Model;
using MemAlign.Rubrics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace MemAlign.Generators.Parsing;

/// <summary>
/// Reads a [Judge] class: what the emitter writes for it (when the declaration can take generated code)
/// and every mistake in it (MAJ003-MAJ006, MAJ008-MAJ010). The analyzer and the generator both call it,
/// so the IDE and the command-line build report the same findings.
/// </summary>
internal static class JudgeReader
{
    // The variables the typed EvaluateAsync takes as strings, in the one order its parameters have.
    private static readonly string[] StringParameters = ["inputs", "outputs", "expectations"];

    /// <param name="type">The [Judge] class.</param>
    /// <param name="judge">Its [Judge] attribute.</param>
    /// <param name="forGenerator">Whether to describe it for the emitter too (the spec and index entry); the analyzer needs only the findings.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    public static JudgeDeclaration Read(INamedTypeSymbol type, AttributeData judge, bool forGenerator, CancellationToken cancellationToken)
    {
        var findings = new List<DiagnosticInfo>();
        var shape = DeclarationShape.Of(type, KnownTypes.JudgeBase, "MemAlign.Judge<T>", cancellationToken);
        if (!shape.CanGenerate)
        {
            var properties = shape.OnlyMissingPartial ? ImmutableDictionary<string, string?>.Empty.Add(DiagnosticProperties.MakePartial, "true") : null;
            findings.Add(DiagnosticInfo.Create(JudgeRuleIds.InvalidJudgeDeclaration, AttributeArguments.Identifier(type), properties, type.Name, shape.Problem!));
        }

        var name = AttributeArguments.FirstString(judge);
        Names.Check(findings, "judge", name, judge, type, cancellationToken);

        cancellationToken.ThrowIfCancellationRequested();
        var valueType = KnownTypes.BaseTypeArgument(type, KnownTypes.JudgeBase);
        ValueTypeSpec? spec = null;
        if (valueType is not null)
        {
            var reading = ValueTypeReader.Read(valueType, KnownTypes.Attribute(type, KnownTypes.ScaleAttribute), scaleOptional: false);
            spec = reading.Spec;
            if (reading.Problem is { } problem)
            {
                var properties = reading.ScaleFixable ? ImmutableDictionary<string, string?>.Empty.Add(DiagnosticProperties.Scale, ValueTypeReader.DefaultScale) : null;
                findings.Add(DiagnosticInfo.Create(JudgeRuleIds.InvalidValueType, AttributeArguments.Identifier(type), properties, type.Name, problem));
            }
        }

        var rubricAttribute = KnownTypes.Attribute(type, KnownTypes.RubricAttribute);
        var rubric = rubricAttribute is null ? null : AttributeArguments.FirstString(rubricAttribute) ?? "";
        var parameters = new List<string>();
        if (rubricAttribute is null)
        {
            findings.Add(DiagnosticInfo.Create(JudgeRuleIds.InvalidJudgeDeclaration, AttributeArguments.Identifier(type), null, type.Name,
                "has no [Rubric]; add one with the judge's instructions, such as [Rubric(\"Is {{ outputs }} helpful for {{ inputs }}?\")]"));
        }
        else
        {
            parameters = CheckRubric(findings, name ?? type.Name, rubric!, rubricAttribute, cancellationToken);
            if (valueType?.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat) == PairwiseRule.PreferenceType
                && RubricInspector.Inspect(rubric!) is { SyntaxErrors.Count: 0, VariableNames.Count: > 0 } inspection && PairwiseRule.Problem(inspection.VariableNames) is { } pairwise)
            {
                var at = AttributeArguments.Expression(rubricAttribute, 0, cancellationToken)?.GetLocation() ?? rubricAttribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken).GetLocation();
                findings.Add(DiagnosticInfo.Create(JudgeRuleIds.PairwiseWithoutOutputs, at, null, name ?? type.Name, pairwise));
            }
        }

        if (!forGenerator)
        {
            return new JudgeDeclaration(null, new EquatableArray<DiagnosticInfo>(findings), null);
        }

        var location = TypeLocationReader.Read(type);
        var judgeSpec = shape.CanGenerate && valueType is not null
            ? new JudgeSpec(location, name, AttributeArguments.Named(judge, "Model") as string, rubric,
                new EquatableArray<string>(parameters), spec, valueType.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat),
                new EquatableArray<string>(findings.Select(f => f.Id + ": " + f.Message)), CopyOf(type), type.IsSealed)
            : null;
        return new JudgeDeclaration(judgeSpec, new EquatableArray<DiagnosticInfo>(findings), Entry(type, location.FullyQualifiedName, judge, spec, cancellationToken));
    }

    /// <summary>The entry for the analyzers' judge index, reading only the value type (no rubric).</summary>
    public static JudgeEntry? Entry(INamedTypeSymbol type, AttributeData judge, CancellationToken cancellationToken)
    {
        if (AttributeArguments.FirstString(judge) is not { Length: > 0 })
        {
            return null;
        }

        var valueType = KnownTypes.BaseTypeArgument(type, KnownTypes.JudgeBase);
        var spec = valueType is null ? null : ValueTypeReader.Read(valueType, KnownTypes.Attribute(type, KnownTypes.ScaleAttribute), scaleOptional: false).Spec;
        return Entry(type, type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat), judge, spec, cancellationToken);
    }

    // What other declarations need to know of this judge (label schemas, duplicate names), or nothing when it has no name.
    private static JudgeEntry? Entry(INamedTypeSymbol type, string fullyQualifiedName, AttributeData judge, ValueTypeSpec? valueType, CancellationToken cancellationToken) =>
        AttributeArguments.FirstString(judge) is { Length: > 0 } name
            ? new JudgeEntry(new JudgeKey(name, valueType, fullyQualifiedName.Replace("global::", "")), LocationInfo.From(AttributeArguments.FirstArgumentLocation(judge, type, cancellationToken)))
            : null;

    // What copying the judge needs from the generator: a copy constructor and CreateCopy, CreateCopy alone, or nothing.
    private static JudgeCopy CopyOf(INamedTypeSymbol type)
    {
        if (type.GetMembers("CreateCopy").Any(m => m is IMethodSymbol { IsOverride: true, Parameters.Length: 0 }))
        {
            return JudgeCopy.UserOverride;
        }

        if (type.InstanceConstructors.Any(c => !c.IsImplicitlyDeclared && c.Parameters.Length == 1 && SymbolEqualityComparer.Default.Equals(c.Parameters[0].Type, type)))
        {
            return JudgeCopy.UserConstructor;
        }

        // Fields include the backing fields of auto-properties and field-like events.
        return type.GetMembers().Any(m => m is IFieldSymbol { IsStatic: false, IsConst: false } || m is IPropertySymbol { IsStatic: false, IsAbstract: false } p && IsAutoProperty(p))
            ? JudgeCopy.FieldsWithoutConstructor
            : JudgeCopy.Generated;
    }

    // An auto-property has a backing field, which GetMembers does not always list: its accessors have no body.
    private static bool IsAutoProperty(IPropertySymbol property) =>
        property.DeclaringSyntaxReferences.Select(r => r.GetSyntax()).OfType<PropertyDeclarationSyntax>()
            .Any(p => p.ExpressionBody is null && p.AccessorList is { } accessors && accessors.Accessors.All(a => a.Body is null && a.ExpressionBody is null));

    // Applies the rubric rules, locating each finding inside the string literal where the source allows.
    // Returns the parameters of the typed EvaluateAsync: the string variables the rubric uses (or would use once a misspelt one is fixed).
    private static List<string> CheckRubric(List<DiagnosticInfo> findings, string judgeName, string rubric, AttributeData rubricAttribute, CancellationToken cancellationToken)
    {
        var expression = AttributeArguments.Expression(rubricAttribute, 0, cancellationToken);
        var wholeArgument = expression?.GetLocation() ?? rubricAttribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken).GetLocation();
        if (string.IsNullOrWhiteSpace(rubric))
        {
            findings.Add(DiagnosticInfo.Create(JudgeRuleIds.NoVariable, wholeArgument, null, judgeName,
                "the rubric is empty; write the judge's instructions with at least one of {{ inputs }}, {{ outputs }}, {{ expectations }}, {{ conversation }}, {{ trace }}."));
            return [];
        }

        cancellationToken.ThrowIfCancellationRequested();
        var inspection = RubricInspector.Inspect(rubric);
        var map = expression is LiteralExpressionSyntax literal ? StringLiteralMap.Build(literal.Token) : null;
        // A rubric that does not parse yet (mid-edit) keeps the parameters its variables give, so call sites stay valid.
        var used = new HashSet<string>(inspection.SyntaxErrors.Count == 0 ? inspection.VariableNames : NamesInCode(rubric));
        foreach (var finding in RubricRules.Check(inspection))
        {
            var exact = map is not null && finding.RuleId != JudgeRuleIds.NoVariable && finding.Offset + finding.Length < map.Length;
            var location = exact ? Location.Create(expression!.SyntaxTree, Span(map!, finding.Offset, finding.Length)) : wholeArgument;
            var properties = exact && finding.Suggestion is { } suggestion
                ? ImmutableDictionary<string, string?>.Empty.Add(DiagnosticProperties.Suggestion, suggestion).Add(DiagnosticProperties.Replace, DiagnosticProperties.ReplaceSpan)
                : null;
            findings.Add(DiagnosticInfo.Create(finding.RuleId, location, properties, judgeName, finding.Message));
            if (finding.RuleId == JudgeRuleIds.UnknownVariable && finding.Suggestion is { } closest)
            {
                used.Add(closest);
            }
        }

        // 'trace' and 'conversation' need a whole trace: then only EvaluateAsync(Trace) fits.
        return used.Any(v => RubricRules.AllowedVariables.Contains(v) && !StringParameters.Contains(v))
            ? []
            : StringParameters.Where(used.Contains).ToList();
    }

    // The allowed variable names written inside {{ }} blocks, read by the lexer alone.
    private static IEnumerable<string> NamesInCode(string rubric)
    {
        foreach (var token in new Scriban.Parsing.Lexer(rubric))
        {
            if (token.Type == Scriban.Parsing.TokenType.Identifier && token.GetText(rubric) is var name && RubricRules.AllowedVariables.Contains(name))
            {
                yield return name;
            }
        }
    }

    // The source span of value[offset..offset+length]; a zero-length finding (a syntax error) marks one character where there is one.
    private static Microsoft.CodeAnalysis.Text.TextSpan Span(int[] map, int offset, int length)
    {
        var last = map.Length - 1;
        var end = length > 0 ? map[offset + length - 1] + 1 : offset < last ? map[offset] + 1 : map[offset];
        return Microsoft.CodeAnalysis.Text.TextSpan.FromBounds(map[offset], end);
    }
}

/// <summary>A [Judge] class as read: its spec (when code can be generated for it), its own findings, and its index entry.</summary>
internal sealed record JudgeDeclaration(JudgeSpec? Spec, EquatableArray<DiagnosticInfo> Findings, JudgeEntry? Entry);

/// <summary>What other judges need to know of a judge: its key, and where its name is written (for MAJ007).</summary>
internal sealed record JudgeEntry(JudgeKey Key, LocationInfo? NameLocation);
