using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using MemAlign.Generators.Model;
using MemAlign.Rubrics;
using Microsoft.CodeAnalysis;

namespace MemAlign.Generators.Parsing;

/// <summary>
/// Reads a [LabelSchema] record: its spec, its own findings (MAJ008-MAJ010) and what the checks against
/// its judge need (<see cref="LabelReference"/>, for MAJ001 and MAJ002, see <see cref="LabelChecks"/>).
/// </summary>
internal static class LabelSchemaReader
{
    /// <param name="type">The [LabelSchema] record.</param>
    /// <param name="schema">Its [LabelSchema] attribute.</param>
    /// <param name="forGenerator">Whether to describe it for the emitter too; the analyzer needs the findings and the reference only.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    public static LabelSchemaDeclaration Read(INamedTypeSymbol type, AttributeData schema, bool forGenerator, CancellationToken cancellationToken)
    {
        var findings = new List<DiagnosticInfo>();
        var shape = DeclarationShape.Of(type, KnownTypes.LabelBase, "MemAlign.Label<T>", cancellationToken);
        if (!shape.CanGenerate)
        {
            var properties = shape.OnlyMissingPartial ? ImmutableDictionary<string, string?>.Empty.Add(DiagnosticProperties.MakePartial, "true") : null;
            findings.Add(DiagnosticInfo.Create(JudgeRuleIds.InvalidJudgeDeclaration, AttributeArguments.Identifier(type), properties, type.Name, shape.Problem!));
        }

        var name = AttributeArguments.FirstString(schema);
        Names.Check(findings, "label schema", name, schema, type, cancellationToken);

        cancellationToken.ThrowIfCancellationRequested();
        var valueType = KnownTypes.BaseTypeArgument(type, KnownTypes.LabelBase);
        var reading = valueType is null ? null : ValueTypeReader.Read(valueType, KnownTypes.Attribute(type, KnownTypes.ScaleAttribute), scaleOptional: true);
        if (reading?.Problem is { } problem)
        {
            var properties = reading.ScaleFixable ? ImmutableDictionary<string, string?>.Empty.Add(DiagnosticProperties.Scale, ValueTypeReader.DefaultScale) : null;
            findings.Add(DiagnosticInfo.Create(JudgeRuleIds.InvalidValueType, AttributeArguments.Identifier(type), properties, type.Name, problem));
        }

        var reference = name is { Length: > 0 }
            ? new LabelReference(name!, reading?.Spec, LocationInfo.From(AttributeArguments.FirstArgumentLocation(schema, type, cancellationToken)),
                AttributeArguments.FirstIsLiteral(schema, cancellationToken), LocationInfo.From(AttributeArguments.Identifier(type)),
                KnownTypes.Attribute(type, KnownTypes.ScaleAttribute) is not null)
            : null;
        if (!forGenerator)
        {
            return new LabelSchemaDeclaration(null, new EquatableArray<DiagnosticInfo>(findings), reference);
        }

        var comment = Comment(schema);
        var spec = shape.CanGenerate && valueType is not null
            ? new LabelSchemaSpec(TypeLocationReader.Read(type), name, AttributeArguments.Named(schema, "Title") as string, AttributeArguments.Named(schema, "Instruction") as string,
                comment, reading!.Spec, valueType.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat), new EquatableArray<string>(findings.Select(f => f.Id + ": " + f.Message)))
            : null;
        return new LabelSchemaDeclaration(spec, new EquatableArray<DiagnosticInfo>(findings), reference);
    }

    // None, Optional or Required: RequireComment implies a comment box.
    private static string Comment(AttributeData schema) =>
        AttributeArguments.Named(schema, "RequireComment") is true ? "Required"
        : AttributeArguments.Named(schema, "EnableComment") is true ? "Optional"
        : "None";
}

/// <summary>A [LabelSchema] record as read: its spec (when code can be generated), its own findings, and what the judge checks need.</summary>
internal sealed record LabelSchemaDeclaration(LabelSchemaSpec? Spec, EquatableArray<DiagnosticInfo> Findings, LabelReference? Reference);

/// <summary>A label schema's claim on a judge: the name, the declared value type (a numeric one may have no scale), and where to report.</summary>
internal sealed record LabelReference(string Name, ValueTypeSpec? ValueType, LocationInfo? NameLocation, bool NameIsLiteral, LocationInfo? Identifier, bool HasScale);
