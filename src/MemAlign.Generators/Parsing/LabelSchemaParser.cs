using System.Linq;
using System.Threading;
using MemAlign.Generators.Model;
using Microsoft.CodeAnalysis;

namespace MemAlign.Generators.Parsing;

/// <summary>Turns a [LabelSchema] record into a <see cref="LabelSchemaSpec"/>, or nothing when the declaration is malformed.</summary>
internal static class LabelSchemaParser
{
    public static LabelSchemaSpec? Parse(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
    {
        if (context.TargetSymbol is not INamedTypeSymbol type
            || DeclarationShape.Problem(type, KnownNames.LabelBase, "MemAlign.Label<T>", out _) is not null
            || DeclarationShape.BaseTypeArgument(type, KnownNames.LabelBase) is not { } valueType
            || context.Attributes.FirstOrDefault() is not { } schema
            || JudgeParser.FirstArgument(schema) is not { } name)
        {
            return null;
        }

        var (spec, _) = ValueTypeReader.Read(valueType, JudgeParser.Attribute(type, KnownNames.ScaleAttribute));
        if (spec is null)
        {
            return null;
        }

        cancellationToken.ThrowIfCancellationRequested();
        object? Named(string key) => schema.NamedArguments.FirstOrDefault(a => a.Key == key).Value.Value;
        return new LabelSchemaSpec(TypeLocationReader.Read(type), name, Named("Title") as string, Named("Instruction") as string,
            Named("EnableComment") is true, spec);
    }
}
