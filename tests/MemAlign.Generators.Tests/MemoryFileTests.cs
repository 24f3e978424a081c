using MemAlign.Alignment;
using Microsoft.CodeAnalysis;

namespace MemAlign.Generators.Tests;

/// <summary>
/// The generator and *.memalign.json files: which judge gets which memory, and MAJ012-MAJ014 at the line
/// of the file where the problem is.
/// </summary>
public class MemoryFileTests
{
    private const string RatingPath = "/project/judges/rating.memalign.json";

    [Fact]
    public void A_valid_memory_file_gives_no_diagnostic_and_is_compiled_into_its_judge_only()
    {
        var json = MemoryFiles.Rating();
        var (_, _, diagnostics, result) = MemoryFiles.Run(TestCompilation.Create(MemoryFiles.RatingJudge, Sources.Judges), MemoryFiles.File(RatingPath, json));

        Assert.Empty(diagnostics);
        var rating = Generated(result, "Support.Rating.Judge.g.cs");
        Assert.Contains("global::MemAlign.JudgeMemoryFile.FromCheckedSource(@\"{", rating);
        Assert.Contains(": base(JudgeDefinition, chatClient, options, MemAlignCompiledMemory.Value)", rating);
        Assert.Contains("(1 guideline(s), 3 example(s))", rating);
        // The text is compiled in as written (a verbatim literal doubles its quotes).
        Assert.Contains(json.Replace("\"", "\"\"").TrimEnd(), rating);
        Assert.DoesNotContain("JudgeMemoryFile", Generated(result, "Support.DomainQuality.Judge.g.cs"));
    }

    [Fact]
    public void The_compiled_in_memory_makes_new_Judge_the_aligned_judge_with_no_store()
    {
        var (_, output, diagnostics, _) = MemoryFiles.Run(TestCompilation.Create(MemoryFiles.RatingJudge), MemoryFiles.File(RatingPath, MemoryFiles.Rating()));
        Assert.Empty(diagnostics);
        using var image = new MemoryStream();
        var emit = output.Emit(image);
        Assert.True(emit.Success, string.Join("\n", emit.Diagnostics));
        var context = new System.Runtime.Loader.AssemblyLoadContext("memory", isCollectible: true);
        try
        {
            image.Position = 0;
            var type = context.LoadFromStream(image).GetType("Support.Rating")!;
            var judge = (Judge)Activator.CreateInstance(type, new RecordingChatClient(), null)!;

            Assert.NotNull(judge.MemoryFile);
            Assert.Equal("rating", judge.MemoryFile!.JudgeName);
            Assert.Equal(["Prefer answers that name the order number."], judge.MemoryFile.Guidelines.Select(g => g.Text));
            Assert.Equal(["t1", "t2", "t3"], judge.MemoryFile.Examples.Select(e => e.TraceId));
            Assert.Contains("Prefer answers that name the order number.", judge.Instructions);
        }
        finally
        {
            context.Unload();
        }
    }

