using Microsoft.CodeAnalysis;

namespace MemAlign.Generators;

/// <summary>
/// The runtime types the generator and the analyzers look for, and the one way both recognise them: by
/// name and namespace, which needs no compilation-wide lookup (so cached generator steps stay cached)
/// and allocates nothing. A test ties these names to the runtime's types.
/// </summary>
internal static class KnownTypes
{
    public const string JudgeAttribute = "MemAlign.JudgeAttribute";
    public const string RubricAttribute = "MemAlign.RubricAttribute";
    public const string ScaleAttribute = "MemAlign.ScaleAttribute";
    public const string LabelSchemaAttribute = "MemAlign.LabelSchemaAttribute";
    public const string JudgeBase = "MemAlign.Judge`1";
    public const string LabelBase = "MemAlign.Label`1";

    private const string Namespace = "MemAlign";

    /// <summary>Whether <paramref name="type"/> is the MemAlign type <paramref name="metadataName"/> (for generic types, their definition).</summary>
    public static bool Is(ITypeSymbol? type, string metadataName) =>
        type is INamedTypeSymbol named
        && named.ContainingNamespace is { Name: Namespace, ContainingNamespace.IsGlobalNamespace: true }
        && metadataName.Length == Namespace.Length + 1 + named.MetadataName.Length
        && string.CompareOrdinal(metadataName, Namespace.Length + 1, named.MetadataName, 0, named.MetadataName.Length) == 0;

    /// <summary>The symbol's attribute of the MemAlign attribute class <paramref name="metadataName"/>, if any.</summary>
    public static AttributeData? Attribute(ISymbol symbol, string metadataName)
    {
        foreach (var attribute in symbol.GetAttributes())
        {
            if (Is(attribute.AttributeClass, metadataName))
            {
                return attribute;
            }
        }

        return null;
    }

    /// <summary>The T of the first base type that is <paramref name="baseMetadataName"/> (Judge`1 or Label`1).</summary>
    public static ITypeSymbol? BaseTypeArgument(INamedTypeSymbol type, string baseMetadataName)
    {
        for (var current = type.BaseType; current is not null; current = current.BaseType)
        {
            if (current.IsGenericType && Is(current.OriginalDefinition, baseMetadataName))
            {
                return current.TypeArguments[0];
            }
        }

        return null;
    }
}
