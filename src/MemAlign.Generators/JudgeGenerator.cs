using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using MemAlign.Alignment;
using MemAlign.Generators.Emitting;
using MemAlign.Generators.Memory;
using MemAlign.Generators.Model;
using MemAlign.Generators.Parsing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace MemAlign.Generators;

/// <summary>
/// Generates, for each [Judge] class, its name constant, definition, constructor and typed EvaluateAsync;
/// for each [LabelSchema] record, its schema and FromAssessment; and, for each, an assembly attribute that
/// records it as constants (the catalog tools read without running the assembly).
/// </summary>
/// <remarks>
/// It also reports the MAJ diagnostics, which the analyzers report too (for the IDE and code fixes): a
/// command-line build runs no analyzer once the user's code has a declaration error, but it always
/// reports a generator's diagnostics. Both make them with the same checks, and the compiler drops the
/// copy of a diagnostic already reported.
/// </remarks>
[Generator(LanguageNames.CSharp)]
public sealed class JudgeGenerator : IIncrementalGenerator
{
    /// <summary>Names of the pipeline steps, for caching tests.</summary>
    internal static class Steps
    {
        public const string Judges = "Judges";
        public const string LabelSchemas = "LabelSchemas";
        public const string ResolvedLabelSchemas = "ResolvedLabelSchemas";
        public const string MemoryFiles = "MemoryFiles";
        public const string JudgesWithMemory = "JudgesWithMemory";
    }

    /// <inheritdoc />
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var judges = context.SyntaxProvider
            .ForAttributeWithMetadataName(KnownTypes.JudgeAttribute, static (node, _) => node is TypeDeclarationSyntax,
                static (c, ct) => JudgeReader.Read((INamedTypeSymbol)c.TargetSymbol, c.Attributes[0], forGenerator: true, ct))
            .WithTrackingName(Steps.Judges);

        var labels = context.SyntaxProvider
            .ForAttributeWithMetadataName(KnownTypes.LabelSchemaAttribute, static (node, _) => node is TypeDeclarationSyntax,
                static (c, ct) => LabelSchemaReader.Read((INamedTypeSymbol)c.TargetSymbol, c.Attributes[0], forGenerator: true, ct))
            .WithTrackingName(Steps.LabelSchemas);

        // Label schemas see judges only by name and value type, so editing a rubric leaves them cached.
        var judgeKeys = judges.Where(static j => j.Entry is not null).Select(static (j, _) => j.Entry!.Key).Collect()
            .Select(static (keys, _) => new EquatableArray<JudgeKey>(LabelChecks.Ordered(keys)));
        var resolvedLabels = labels.Combine(judgeKeys)
            .Select(static (pair, _) => Resolve(pair.Left, pair.Right))
            .WithTrackingName(Steps.ResolvedLabelSchemas);

        // Memory files are read one by one (editing one re-reads only it) and joined to their judges by name:
        // every judge looks its file up again, but only the judge whose file changed gets a new model, so
        // only its code is written again.
        var projectDirectory = context.AnalyzerConfigOptionsProvider
            .Select(static (options, _) => options.GlobalOptions.TryGetValue("build_property.projectdir", out var directory) ? directory : null);
        var memoryFiles = context.AdditionalTextsProvider
            .Where(static text => text.Path.EndsWith(MemoryFileContract.FileSuffix, System.StringComparison.OrdinalIgnoreCase))
            .Combine(projectDirectory)
            .Select(static (pair, ct) => MemoryFileReader.Read(pair.Left.Path, DisplayPath(pair.Left.Path, pair.Right), pair.Left.GetText(ct), ct))
            .WithTrackingName(Steps.MemoryFiles);
        // One file given twice (the same path) is one file.
        var memoryIndex = memoryFiles.Collect()
            .Select(static (files, _) => new EquatableArray<MemoryFileSpec>(files.GroupBy(f => f.Path).Select(g => g.First()).OrderBy(f => f.Path, System.StringComparer.Ordinal)));
        var judgesWithMemory = judges.Where(static j => j.Spec is not null).Combine(memoryIndex)
            .Select(static (pair, _) => MemoryChecks.Apply(pair.Left.Spec!, MemoryOf(pair.Left.Spec!, pair.Right)))
            .WithTrackingName(Steps.JudgesWithMemory);

