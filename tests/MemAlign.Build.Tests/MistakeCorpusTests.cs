using Xunit.Abstractions;

namespace MemAlign.Build.Tests;

/// <summary>
/// The build-time promise, proved with 'dotnet build' of consumer projects from the packed package: each
/// judge mistake shows as its own MAJ diagnostic at its file and line, with no compiler error caused by
/// generated code, alone or all at once, next to the user's own C# errors, and under warnings-as-errors.
/// </summary>
public sealed class MistakeCorpusTests(ConsumerCorpus corpus, ITestOutputHelper output) : IClassFixture<ConsumerCorpus>
{
    public static TheoryData<string> EachMistake => new(ConsumerCorpus.Mistakes.Select(Path.GetFileName)!);

    [Fact]
    public void Every_mistake_at_once_shows_each_MAJ_diagnostic_at_its_line_and_no_compiler_error()
    {
        AssertExactly("all", ConsumerCorpus.Expected(ConsumerCorpus.Mistakes));
    }

    [Theory]
    [MemberData(nameof(EachMistake))]
    public void Each_mistake_alone_shows_its_own_diagnostics_only(string file)
    {
        var path = ConsumerCorpus.Mistakes.Single(m => Path.GetFileName(m) == file);
        var expected = ConsumerCorpus.Expected([path]);
        Assert.NotEmpty(expected);
        AssertExactly(ConsumerCorpus.AloneName(path), expected);
    }

    [Fact]
    public void An_error_in_a_method_body_elsewhere_leaves_every_MAJ_diagnostic_reported()
    {
        AssertExactly("body-error", ConsumerCorpus.Expected([.. ConsumerCorpus.Mistakes, Path.Combine(ConsumerCorpus.CorpusFolder, "Extra", "BodyError.cs")]));
    }

    [Fact]
    public void A_declaration_error_elsewhere_which_stops_the_analyzers_still_leaves_every_MAJ_diagnostic_reported()
    {
        AssertExactly("declaration-error", ConsumerCorpus.Expected([.. ConsumerCorpus.Mistakes, Path.Combine(ConsumerCorpus.CorpusFolder, "Extra", "DeclarationError.cs")]));
    }

    [Fact]
    public void Under_warnings_as_errors_the_mistakes_still_show_only_their_MAJ_diagnostics()
    {
        AssertExactly("warnings-as-errors", ConsumerCorpus.Expected(ConsumerCorpus.Mistakes));
    }

    [Fact]
    public void A_correct_project_builds_clean_under_warnings_as_errors_and_its_numeric_schema_takes_the_judges_scale()
    {
        var diagnostics = corpus.For("valid");
        Assert.True(diagnostics.Count == 0, string.Join("\n", diagnostics.Select(d => d.Text)));
        Assert.Contains("instance name: rating; constant: rating", corpus.ValidOutput);
        Assert.Contains("label schema: integer 1..3; comment Required", corpus.ValidOutput);
        Assert.Contains("aligned memory: 1 guideline(s), 2 example(s)", corpus.ValidOutput);
        Assert.Contains("label as feedback: rating = 3", corpus.ValidOutput);
        Assert.Contains("off the judge's scale", corpus.ValidOutput);
        Assert.Contains("conversation judge aligned: 2 example(s), the first keyed by '#1 user: My refund never came.'", corpus.ValidOutput);
    }

    [Fact]
    public void The_Helpfulness_samples_committed_memory_file_builds_clean_and_rewording_its_rubric_gives_the_stale_warning_at_the_file()
    {
        var clean = corpus.For("sample-helpfulness");
        Assert.True(clean.Count == 0, string.Join("\n", clean.Select(d => d.Text)));

        var stale = Assert.Single(corpus.For("sample-helpfulness-reworded"));
        var file = File.ReadAllLines(Path.Combine(ConsumerCorpus.HelpfulnessSample, "judges", "helpfulness.memalign.json"));
        Assert.Equal(("helpfulness.memalign.json", "warning", "MAJ013"), (stale.File, stale.Severity, stale.Id));
        Assert.Equal(Array.FindIndex(file, l => l.Contains("\"aligned_for\"", StringComparison.Ordinal)) + 1, stale.Line);
        Assert.Contains("rubric", stale.Message, StringComparison.Ordinal);
        Assert.Contains("memalign align --judge helpfulness --out", stale.Message, StringComparison.Ordinal);
    }

    private void AssertExactly(string project, IReadOnlyList<(string File, int Line, string Id)> expected)
    {
        var diagnostics = corpus.For(project);
        foreach (var diagnostic in diagnostics)
        {
            output.WriteLine(diagnostic.Text);
        }

        var actual = diagnostics.Select(d => (d.File, d.Line, d.Id)).Order().ToList();
        Assert.True(expected.SequenceEqual(actual),
            $"Project '{project}': expected\n  {string.Join("\n  ", expected)}\nbut the build printed\n  {string.Join("\n  ", diagnostics.Select(d => d.Text))}\n\nBuild log:\n{corpus.Log[^Math.Min(corpus.Log.Length, 4000)..]}");
        // MAJ013 (a stale memory file) is the one warning; under warnings-as-errors it fails the build too.
        Assert.All(diagnostics, d => Assert.Equal(d.Id == "MAJ013" && project != "warnings-as-errors" ? "warning" : "error", d.Severity));
    }
}