    [Fact]
    public void A_memory_file_for_an_undeclared_judge_is_MAJ012_at_the_judge_name_with_the_closest_name()
    {
        var json = MemoryFiles.Json("ratng", MemoryFiles.RatingRubric, MemoryFiles.Scale1To5, MemoryFiles.Example("t1", "4"));
        var (_, _, diagnostics, _) = MemoryFiles.Run(TestCompilation.Create(MemoryFiles.RatingJudge), MemoryFiles.File(RatingPath, json));

        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal("MAJ012", diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Contains("judge 'ratng', which is not declared in this compilation (did you mean 'rating'?)", diagnostic.GetMessage());
        AssertAt(diagnostic, RatingPath, MemoryFiles.LineOf(json, "\"judge\""));
    }

    [Fact]
    public void A_reworded_rubric_is_a_MAJ013_warning_that_says_so_and_how_to_realign_and_the_memory_is_still_compiled_in()
    {
        var json = MemoryFiles.Rating(rubric: "Rate {{ outputs }} for {{ inputs }}, 1 to 5.");
        var (_, _, diagnostics, result) = MemoryFiles.Run(TestCompilation.Create(MemoryFiles.RatingJudge), MemoryFiles.File(RatingPath, json));

        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal("MAJ013", diagnostic.Id);
        // A warning (the test compilation treats warnings as errors, as the corpus's strict project does).
        Assert.Equal(DiagnosticSeverity.Warning, diagnostic.DefaultSeverity);
        var message = diagnostic.GetMessage();
        Assert.Contains("the rubric was reworded since judge 'rating' was aligned", message);
        Assert.Contains($"memalign align --judge rating --out {RatingPath}", message);
        Assert.Contains($"set \"aligned_for.rubric_sha256\" to \"{MemoryFileContract.RubricHash(MemoryFiles.RatingRubric)}\"", message);
        Assert.DoesNotContain("scale", message);
        AssertAt(diagnostic, RatingPath, MemoryFiles.LineOf(json, "\"aligned_for\""));
        Assert.Contains("MemAlignCompiledMemory.Value", Generated(result, "Support.Rating.Judge.g.cs"));
    }

    [Fact]
    public void A_changed_scale_is_MAJ013_naming_both_scales_and_an_example_off_the_new_scale_is_MAJ014_at_its_line()
    {
        var judge = MemoryFiles.RatingJudge.Replace("Scale(1, 5)", "Scale(1, 3)");
        var json = MemoryFiles.Rating();
        var (_, output, diagnostics, result) = MemoryFiles.Run(TestCompilation.Create(judge), MemoryFiles.File(RatingPath, json));

        Assert.Equal(["MAJ013", "MAJ014", "MAJ014"], diagnostics.Select(d => d.Id).Order());
        Assert.Contains("the scale changed from 1..5 to 1..3", diagnostics.Single(d => d.Id == "MAJ013").GetMessage());
        var lines = diagnostics.Where(d => d.Id == "MAJ014").Select(d => d.Location.GetLineSpan().StartLinePosition.Line + 1).Order().ToList();
        Assert.Equal([MemoryFiles.LineOf(json, "\"value\": 4"), MemoryFiles.LineOf(json, "\"value\": 5")], lines);
        Assert.Contains(diagnostics, d => d.GetMessage().Contains("example 't1-a' (trace 't1') has the value 4, which judge 'rating' (integer 1..3) does not allow: 4 is outside the scale 1..3.", StringComparison.Ordinal));
        // The runtime would refuse this memory, so the judge is built without it, and its code still compiles.
        Assert.DoesNotContain("JudgeMemoryFile", Generated(result, "Support.Rating.Judge.g.cs"));
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
    }

    [Fact]
    public void A_JSON_syntax_error_is_MAJ014_at_its_line_and_column_and_the_judge_is_built_without_memory()
    {
        var json = MemoryFiles.Rating().Replace("\"retrieval_k\": 3,", "\"retrieval_k\": 3");
        var (_, output, diagnostics, result) = MemoryFiles.Run(TestCompilation.Create(MemoryFiles.RatingJudge), MemoryFiles.File(RatingPath, json));

        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal("MAJ014", diagnostic.Id);
        Assert.Contains("the JSON is not valid", diagnostic.GetMessage());
        // The reader stops at the next property name, which lacks the comma before it.
        var line = MemoryFiles.LineOf(json, "\"guidelines\"");
        AssertAt(diagnostic, RatingPath, line);
        Assert.Equal(json.Split('\n')[line - 1].IndexOf('"', StringComparison.Ordinal), diagnostic.Location.GetLineSpan().StartLinePosition.Character);
        Assert.DoesNotContain("JudgeMemoryFile", Generated(result, "Support.Rating.Judge.g.cs"));
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
    }

    [Theory]
    [InlineData("\"format\": \"memalign-judge-memory/2\"", "\"format\": \"memalign-judge-memory/9\"", "\"format\"", "unknown format version 'memalign-judge-memory/9'")]
    [InlineData("\"retrieval_k\": 3,", "", "{", "the file has no \"retrieval_k\"")]
    [InlineData("\"distilled\": true", "\"distilled\": \"yes\"", "\"distilled\"", "\"distilled\" must be true or false")]
    [InlineData("\"version\": 1,", "\"version\": 1, \"notes\": \"x\",", "\"version\"", "unknown property \"notes\" in the file")]
    [InlineData("\"rubric_sha256\": \"", "\"rubric_sha256\": \"ABC", "\"rubric_sha256\"", "64 lowercase hex digits")]
    public void A_file_the_runtime_would_refuse_is_MAJ014_at_the_line_of_the_problem(string find, string replace, string lineOf, string reason)
    {
        var original = MemoryFiles.Rating();
        var json = ReplaceFirst(original, find, replace);
        var (_, _, diagnostics, _) = MemoryFiles.Run(TestCompilation.Create(MemoryFiles.RatingJudge), MemoryFiles.File(RatingPath, json));

        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal("MAJ014", diagnostic.Id);
        Assert.Contains(reason, diagnostic.GetMessage());
        AssertAt(diagnostic, RatingPath, MemoryFiles.LineOf(json, lineOf));
    }

    /// <summary>
    /// One example per trace (issue 26): "reviewers" and "weight" are optional, so files with "reviewer" read unchanged; the
    /// generator and the runtime reader accept and refuse the same files, for the same reason, at the same line.
    /// </summary>
    [Theory]
    [InlineData("\"reviewer\": \"ana\",", "\"reviewers\": [\"ana\", \"ben\"], \"weight\": 2,", null, null)]
    [InlineData("\"reviewer\": \"ana\",", "\"weight\": 3,", null, null)]
    [InlineData("\"reviewer\": \"ana\",", "\"reviewer\": \"ana\", \"reviewers\": [\"ben\"],", "\"reviewers\"", "\"reviewer\" or \"reviewers\", not both")]
    [InlineData("\"reviewer\": \"ana\",", "\"reviewers\": [\"ana\", \"ana\"], \"weight\": 2,", "\"reviewers\"", "the reviewer 'ana' is listed twice")]
    [InlineData("\"reviewer\": \"ana\",", "\"reviewers\": [\"ana\", \"ben\"],", "\"reviewers\"", "\"weight\" is 1, but the example lists 2 reviewers")]
    [InlineData("\"reviewer\": \"ana\",", "\"reviewers\": [\"ana\", \" \"], \"weight\": 2,", "\"reviewers\"", "must not hold a blank reviewer")]
    [InlineData("\"reviewer\": \"ana\",", "\"reviewer\": \"ana\", \"weight\": 0,", "\"weight\"", "weight\" must be a whole number of at least 1")]
    public void Reviewers_and_weight_are_read_alike_by_the_generator_and_the_runtime(string find, string replace, string? lineOf, string? reason)
    {
        var json = ReplaceFirst(MemoryFiles.Rating(), find, replace);

        var (_, _, diagnostics, _) = MemoryFiles.Run(TestCompilation.Create(MemoryFiles.RatingJudge), MemoryFiles.File(RatingPath, json));
        var runtime = Record.Exception(() => JudgeMemoryFile.Parse(json, RatingPath));

        if (reason is null)
        {
            Assert.Empty(diagnostics);
            Assert.Null(runtime);
            var first = JudgeMemoryFile.Parse(json).Examples[0];
            Assert.Equal(replace.Contains("ben", StringComparison.Ordinal) ? ["ana", "ben"] : Array.Empty<string>(), first.Reviewers);
            Assert.Equal(replace.Contains("\"weight\": 3", StringComparison.Ordinal) ? 3 : 2, first.Weight);
            return;
        }

        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal("MAJ014", diagnostic.Id);
        Assert.Contains(reason, diagnostic.GetMessage());
        AssertAt(diagnostic, RatingPath, MemoryFiles.LineOf(json, lineOf!));
        var refused = Assert.IsType<JudgeMemoryFileException>(runtime);
        Assert.Contains(reason, refused.Message);
        Assert.Equal(MemoryFiles.LineOf(json, lineOf!), refused.Line);
    }

    [Theory]
    [InlineData("7", "7 is outside the scale 1..5")]
    [InlineData("2.5", "expected a whole number")]
    [InlineData("\"4\"", "write 4")]
    [InlineData("true", "expected a number")]
    public void An_example_value_outside_the_scale_is_MAJ014_at_the_examples_line(string value, string reason)
    {
        var json = MemoryFiles.Rating(secondValue: value);
        var (_, _, diagnostics, _) = MemoryFiles.Run(TestCompilation.Create(MemoryFiles.RatingJudge), MemoryFiles.File(RatingPath, json));

        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal("MAJ014", diagnostic.Id);
        Assert.Contains("example 't2-a' (trace 't2')", diagnostic.GetMessage());
        Assert.Contains(reason, diagnostic.GetMessage());
        AssertAt(diagnostic, RatingPath, MemoryFiles.LineOf(json, $"\"value\": {value}"));
    }

    [Fact]
    public void A_categorical_example_must_be_one_of_the_options_as_spelled()
    {
        var options = """{ "kind": "categorical", "options": ["Excellent", "Good", "Fair", "Poor"] }""";
        var json = MemoryFiles.Json("product_quality", "Rate the description in {{ outputs }} for {{ inputs }}.", options,
            MemoryFiles.Example("t1", "\"Good\""), MemoryFiles.Example("t2", "\"good\""), MemoryFiles.Example("t3", "\"Superb\""));
        var (_, _, diagnostics, _) = MemoryFiles.Run(TestCompilation.Create(Sources.Judges), MemoryFiles.File("/p/q.memalign.json", json));

        Assert.Equal(2, diagnostics.Count);
        Assert.All(diagnostics, d => Assert.Equal("MAJ014", d.Id));
        Assert.Contains(diagnostics, d => d.GetMessage().Contains("write \"Good\"", StringComparison.Ordinal) && Line(d) == MemoryFiles.LineOf(json, "\"good\""));
        Assert.Contains(diagnostics, d => d.GetMessage().Contains("not one of the options (Excellent, Good, Fair, Poor)", StringComparison.Ordinal) && Line(d) == MemoryFiles.LineOf(json, "\"Superb\""));
    }

    [Fact]
    public void Two_memory_files_for_one_judge_are_each_MAJ014_and_neither_is_compiled_in()
    {
        var json = MemoryFiles.Rating();
        var (_, _, diagnostics, result) = MemoryFiles.Run(TestCompilation.Create(MemoryFiles.RatingJudge),
            MemoryFiles.File("/project/a/rating.memalign.json", json), MemoryFiles.File("/project/b/rating.memalign.json", json));

        Assert.Equal(2, diagnostics.Count);
        Assert.All(diagnostics, d => Assert.Equal("MAJ014", d.Id));
        Assert.Contains(diagnostics, d => d.Location.GetLineSpan().Path == "/project/a/rating.memalign.json" && d.GetMessage().Contains("also has the memory file '/project/b/rating.memalign.json'", StringComparison.Ordinal));
        Assert.Contains(diagnostics, d => d.Location.GetLineSpan().Path == "/project/b/rating.memalign.json" && d.GetMessage().Contains("also has the memory file '/project/a/rating.memalign.json'", StringComparison.Ordinal));
        Assert.DoesNotContain("JudgeMemoryFile", Generated(result, "Support.Rating.Judge.g.cs"));
    }

    [Fact]
    public void The_same_file_given_twice_is_one_file()
    {
        var json = MemoryFiles.Rating();
        var (_, _, diagnostics, result) = MemoryFiles.Run(TestCompilation.Create(MemoryFiles.RatingJudge), MemoryFiles.File(RatingPath, json), MemoryFiles.File(RatingPath, json));

        Assert.Empty(diagnostics);
        Assert.Contains("MemAlignCompiledMemory", Generated(result, "Support.Rating.Judge.g.cs"));
    }

    [Fact]
    public void Mistakes_in_two_judges_files_are_each_reported_and_the_generated_code_compiles()
    {
        var broken = MemoryFiles.Rating().Replace("\"embedding\": {", "\"embedding\": {{");
        var options = """{ "kind": "categorical", "options": ["Excellent", "Good", "Fair", "Poor"] }""";
        var offScale = MemoryFiles.Json("product_quality", "Rate the description in {{ outputs }} for {{ inputs }}.", options, MemoryFiles.Example("t1", "\"Superb\""));
        var (_, output, diagnostics, _) = MemoryFiles.Run(TestCompilation.Create(MemoryFiles.RatingJudge, Sources.Judges, Sources.Usage),
            MemoryFiles.File(RatingPath, broken), MemoryFiles.File("/project/judges/product_quality.memalign.json", offScale));

        Assert.Equal(2, diagnostics.Count);
        Assert.Contains(diagnostics, d => d.Location.GetLineSpan().Path == RatingPath && Line(d) == MemoryFiles.LineOf(broken, "\"embedding\""));
        Assert.Contains(diagnostics, d => d.Location.GetLineSpan().Path.EndsWith("product_quality.memalign.json", StringComparison.Ordinal) && Line(d) == MemoryFiles.LineOf(offScale, "\"Superb\""));
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
    }

    [Fact]
    public void Editing_one_memory_file_rereads_that_file_and_regenerates_only_its_judge()
    {
        var judges = Enumerable.Range(0, 4).Select(i => $"using MemAlign; [Judge(\"judge_{i}\"), Rubric(\"Judge {i}: {{{{ outputs }}}}\")] public partial class Judge{i} : Judge<bool>;").ToArray();
        var files = Enumerable.Range(0, 4).Select(i => MemoryFiles.File($"/p/judge_{i}.memalign.json",
            MemoryFiles.Json($"judge_{i}", $"Judge {i}: {{{{ outputs }}}}", """{ "kind": "boolean" }""", MemoryFiles.Example("t1", "true")))).ToArray();
        var compilation = TestCompilation.Create(judges);
        var driver = MemoryFiles.Driver(files).RunGenerators(compilation);

        var edited = MemoryFiles.File(files[2].Path, files[2].GetText()!.ToString().Replace("\"t1-a\"", "\"t1-b\""));
        var second = driver.ReplaceAdditionalText(files[2], edited).RunGenerators(compilation.Clone()).GetRunResult();

        var read = second.Results[0].TrackedSteps[JudgeGenerator.Steps.MemoryFiles].SelectMany(s => s.Outputs).ToList();
        Assert.Single(read, o => o.Reason == IncrementalStepRunReason.Modified);
        Assert.Equal(3, read.Count(o => o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged));
        var judged = second.Results[0].TrackedSteps[JudgeGenerator.Steps.JudgesWithMemory].SelectMany(s => s.Outputs).ToList();
        var modified = Assert.Single(judged, o => o.Reason == IncrementalStepRunReason.Modified);
        Assert.Equal("judge_2", ((Memory.JudgeWithMemory)modified.Value).Spec.JudgeName);
        Assert.Equal(3, judged.Count(o => o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged));
        Assert.Empty(second.Diagnostics);
    }

    [Fact]
    public void An_unchanged_run_with_memory_files_is_fully_cached_and_holds_no_Roslyn_object()
    {
        var compilation = TestCompilation.Create(MemoryFiles.RatingJudge);
        var driver = MemoryFiles.Driver(MemoryFiles.File(RatingPath, MemoryFiles.Rating())).RunGenerators(compilation);

        var second = driver.RunGenerators(compilation.Clone()).GetRunResult();

        foreach (var step in new[] { JudgeGenerator.Steps.MemoryFiles, JudgeGenerator.Steps.JudgesWithMemory })
        {
            var outputs = second.Results[0].TrackedSteps[step].SelectMany(s => s.Outputs).ToList();
            Assert.NotEmpty(outputs);
            Assert.All(outputs, o => Assert.True(o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"{step}: {o.Reason}"));
            Assert.All(outputs, o => Assert.False(o.Value is ISymbol or SyntaxNode or Location or Compilation));
        }
    }

    private static string Generated(GeneratorDriverRunResult result, string file) =>
        result.GeneratedTrees.Single(t => Path.GetFileName(t.FilePath) == file).GetText().ToString();

    private static int Line(Diagnostic diagnostic) => diagnostic.Location.GetLineSpan().StartLinePosition.Line + 1;

    private static void AssertAt(Diagnostic diagnostic, string path, int line)
    {
        var span = diagnostic.Location.GetLineSpan();
        Assert.Equal(path, span.Path);
        Assert.True(line == span.StartLinePosition.Line + 1, $"expected line {line}, got {span.StartLinePosition.Line + 1}: {diagnostic}");
    }

    private static string ReplaceFirst(string text, string find, string replace)
    {
        var at = text.IndexOf(find, StringComparison.Ordinal);
        Assert.True(at >= 0, $"'{find}' is not in the file");
        return text[..at] + replace + text[(at + find.Length)..];
    }
}
