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

/// <summary>Adds the <c>partial</c> modifier to a [Judge] class or [LabelSchema] record (MAJ008).</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(MakePartialCodeFixProvider)), Shared]
public sealed class MakePartialCodeFixProvider : CodeFixProvider
{
    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = [JudgeRuleIds.InvalidJudgeDeclaration];

    /// <inheritdoc />
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc />
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        foreach (var diagnostic in context.Diagnostics.Where(d => d.Properties.ContainsKey(DiagnosticProperties.MakePartial)))
        {
            if (root?.FindNode(diagnostic.Location.SourceSpan) is TypeDeclarationSyntax declaration && !declaration.Modifiers.Any(SyntaxKind.PartialKeyword))
            {
                context.RegisterCodeFix(
                    CodeAction.Create("Make it partial", ct => MakePartialAsync(context.Document, declaration, ct), equivalenceKey: "MakePartial"),
                    diagnostic);
            }
        }
    }

    private static async Task<Document> MakePartialAsync(Document document, TypeDeclarationSyntax declaration, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        // 'partial' goes last among the modifiers, just before the keyword (public sealed partial class).
        var partial = SyntaxFactory.Token(SyntaxKind.PartialKeyword).WithTrailingTrivia(SyntaxFactory.Space);
        var updated = declaration.Modifiers.Count == 0
            ? declaration.WithoutLeadingTrivia().WithModifiers(SyntaxFactory.TokenList(partial.WithLeadingTrivia(declaration.GetLeadingTrivia())))
            : declaration.WithModifiers(declaration.Modifiers.Add(partial));
        return document.WithSyntaxRoot(root!.ReplaceNode(declaration, updated));
    }
}
