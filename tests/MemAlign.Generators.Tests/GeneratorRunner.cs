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

    public static (GeneratorDriver Driver, Compilation Output, GeneratorDriverRunResult Result) Run(Compilation input, GeneratorDriver? driver = null)
    {
        driver = (driver ?? CreateDriver()).RunGeneratorsAndUpdateCompilation(input, out var output, out var diagnostics);
        Assert.Empty(diagnostics);
        return (driver, output, driver.GetRunResult());
    }
}
