using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Testing;

namespace MemAlign.Generators.Tests;

/// <summary>Compilations of user code against the real runtime (this process's framework, MemAlign and Microsoft.Extensions.AI), offline.</summary>
internal static class TestCompilation
{
    public static readonly ImmutableArray<MetadataReference> References = CreateReferences();

    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest, DocumentationMode.Parse);

    public static CSharpCompilation Create(params string[] sources) => CSharpCompilation.Create(
        "UserAssembly",
        sources.Select((s, i) => CSharpSyntaxTree.ParseText(s, ParseOptions, path: $"User{i}.cs")),
        References,
        new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, generalDiagnosticOption: ReportDiagnostic.Error));

    /// <summary>The same references for the Roslyn testing library, with no reference-pack download.</summary>
    public static void Configure(SolutionState state)
    {
        state.AdditionalReferences.AddRange(References);
    }

    public static ReferenceAssemblies NoReferenceAssemblies { get; } = new("net10.0");

    private static ImmutableArray<MetadataReference> CreateReferences()
    {
        var paths = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(p => Path.GetFileName(p) is var name && (name.StartsWith("System.", StringComparison.Ordinal) || name is "mscorlib.dll" or "netstandard.dll"))
            .Append(typeof(Judge<>).Assembly.Location)
            .Append(typeof(Microsoft.Extensions.AI.IChatClient).Assembly.Location);
        return [.. paths.GroupBy(Path.GetFileName).Select(g => (MetadataReference)MetadataReference.CreateFromFile(g.First()))];
    }

    public static string ProjectDirectory([CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;
}
