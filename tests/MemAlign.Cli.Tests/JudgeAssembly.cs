using MemAlign.Generators;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace MemAlign.Cli.Tests;

/// <summary>
/// Compiles a judge assembly as a user's build would (the real generator adds the judges' members and
/// catalog), so 'judges register' can be given one whose declarations change between runs.
/// </summary>
internal static class JudgeAssembly
{
    public static string Compile(string folder, string name, string source)
    {
        var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Append(typeof(Judge).Assembly.Location)
            .Distinct()
            .Select(path => MetadataReference.CreateFromFile(path));
        var parseOptions = new CSharpParseOptions(LanguageVersion.Latest);
        var compilation = CSharpCompilation.Create(name,
            [CSharpSyntaxTree.ParseText(source, parseOptions, path: name + ".cs")],
            references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        CSharpGeneratorDriver.Create([new JudgeGenerator().AsSourceGenerator()], parseOptions: parseOptions).RunGeneratorsAndUpdateCompilation(compilation, out var generated, out var diagnostics);
        Assert.DoesNotContain(diagnostics, d => d.Severity == DiagnosticSeverity.Error);

        var path = Path.Combine(folder, name + ".dll");
        using (var file = File.Create(path))
        {
            var result = generated.Emit(file);
            Assert.True(result.Success, string.Join(Environment.NewLine, result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
        }

        return path;
    }

    /// <summary>A helpfulness judge with <paramref name="rubric"/>, and a module initializer that would leave <paramref name="marker"/> if anything ran the assembly.</summary>
    public static string Helpfulness(string folder, string name, string rubric, string marker, string valueType = "bool") => Compile(folder, name, $$"""
        using MemAlign;

        [Judge("helpfulness")]{{(valueType == "int" ? "\n[Scale(1, 5)]" : "")}}
        [Rubric({{SymbolDisplay.FormatLiteral(rubric, quote: true)}})]
        public partial class HelpfulnessJudge : Judge<{{valueType}}>;

        internal static class SideEffect
        {
            [System.Runtime.CompilerServices.ModuleInitializer]
            internal static void Run() => System.IO.File.WriteAllText({{SymbolDisplay.FormatLiteral(marker, quote: true)}}, "the assembly's code ran");
        }
        """);
}
