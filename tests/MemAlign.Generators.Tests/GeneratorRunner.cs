using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace MemAlign.Generators.Tests;

/// <summary>Runs the generator with step tracking, the way the IDE runs it between edits.</summary>
internal static class GeneratorRunner
{
    public static GeneratorDriver CreateDriver() => CSharpGeneratorDriver.Create(
        [new JudgeGenerator().AsSourceGenerator()],
        parseOptions: TestCompilation.ParseOptions,
        driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    /// <summary>Runs the generator on code it should find nothing wrong with.</summary>
    public static (GeneratorDriver Driver, Compilation Output, GeneratorDriverRunResult Result) Run(Compilation input, GeneratorDriver? driver = null)
    {
        var (next, output, result, diagnostics) = RunReporting(input, driver);
        Assert.Empty(diagnostics);
        return (next, output, result);
    }

    /// <summary>Runs the generator and returns what it reported too.</summary>
    public static (GeneratorDriver Driver, Compilation Output, GeneratorDriverRunResult Result, IReadOnlyList<Diagnostic> Diagnostics) RunReporting(Compilation input, GeneratorDriver? driver = null)
    {
        driver = (driver ?? CreateDriver()).RunGeneratorsAndUpdateCompilation(input, out var output, out var diagnostics);
        return (driver, output, driver.GetRunResult(), diagnostics);
    }
}
