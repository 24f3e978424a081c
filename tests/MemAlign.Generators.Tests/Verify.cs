using MemAlign.CodeFixes;
using MemAlign.Generators.Analyzers;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace MemAlign.Generators.Tests;

/// <summary>Runs the MemAlign analyzers and code fixes through Microsoft.CodeAnalysis.Testing, offline.</summary>
internal static class Verify
{
    public const string Usings = "using MemAlign;\n";

    public static Task AnalyzerAsync<TAnalyzer>(string source)
        where TAnalyzer : DiagnosticAnalyzer, new()
    {
        var test = new CSharpAnalyzerTest<TAnalyzer, DefaultVerifier>
        {
            TestCode = Usings + source,
            ReferenceAssemblies = TestCompilation.NoReferenceAssemblies,
            // The generator does not run here, so the constructors it adds are missing: only MemAlign's diagnostics are checked.
            CompilerDiagnostics = CompilerDiagnostics.None,
        };
        TestCompilation.Configure(test.TestState);
        return test.RunAsync();
    }

    public static Task DeclarationsAsync(string source) => AnalyzerAsync<JudgeDeclarationAnalyzer>(source);

    public static Task CodeFixAsync<TFix>(string source, string fixedSource, int? iterations = null)
        where TFix : CodeFixProvider, new()
    {
        var test = new CSharpCodeFixTest<JudgeDeclarationAnalyzer, TFix, DefaultVerifier>
        {
            TestCode = Usings + source,
            FixedCode = Usings + fixedSource,
            ReferenceAssemblies = TestCompilation.NoReferenceAssemblies,
            CompilerDiagnostics = CompilerDiagnostics.None,
        };
        if (iterations is { } n)
        {
            test.NumberOfIncrementalIterations = n;
            test.NumberOfFixAllIterations = 1;
        }

        TestCompilation.Configure(test.TestState);
        TestCompilation.Configure(test.FixedState);
        return test.RunAsync();
    }

    public static Task RenameAsync(string source, string fixedSource, int? iterations = null) => CodeFixAsync<ReplaceNameCodeFixProvider>(source, fixedSource, iterations);
}
