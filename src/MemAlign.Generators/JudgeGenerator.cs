using System.Linq;
using MemAlign.Generators.Emitting;
using MemAlign.Generators.Model;
using MemAlign.Generators.Parsing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace MemAlign.Generators;

/// <summary>
/// Generates, for each [Judge] class, its definition, constructors and typed EvaluateAsync; for each
/// [LabelSchema] record, its schema and FromAssessment; and one catalog per assembly. Diagnostics come
/// from the analyzers, not from here.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class JudgeGenerator : IIncrementalGenerator
{
    /// <summary>Names of the pipeline steps, for caching tests.</summary>
    internal static class Steps
    {
        public const string Judges = "Judges";
        public const string LabelSchemas = "LabelSchemas";
        public const string Catalog = "Catalog";
    }

    /// <inheritdoc />
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var judges = context.SyntaxProvider
            .ForAttributeWithMetadataName(KnownNames.JudgeAttribute, static (node, _) => node is ClassDeclarationSyntax, JudgeParser.Parse)
            .Where(static spec => spec is not null)
            .Select(static (spec, _) => spec!)
            .WithTrackingName(Steps.Judges);

        var labels = context.SyntaxProvider
            .ForAttributeWithMetadataName(KnownNames.LabelSchemaAttribute, static (node, _) => node is RecordDeclarationSyntax, LabelSchemaParser.Parse)
            .Where(static spec => spec is not null)
            .Select(static (spec, _) => spec!)
            .WithTrackingName(Steps.LabelSchemas);

        var catalog = judges.Select(static (j, _) => j.Type.FullyQualifiedName).Collect()
            .Combine(labels.Select(static (l, _) => l.Type.FullyQualifiedName).Collect())
            .Select(static (pair, _) => new CatalogSpec(
                new EquatableArray<string>(pair.Left.OrderBy(n => n, System.StringComparer.Ordinal)),
                new EquatableArray<string>(pair.Right.OrderBy(n => n, System.StringComparer.Ordinal))))
            .WithTrackingName(Steps.Catalog);

        context.RegisterSourceOutput(judges, static (output, spec) => output.AddSource(spec.Type.HintName("Judge"), JudgeEmitter.Emit(spec)));
        context.RegisterSourceOutput(labels, static (output, spec) => output.AddSource(spec.Type.HintName("LabelSchema"), LabelSchemaEmitter.Emit(spec)));
        context.RegisterSourceOutput(catalog, static (output, spec) =>
        {
            if (spec.Judges.Count + spec.LabelSchemas.Count > 0)
            {
                output.AddSource("MemAlignCatalog.g.cs", CatalogEmitter.Emit(spec));
            }
        });
    }
}
