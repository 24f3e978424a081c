using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace MemAlign.Generators.Parsing;

/// <summary>Whether a [Judge] class or [LabelSchema] record can take generated code, and why not.</summary>
/// <param name="Problem">Why it cannot, or <see langword="null"/> when it can.</param>
/// <param name="OnlyMissingPartial">Whether adding <c>partial</c> would fix it.</param>
internal sealed record DeclarationShape(string? Problem, bool OnlyMissingPartial)
{
    private static readonly DeclarationShape Fine = new(null, false);

    public bool CanGenerate => Problem is null;

    /// <summary>Checks the declaration: partial (and nested only in partial types), not generic, deriving from the right base.</summary>
    public static DeclarationShape Of(INamedTypeSymbol type, string baseMetadataName, string baseDisplay, CancellationToken cancellationToken)
    {
        if (type.IsGenericType)
        {
            return new("is generic; declare it as a non-generic class", false);
        }

        if (KnownTypes.BaseTypeArgument(type, baseMetadataName) is null)
        {
            return new($"does not derive from {baseDisplay}", false);
        }

        for (var outer = type.ContainingType; outer is not null; outer = outer.ContainingType)
        {
            if (!IsPartial(outer, cancellationToken))
            {
                return new($"is nested in '{outer.Name}', which is not partial", false);
            }
        }

        return IsPartial(type, cancellationToken) ? Fine : new("is not partial; the MemAlign generator needs to add to it", true);
    }

    private static bool IsPartial(INamedTypeSymbol type, CancellationToken cancellationToken)
    {
        if (type.DeclaringSyntaxReferences.Length == 0)
        {
            return false;
        }

        foreach (var reference in type.DeclaringSyntaxReferences)
        {
            if (reference.GetSyntax(cancellationToken) is not TypeDeclarationSyntax declaration || !declaration.Modifiers.Any(SyntaxKind.PartialKeyword))
            {
                return false;
            }
        }

        return true;
    }
}