        context.RegisterSourceOutput(judgesWithMemory, static (output, j) => output.AddSource(j.Spec.Type.HintName("Judge"), JudgeEmitter.Emit(j.Spec)));
        context.RegisterSourceOutput(resolvedLabels.Where(static l => l.Spec is not null), static (output, l) => output.AddSource(l.Spec!.Type.HintName("LabelSchema"), LabelSchemaEmitter.Emit(l.Spec)));
        // Every finding, reported at the compilation's own syntax trees (see the remarks).
        var judgeFindings = judges.Select(static (j, _) => j.Findings).Collect();
        var duplicateFindings = judges.Where(static j => j.Entry is not null).Select(static (j, _) => j.Entry!).Collect()
            .Select(static (entries, _) => new EquatableArray<DiagnosticInfo>(entries.GroupBy(e => e.Key.Name).Where(g => g.Count() > 1)
                .SelectMany(g => g.Select(e => LabelChecks.Duplicate(e, g.Select(o => o.Key))!))));
        var labelFindings = resolvedLabels.Select(static (l, _) => l.Findings).Collect();
        var memoryFindings = memoryIndex.Combine(judgeKeys)
            .Select(static (pair, _) => new EquatableArray<DiagnosticInfo>(pair.Left.SelectMany(f => f.Findings)
                .Concat(pair.Left.Select(f => MemoryChecks.MissingJudge(f, pair.Right)).Where(f => f is not null).Select(f => f!))
                .Concat(MemoryChecks.Duplicates(pair.Left))))
            .Combine(judgesWithMemory.Select(static (j, _) => j.Findings).Collect())
            .Select(static (pair, _) => pair.Left.Concat(pair.Right.SelectMany(f => f)).ToImmutableArray());
        var findings = judgeFindings.Combine(duplicateFindings).Combine(labelFindings).Combine(memoryFindings)
            .Select(static (all, _) => all.Left.Left.Left.SelectMany(f => f).Concat(all.Left.Left.Right).Concat(all.Left.Right.SelectMany(f => f)).Concat(all.Right).ToImmutableArray());
        context.RegisterSourceOutput(findings.Combine(context.CompilationProvider), static (output, pair) =>
        {
            if (pair.Left.IsDefaultOrEmpty)
            {
                return;
            }

            var trees = new Dictionary<string, SyntaxTree>();
            foreach (var tree in pair.Right.SyntaxTrees)
            {
                trees[tree.FilePath] = tree;
            }

            foreach (var finding in pair.Left)
            {
                output.ReportDiagnostic(finding!.ToDiagnostic(path => trees.TryGetValue(path, out var tree) ? tree : null));
            }
        });
    }

    // A label schema with its value type resolved against its judge, and every finding (its own, then MAJ001/MAJ002).
    private static ResolvedLabelSchema Resolve(LabelSchemaDeclaration label, EquatableArray<JudgeKey> judges)
    {
        if (label.Reference is null)
        {
            return new ResolvedLabelSchema(label.Spec, label.Findings);
        }

        var (valueType, cross) = LabelChecks.Resolve(label.Reference, judges);
        var findings = new EquatableArray<DiagnosticInfo>(label.Findings.Concat(cross));
        var problems = label.Spec?.Problems.Concat(cross.Select(f => f.Id + ": " + f.Message)).ToList() ?? [];
        var resolved = valueType ?? label.Spec?.ValueType;
        if (resolved is { NeedsScale: true } && problems.Count == 0)
        {
            // The judge's own MAJ010 says why it has no scale to give.
            problems.Add($"judge '{label.Reference.Name}' has no valid scale for the schema to take.");
        }

        var spec = label.Spec is null ? null : label.Spec with { ValueType = resolved, Problems = new EquatableArray<string>(problems) };
        return new ResolvedLabelSchema(spec, findings);
    }

    // The one memory file of a judge; none when two claim it (MAJ014 says so) or the judge has no name.
    private static MemoryFileSpec? MemoryOf(JudgeSpec judge, EquatableArray<MemoryFileSpec> files)
    {
        MemoryFileSpec? found = null;
        foreach (var file in files)
        {
            if (judge.JudgeName is not null && file.JudgeName == judge.JudgeName)
            {
                if (found is not null)
                {
                    return null;
                }

                found = file;
            }
        }

        return found;
    }

    // The path as messages show it: relative to the project, with '/', when the file is inside it.
    private static string DisplayPath(string path, string? projectDirectory)
    {
        var display = path;
        if (projectDirectory is { Length: > 0 })
        {
            var directory = projectDirectory.Replace('\\', '/').TrimEnd('/') + "/";
            var normalized = path.Replace('\\', '/');
            if (normalized.StartsWith(directory, System.StringComparison.OrdinalIgnoreCase))
            {
                display = normalized.Substring(directory.Length);
            }
        }

        return display.Replace('\\', '/');
    }

    private sealed record ResolvedLabelSchema(LabelSchemaSpec? Spec, EquatableArray<DiagnosticInfo> Findings);
}
