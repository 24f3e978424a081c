using System.Linq;
using System.Threading;
using MemAlign.Generators.Model;
using MemAlign.Rubrics;
using Microsoft.CodeAnalysis;

namespace MemAlign.Generators.Parsing;

/// <summary>Turns a [Judge] class into a <see cref="JudgeSpec"/>, or nothing when the declaration is malformed (the analyzer reports why).</summary>
internal static class JudgeParser
{
    public static JudgeSpec? Parse(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
    {
        if (context.TargetSymbol is not INamedTypeSymbol type
            || DeclarationShape.Problem(type, KnownNames.JudgeBase, "MemAlign.Judge<T>", out _) is not null
            || DeclarationShape.BaseTypeArgument(type, KnownNames.JudgeBase) is not { } valueType
            || context.Attributes.FirstOrDefault() is not { } judge
            || FirstArgument(judge) is not { } name
            || Attribute(type, KnownNames.RubricAttribute) is not { } rubricAttribute
            || FirstArgument(rubricAttribute) is not { } rubric)
        {
            return null;
        }

        var (spec, _) = ValueTypeReader.Read(valueType, Attribute(type, KnownNames.ScaleAttribute));
        if (spec is null)
        {
            return null;
        }

        cancellationToken.ThrowIfCancellationRequested();
        var variables = RubricInspector.Inspect(rubric).VariableNames.Where(RubricRules.AllowedVariables.Contains);
        var model = judge.NamedArguments.FirstOrDefault(a => a.Key == "Model").Value.Value as string;
        return new JudgeSpec(TypeLocationReader.Read(type), name, model, rubric, new EquatableArray<string>(variables), spec);
    }

    /// <summary>The attribute's first constructor argument as a string (a name or a rubric), if it is one.</summary>
    public static string? FirstArgument(AttributeData attribute) =>
        attribute.ConstructorArguments.Length > 0 ? attribute.ConstructorArguments[0].Value as string : null;

    /// <summary>The type's attribute of the given MemAlign attribute class (compared by name and namespace, without allocating).</summary>
    public static AttributeData? Attribute(INamedTypeSymbol type, string metadataName)
    {
        var name = metadataName.Substring(metadataName.LastIndexOf('.') + 1);
        foreach (var attribute in type.GetAttributes())
        {
            if (attribute.AttributeClass is { } attributeClass && attributeClass.Name == name
                && attributeClass.ContainingNamespace is { Name: "MemAlign", ContainingNamespace.IsGlobalNamespace: true })
            {
                return attribute;
            }
        }

        return null;
    }
}
