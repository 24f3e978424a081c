using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using MemAlign.Generators;
using MemAlign.Rubrics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace MemAlign.CodeFixes;

/// <summary>
/// Writes the scale a value type needs: the judge's scale on a label schema that states another (MAJ002) or
/// another "not applicable" value (MAJ015, <c>[Scale(1, 3, NotApplicable = 0)]</c>),
/// and [Scale(1, 5)] on a numeric judge without one, or in place of an invalid scale (MAJ010).
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ScaleCodeFixProvider)), Shared]
public sealed class ScaleCodeFixProvider : CodeFixProvider
{
    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = [JudgeRuleIds.LabelSchemaTypeMismatch, JudgeRuleIds.InvalidValueType, JudgeRuleIds.LabelSchemaNotApplicableMismatch];

    /// <inheritdoc />
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc />
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        foreach (var diagnostic in context.Diagnostics)
        {
            if (diagnostic.Properties.TryGetValue(DiagnosticProperties.Scale, out var scale) && scale is not null
                && root?.FindNode(diagnostic.Location.SourceSpan)?.FirstAncestorOrSelf<TypeDeclarationSyntax>() is { } declaration)
            {
                context.RegisterCodeFix(
                    CodeAction.Create($"Use [Scale({scale})]", ct => SetScaleAsync(context.Document, declaration, scale, ct), equivalenceKey: "Scale:" + diagnostic.Id),
                    diagnostic);
            }
        }
    }

    private static async Task<Document> SetScaleAsync(Document document, TypeDeclarationSyntax declaration, string scale, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var attribute = SyntaxFactory.ParseAttributeArgumentList("(" + scale + ")");
        var existing = declaration.AttributeLists.SelectMany(l => l.Attributes).FirstOrDefault(IsScale);
        TypeDeclarationSyntax updated;
        if (existing is not null)
        {
            updated = declaration.ReplaceNode(existing, existing.WithArgumentList(attribute));
        }
        else if (declaration.AttributeLists.Count > 0)
        {
            // [Judge("x"), Rubric("...")] becomes [Judge("x"), Rubric("..."), Scale(1, 5)].
            var last = declaration.AttributeLists[declaration.AttributeLists.Count - 1];
            updated = declaration.ReplaceNode(last, last.AddAttributes(SyntaxFactory.Attribute(SyntaxFactory.IdentifierName("Scale"), attribute)));
        }
        else
        {
            updated = declaration.AddAttributeLists(SyntaxFactory.AttributeList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Attribute(SyntaxFactory.IdentifierName("Scale"), attribute))));
        }

        return document.WithSyntaxRoot(root!.ReplaceNode(declaration, updated));
    }

    private static bool IsScale(AttributeSyntax attribute) =>
        (attribute.Name is QualifiedNameSyntax qualified ? qualified.Right.Identifier.ValueText : (attribute.Name as IdentifierNameSyntax)?.Identifier.ValueText) is "Scale" or "ScaleAttribute";
}
