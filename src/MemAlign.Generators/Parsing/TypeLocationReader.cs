using System.Collections.Generic;
using MemAlign.Generators.Model;
using Microsoft.CodeAnalysis;

namespace MemAlign.Generators.Parsing;

/// <summary>Describes where a partial type lives, as text the emitter can reopen it with.</summary>
internal static class TypeLocationReader
{
    public static TypeLocation Read(INamedTypeSymbol type)
    {
        var containing = new List<string>();
        for (var outer = type.ContainingType; outer is not null; outer = outer.ContainingType)
        {
            containing.Insert(0, Declaration(outer));
        }

        var ns = type.ContainingNamespace is { IsGlobalNamespace: false } n ? n.ToDisplayString() : null;
        return new TypeLocation(ns, new EquatableArray<string>(containing), Declaration(type), type.Name,
            type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat));
    }

    private static string Declaration(INamedTypeSymbol type)
    {
        var keyword = type switch
        {
            { IsRecord: true, TypeKind: TypeKind.Struct } => "record struct",
            { IsRecord: true } => "record",
            { TypeKind: TypeKind.Struct } => "struct",
            { TypeKind: TypeKind.Interface } => "interface",
            _ => "class",
        };
        return $"partial {keyword} {type.Name}";
    }
}
