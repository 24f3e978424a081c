using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace MemAlign.Generators.Parsing;

/// <summary>
/// Checks that a [Judge] class or [LabelSchema] record can take generated code: partial (and nested only
/// in partial types), not generic, deriving from the right base. Shared by the generator (which skips
/// malformed declarations) and the analyzer (which reports them as MAJ008).
/// </summary>
internal static class DeclarationShape
{
    /// <summary>Why the declaration is malformed, or <see langword="null"/> when it is fine.</summary>
    public static string? Problem(INamedTypeSymbol type, string baseMetadataName, string baseDisplay, out bool onlyMissingPartial)
    {
        onlyMissingPartial = false;
        if (type.IsGenericType)
        {
            return "is generic; declare it as a non-generic class";
        }

        if (BaseTypeArgument(type, baseMetadataName) is null)
        {
            return $"does not derive from {baseDisplay}";
        }

        if (type.ContainingType is { } outer && !IsPartial(outer))
        {
            return $"is nested in '{outer.Name}', which is not partial";
        }

        if (!IsPartial(type))
        {
            onlyMissingPartial = true;
            return "is not partial; the MemAlign generator needs to add to it";
        }

        return null;
    }

    /// <summary>The T of the first base type that is <paramref name="baseMetadataName"/> (MemAlign.Judge`1 or MemAlign.Label`1).</summary>
    public static ITypeSymbol? BaseTypeArgument(INamedTypeSymbol type, string baseMetadataName)
    {
        for (var current = type.BaseType; current is not null; current = current.BaseType)
        {
            if (current.IsGenericType && MetadataName(current.OriginalDefinition) == baseMetadataName)
            {
                return current.TypeArguments[0];
            }
        }

        return null;
    }

    public static bool IsPartial(INamedTypeSymbol type) =>
        type.DeclaringSyntaxReferences.Length > 0
        && type.DeclaringSyntaxReferences.All(r => r.GetSyntax() is TypeDeclarationSyntax declaration && declaration.Modifiers.Any(SyntaxKind.PartialKeyword));

    private static string MetadataName(INamedTypeSymbol type) =>
        type.ContainingNamespace is { IsGlobalNamespace: false } ns ? ns.ToDisplayString() + "." + type.MetadataName : type.MetadataName;
}
