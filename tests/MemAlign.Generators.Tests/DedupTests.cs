using MemAlign.Generators.Analyzers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace MemAlign.Generators.Tests;

/// <summary>
/// The generator reports every MAJ diagnostic the analyzers report (a command-line build runs no analyzer
/// after a declaration error), and the compiler drops a diagnostic equal to one already reported: the two
/// copies must be equal diagnostics, or a build would print each mistake twice.
/// </summary>
public class DedupTests
{
    [Fact]
    public async Task The_generator_and_the_analyzers_report_equal_diagnostics_for_every_rule()
    {
        var sources = Directory.GetFiles(Path.Combine(TestCompilation.ProjectDirectory(), "..", "MemAlign.Build.Tests", "Corpus", "Mistakes"), "*.cs")
            .Select(File.ReadAllText).ToArray();
        var (_, output, _, generated) = GeneratorRunner.RunReporting(TestCompilation.Create(sources));

        var analyzed = await output.WithAnalyzers([new JudgeDeclarationAnalyzer()]).GetAnalyzerDiagnosticsAsync();

        // Every rule a C# declaration alone can break (MAJ011 is retired; MAJ012-MAJ014 need a memory file).
        string[] declarationRules = ["MAJ001", "MAJ002", "MAJ003", "MAJ004", "MAJ005", "MAJ006", "MAJ007", "MAJ008", "MAJ009", "MAJ010", "MAJ015", "MAJ016"];
        Assert.Equal(declarationRules, generated.Select(d => d.Id).Distinct().Order());
        Assert.Equal(generated.Count, analyzed.Length);
        foreach (var diagnostic in generated)
        {
            Assert.Contains(diagnostic, analyzed);
        }
    }
}
