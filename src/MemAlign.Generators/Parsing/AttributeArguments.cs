using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace MemAlign.Generators.Parsing;

/// <summary>Reads attribute arguments and where they are written.</summary>
internal static class AttributeArguments
{
    /// <summary>The attribute's first constructor argument as a string (a name or a rubric), if it is one.</summary>
    public static string? FirstString(AttributeData attribute) =>
        attribute.ConstructorArguments.Length > 0 ? attribute.ConstructorArguments[0].Value as string : null;

    /// <summary>A named argument's value (<c>Model = "..."</c>), if given.</summary>
    public static object? Named(AttributeData attribute, string name) =>
        attribute.NamedArguments.FirstOrDefault(a => a.Key == name).Value.Value;

    /// <summary>The expression written for the argument at <paramref name="index"/>, if the attribute is in source.</summary>
    public static ExpressionSyntax? Expression(AttributeData attribute, int index, CancellationToken cancellationToken) =>
        attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken) is AttributeSyntax { ArgumentList: { } list } && list.Arguments.Count > index
            ? list.Arguments[index].Expression
            : null;

    /// <summary>Where the first argument is written, else the attribute, else the type's name.</summary>
    public static Location FirstArgumentLocation(AttributeData attribute, INamedTypeSymbol type, CancellationToken cancellationToken) =>
        Expression(attribute, 0, cancellationToken)?.GetLocation()
        ?? attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken).GetLocation()
        ?? Identifier(type);

    /// <summary>Whether the first argument is a plain string literal, which a code fix can rewrite (a constant cannot be).</summary>
    public static bool FirstIsLiteral(AttributeData attribute, CancellationToken cancellationToken) =>
        Expression(attribute, 0, cancellationToken) is LiteralExpressionSyntax { RawKind: (int)SyntaxKind.StringLiteralExpression };

    /// <summary>The type's name in its (first) declaration.</summary>
    public static Location Identifier(INamedTypeSymbol type) => type.Locations.FirstOrDefault() ?? Location.None;
}
