using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using MemAlign.Generators;
using MemAlign.Rubrics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace MemAlign.CodeFixes;

/// <summary>
/// Replaces a name with the analyzer's suggestion: a label schema's name with the closest judge name
/// (MAJ001), a rubric variable with the closest allowed one (MAJ003), a name with its lower_snake_case
/// form (MAJ009).
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ReplaceNameCodeFixProvider)), Shared]
public sealed class ReplaceNameCodeFixProvider : CodeFixProvider
{
    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } =
        [JudgeRuleIds.LabelSchemaWithoutJudge, JudgeRuleIds.UnknownVariable, JudgeRuleIds.NameNotSnakeCase];

    /// <inheritdoc />
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc />
    public override Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        foreach (var diagnostic in context.Diagnostics)
        {
            if (!diagnostic.Properties.TryGetValue(DiagnosticProperties.Suggestion, out var suggestion) || suggestion is null
                || !diagnostic.Properties.TryGetValue(DiagnosticProperties.Replace, out var mode))
            {
                continue;
            }

            var replacement = mode == DiagnosticProperties.ReplaceLiteral ? SymbolDisplay.FormatLiteral(suggestion, quote: true) : suggestion;
            var title = diagnostic.Id switch
            {
                JudgeRuleIds.LabelSchemaWithoutJudge => $"Rename to the judge '{suggestion}'",
                JudgeRuleIds.UnknownVariable => $"Use '{suggestion}'",
                _ => $"Rename to '{suggestion}'",
            };
            context.RegisterCodeFix(
                CodeAction.Create(title, ct => ReplaceAsync(context.Document, diagnostic.Location.SourceSpan, replacement, ct), equivalenceKey: diagnostic.Id), // one key per rule, so fix-all applies every suggestion
                diagnostic);
        }

        return Task.CompletedTask;
    }

    private static async Task<Document> ReplaceAsync(Document document, TextSpan span, string replacement, CancellationToken cancellationToken)
    {
        var text = await document.GetTextAsync(cancellationToken).ConfigureAwait(false);
        return document.WithText(text.WithChanges(new TextChange(span, replacement)));
    }
}
