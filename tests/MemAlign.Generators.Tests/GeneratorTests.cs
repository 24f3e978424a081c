using System.Collections;
using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace MemAlign.Generators.Tests;

public class GeneratorTests
{
    private static readonly string BaselineDirectory = Path.Combine(TestCompilation.ProjectDirectory(), "Baselines");

    [Fact]
    public void Generated_code_compiles_with_no_diagnostic_under_nullable_and_warnings_as_errors()
    {
        var (_, output, result) = GeneratorRunner.Run(TestCompilation.Create(Sources.Judges, Sources.Usage));

        Assert.Equal(
            ["Support.DomainQuality.Judge.g.cs", "Support.Helpfulness.Judge.g.cs", "Support.HelpfulnessLabel.LabelSchema.g.cs", "Support.ProductQualityJudge.Judge.g.cs"],
            result.GeneratedTrees.Select(t => Path.GetFileName(t.FilePath)).Order());
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning));
    }

    /// <summary>
    /// Generated code is compared with the files in Baselines/. After an intended change to the
    /// emitters, run the tests once with MEMALIGN_UPDATE_BASELINES=1 to rewrite them, and review the diff.
    /// </summary>
    [Fact]
    public void Generated_code_matches_the_baselines()
    {
        var (_, _, result) = GeneratorRunner.Run(TestCompilation.Create(Sources.Judges));
        var update = Environment.GetEnvironmentVariable("MEMALIGN_UPDATE_BASELINES") == "1";

        foreach (var tree in result.GeneratedTrees)
        {
            var path = Path.Combine(BaselineDirectory, Path.GetFileName(tree.FilePath));
            var actual = tree.GetText().ToString();
            if (update)
            {
                File.WriteAllText(path, actual);
            }

            Assert.True(File.Exists(path), $"No baseline {path}; run with MEMALIGN_UPDATE_BASELINES=1 to create it.");
            Assert.Equal(File.ReadAllText(path).ReplaceLineEndings("\n"), actual.ReplaceLineEndings("\n"));
        }
    }

    [Fact]
    public void The_generated_catalog_lists_every_judge_and_label_schema_with_their_definitions()
    {
        var (_, output, _) = GeneratorRunner.Run(TestCompilation.Create(Sources.Judges));
        using var image = new MemoryStream();
        var emit = output.Emit(image);
        Assert.True(emit.Success, string.Join("\n", emit.Diagnostics));
        var context = new AssemblyLoadContext("generated", isCollectible: true);
        try
        {
            image.Position = 0;
            var catalog = JudgeCatalog.Load(context.LoadFromStream(image));

            Assert.Equal(["domain_quality", "helpfulness", "product_quality"], catalog.Judges.Select(j => j.Name));
            var helpfulness = catalog.Judges.Single(j => j.Name == "helpfulness");
            Assert.Equal("openai:/gpt-4.1-mini", helpfulness.Model);
            Assert.Equal(["inputs", "outputs"], helpfulness.Variables);
            Assert.StartsWith("Evaluate whether the customer support bot's response", helpfulness.Instructions);
            Assert.Equal(FeedbackValueType.Integer(1, 5), catalog.Judges.Single(j => j.Name == "domain_quality").ValueType);
            Assert.Equal(["Excellent", "Good", "Fair", "Poor"], catalog.Judges.Single(j => j.Name == "product_quality").ValueType.Options);
            var label = Assert.Single(catalog.LabelSchemas);
            Assert.Equal(new LabelSchema("helpfulness", FeedbackValueType.Boolean, "Helpful?", "Is the reply helpful?", LabelComment.Optional), label);
        }
        finally
        {
            context.Unload();
        }
    }

    [Fact]
    public async Task User_code_gets_arguments_in_the_canonical_order_and_typed_judges_after_alignment()
    {
        var (_, output, _) = GeneratorRunner.Run(TestCompilation.Create(Sources.Judges, Sources.Usage));
        using var image = new MemoryStream();
        var emit = output.Emit(image);
        Assert.True(emit.Success, string.Join("\n", emit.Diagnostics));
        var context = new AssemblyLoadContext("usage", isCollectible: true);
        try
        {
            image.Position = 0;
            var usage = context.LoadFromStream(image).GetType("Support.Usage")!.GetMethod("RunAsync")!;
            var client = new RecordingChatClient();

            var seen = await (Task<List<string>>)usage.Invoke(null, [client])!;

            // ProductQualityJudge's rubric names outputs before inputs: positional arguments still mean (inputs, outputs).
            // The trace's fields reach the prompt under their own names (after the cached rubric), whatever order the rubric names them in.
            static bool Binds(string prompt, string rubric, string inputs, string outputs) =>
                prompt.Contains(rubric, StringComparison.Ordinal) && prompt.Split('\n').Contains($"inputs: \"{inputs}\"") && prompt.Split('\n').Contains($"outputs: \"{outputs}\"");
            Assert.True(client.Prompts.Any(p => Binds(p, "Rate the description in", "A sweater", "Warm and soft.")), string.Join("\n----\n", client.Prompts.Take(3)));
            Assert.True(client.Prompts.Any(p => Binds(p, "from 1 to 5.", "a question", "an answer")), string.Join("\n----\n", client.Prompts.Take(3)));
            Assert.True(client.Prompts.Any(p => Binds(p, "User query:", "Where is my order?", "It ships tomorrow.")), string.Join("\n----\n", client.Prompts.Take(3)));
            Assert.Equal(
            [
                "helpfulness", "helpfulness", "True Good 4",
                "Helpfulness 2 True", "Helpfulness 2 True", "Helpfulness 2 True", "Helpfulness 1 True", "Helpfulness 2 True",
                "True Optional 2",
            ], seen);
        }
        finally
        {
            context.Unload();
        }
    }

    [Theory]
    [InlineData("", true, true)] // no state of its own: the generator copies it
    [InlineData("public sealed partial class J { private J(J original) : base(original) { } }", false, true)] // its copy constructor, called by the generated CreateCopy
    [InlineData("public partial class J { protected override Judge CreateCopy() => this; }", false, false)] // its own CreateCopy
    [InlineData("public partial class J { private readonly int _count = 1; public int Count => _count; }", false, false)] // a field and no copy constructor: refused at run time
    [InlineData("public partial class J { public int Count { get; init; } }", false, false)] // an auto-property is a field too
    public void The_generator_writes_the_copy_only_where_the_class_leaves_it_to_the_generator(string userPart, bool copyConstructor, bool createCopy)
    {
        var source = """
            using MemAlign;
            [Judge("j"), Rubric("{{ outputs }}")] public partial class J : Judge<bool>;

            """ + userPart;
        var (_, output, result) = GeneratorRunner.Run(TestCompilation.Create(source));
        var text = result.GeneratedTrees.Single(t => t.FilePath.EndsWith("J.Judge.g.cs", StringComparison.Ordinal)).GetText().ToString();

        Assert.Equal(copyConstructor, text.Contains("J(global::J original)", StringComparison.Ordinal));
        Assert.Equal(createCopy, text.Contains("protected override global::MemAlign.Judge CreateCopy() => new global::J(this);", StringComparison.Ordinal));
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
    }

    [Fact]
    public void Rewording_a_rubric_never_changes_the_generated_signature()
    {
        string Signature(string rubric)
        {
            var source = $$"""
                using MemAlign;
                [Judge("j"), Rubric("{{rubric}}")] public partial class J : Judge<bool>;
                """;
            var (_, _, result) = GeneratorRunner.Run(TestCompilation.Create(source));
            var text = result.GeneratedTrees.Single(t => t.FilePath.EndsWith("J.Judge.g.cs", StringComparison.Ordinal)).GetText().ToString();
            return text.Split('\n').Single(l => l.Contains(" EvaluateAsync(string", StringComparison.Ordinal)).Trim();
        }

        var first = Signature("Query: {{ inputs }} Facts: {{ expectations }} Reply: {{ outputs }}");
        var reworded = Signature("Judge the reply {{ outputs }} against {{ expectations }}, given the query {{ inputs }}.");
        var again = Signature("{{ expectations }} {{ outputs }} {{ inputs }} {{ outputs }}");

        Assert.Equal(first, reworded);
        Assert.Equal(first, again);
        Assert.StartsWith("public global::System.Threading.Tasks.Task<global::MemAlign.JudgeVerdict<bool>> EvaluateAsync(string inputs, string outputs, string expectations,", first);
    }

    [Fact]
    public void Mistakes_get_their_MAJ_diagnostics_from_the_generator_and_code_that_still_compiles()
    {
        const string declarations = """
            using MemAlign;
            public enum Nothing { }
            [Judge("not_partial"), Rubric("{{ inputs }}")] public class NotPartial : Judge<bool>;
            [Judge("no_scale"), Rubric("{{ inputs }}")] public partial class NoScale : Judge<int>;
            [Judge("reversed"), Scale(5, 1), Rubric("{{ inputs }}")] public partial class Reversed : Judge<int>;
            [Judge("no_rubric")] public partial class NoRubric : Judge<bool>;
            [Judge(null!), Rubric(null!)] public partial class Nameless : Judge<bool>;
            [Judge(""), Rubric("")] public partial class Empty : Judge<bool>;
            [Judge("half_written"), Rubric("Reply: {{ outputs }} {{ if inputs")] public partial class HalfWritten : Judge<bool>;
            [Judge("typo"), Rubric("Query: {{ input }} Reply: {{ outputs }}")] public partial class Typo : Judge<bool>;
            [Judge("empty_enum"), Rubric("{{ inputs }}")] public partial class EmptyEnum : Judge<Nothing>;
            [LabelSchema("no_scale")] public partial record NoScaleLabel : Label<int>;
            [LabelSchema("nobody")] public partial record Orphan : Label<int>;
            [Judge("rating"), Scale(1, 5), Rubric("{{ outputs }}")] public partial class Rating : Judge<int>;
            [LabelSchema("rating"), Scale(1, 3)] public partial record ShortScale : Label<int>;
            [LabelSchema("reversed")] public partial record ReversedLabel : Label<int>;
            [LabelSchema("not_partial_label")] public record NotPartialLabel : Label<bool>;
            """;
        const string usage = """
            using System.Threading.Tasks;
            using MemAlign;
            using Microsoft.Extensions.AI;
            public static class Use
            {
                public static async Task<string> RunAsync(IChatClient c, Trace[] traces)
                {
                    var a = await new NoScale(c).EvaluateAsync("q");
                    var b = await new Typo(c).EvaluateAsync("q", "a");
                    var d = await new HalfWritten(c).EvaluateAsync("q", "a");
                    NoRubric aligned = await new NoRubric(c).AlignAsync(traces);
                    var label = new NoScaleLabel { TraceId = "t", Value = 2 }.Schema;
                    return NoScale.JudgeName + Reversed.JudgeDefinition + Empty.JudgeName + a.Value + b.Value + d.Value + aligned.Name + label + Orphan.Definition + ReversedLabel.Definition;
                }
            }
            """;

        var (_, output, result, diagnostics) = GeneratorRunner.RunReporting(TestCompilation.Create(declarations, usage));

        string[] expected =
        [
            "MAJ001 \"nobody\"", "MAJ001 \"not_partial_label\"", "MAJ002 ShortScale", "MAJ003 input", "MAJ004", "MAJ005 \"\"", "MAJ005 null!", "MAJ008 NoRubric", "MAJ008 NotPartial", "MAJ008 NotPartialLabel",
            "MAJ009 \"\"", "MAJ009 null!", "MAJ010 EmptyEnum", "MAJ010 NoScale", "MAJ010 Reversed",
        ];
        var got = diagnostics.Select(d => (d.Id + " " + Located(d)).TrimEnd()).Order(StringComparer.Ordinal).ToList();
        Assert.True(expected.SequenceEqual(got), string.Join(" | ", got));
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning));
        // Not partial: nothing can be added. Everything else gets its members, so the code using them compiles.
        Assert.DoesNotContain(result.GeneratedTrees, t => t.FilePath.Contains("NotPartial", StringComparison.Ordinal));
        Assert.Contains(result.GeneratedTrees, t => t.FilePath.EndsWith("NoScaleLabel.LabelSchema.g.cs", StringComparison.Ordinal));

        static string Located(Diagnostic d) =>
            d.Id == "MAJ004" ? "" : d.Location.SourceTree!.GetText().ToString(d.Location.SourceSpan) is var text && text.Contains(' ', StringComparison.Ordinal) ? "" : d.Location.SourceTree!.GetText().ToString(d.Location.SourceSpan);
    }

    [Fact]
    public void Aligning_a_conversation_judge_compiles_without_a_diagnostic()
    {
        // MAJ011 is retired: a judge of {{ conversation }} aligns like any other, and the generator reports nothing at the call.
        const string source = """
            using System.Threading.Tasks;
            using MemAlign;
            using Microsoft.Extensions.AI;
            [Judge("resolution"), Rubric("Was the user's problem solved in {{ conversation }}? Expected: {{ expectations }}")]
            public partial class Resolution : Judge<bool>;
            public static class Use
            {
                public static async Task<string> RunAsync(IChatClient c, Trace[] traces)
                {
                    Resolution aligned = await new Resolution(c).AlignAsync(traces);
                    return aligned.Name;
                }
            }
            """;

        var (_, output, _, diagnostics) = GeneratorRunner.RunReporting(TestCompilation.Create(source));

        Assert.Empty(diagnostics);
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning));
    }

    [Fact]
    public void A_declared_not_applicable_value_reaches_the_definition_the_catalog_and_a_label_schema_without_a_scale()
    {
        const string source = """
            using MemAlign;
            [Judge("depth"), Scale(1, 3, NotApplicable = 0), Rubric("How deep is {{ outputs }}?")] public partial class Depth : Judge<int>;
            [LabelSchema("depth")] public partial record DepthLabel : Label<int>;
            [Judge("plain"), Scale(1, 3), Rubric("Rate {{ outputs }}")] public partial class Plain : Judge<int>;
            """;

        var (_, output, result) = GeneratorRunner.Run(TestCompilation.Create(source));

        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning));
        var schema = result.GeneratedTrees.Single(t => t.FilePath.EndsWith("DepthLabel.LabelSchema.g.cs", StringComparison.Ordinal)).GetText().ToString();
        Assert.Contains("global::MemAlign.FeedbackValueType.Integer(1, 3).WithNotApplicable(0)", schema);
        using var image = new MemoryStream();
        var emit = output.Emit(image);
        Assert.True(emit.Success, string.Join("\n", emit.Diagnostics));
        var context = new AssemblyLoadContext("not-applicable", isCollectible: true);
        try
        {
            image.Position = 0;
            var catalog = JudgeCatalog.Load(context.LoadFromStream(image));
            Assert.Equal(FeedbackValueType.Integer(1, 3).WithNotApplicable(0), catalog.Judges.Single(j => j.Name == "depth").ValueType);
            Assert.Null(catalog.Judges.Single(j => j.Name == "plain").ValueType.NotApplicable);
            Assert.Equal(0, Assert.Single(catalog.LabelSchemas).ValueType.NotApplicable);

            // Read from the file's metadata alone, as tools read a CI artifact, the named constant is there too.
            var path = Path.Combine(Path.GetTempPath(), $"memalign-na-{Guid.NewGuid():N}.dll");
            File.WriteAllBytes(path, image.ToArray());
            try
            {
                Assert.Equal(0, JudgeCatalog.Read(path).Judges.Single(j => j.Name == "depth").ValueType.NotApplicable);
            }
            finally
            {
                File.Delete(path);
            }
        }
        finally
        {
            context.Unload();
        }
    }

    [Fact]
    public void A_numeric_label_schema_without_a_scale_collects_on_its_judges_scale()
    {
        const string source = """
            using MemAlign;
            [Judge("rating"), Scale(1, 3), Rubric("Rate {{ outputs }}")] public partial class Rating : Judge<int>;
            [LabelSchema("rating")] public partial record RatingLabel : Label<int>;
            """;

        var (_, output, result) = GeneratorRunner.Run(TestCompilation.Create(source));

        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning));
        var schema = result.GeneratedTrees.Single(t => t.FilePath.EndsWith("RatingLabel.LabelSchema.g.cs", StringComparison.Ordinal)).GetText().ToString();
        Assert.Contains("global::MemAlign.FeedbackValueType.Integer(1, 3)", schema);
    }

    [Fact]
    public void The_names_the_generator_looks_for_are_the_runtimes()
    {
        Assert.Equal(KnownTypes.JudgeAttribute, typeof(JudgeAttribute).FullName);
        Assert.Equal(KnownTypes.RubricAttribute, typeof(RubricAttribute).FullName);
        Assert.Equal(KnownTypes.ScaleAttribute, typeof(ScaleAttribute).FullName);
        Assert.Equal(KnownTypes.LabelSchemaAttribute, typeof(LabelSchemaAttribute).FullName);
        Assert.Equal(KnownTypes.JudgeBase, typeof(Judge<>).FullName);
        Assert.Equal(KnownTypes.LabelBase, typeof(Label<>).FullName);
    }

    [Fact]
    public void A_second_run_on_an_unchanged_compilation_is_fully_cached()
    {
        var compilation = TestCompilation.Create(Sources.Judges);
        var (driver, _, _) = GeneratorRunner.Run(compilation);

        var (_, _, second) = GeneratorRunner.Run(compilation.Clone(), driver);

        AssertSteps(second, JudgeGenerator.Steps.Judges, IncrementalStepRunReason.Cached, IncrementalStepRunReason.Unchanged);
        AssertSteps(second, JudgeGenerator.Steps.LabelSchemas, IncrementalStepRunReason.Cached, IncrementalStepRunReason.Unchanged);
        AssertSteps(second, JudgeGenerator.Steps.ResolvedLabelSchemas, IncrementalStepRunReason.Cached, IncrementalStepRunReason.Unchanged);
    }

    [Fact]
    public void Editing_an_unrelated_file_leaves_the_judges_cached()
    {
        var compilation = TestCompilation.Create(Sources.Judges, "public class Unrelated { }");
        var (driver, _, _) = GeneratorRunner.Run(compilation);
        var unrelated = compilation.SyntaxTrees.Last();

        var edited = compilation.ReplaceSyntaxTree(unrelated, CSharpSyntaxTree.ParseText("public class Unrelated { public int X; }", TestCompilation.ParseOptions, unrelated.FilePath));
        var (_, _, second) = GeneratorRunner.Run(edited, driver);

        AssertSteps(second, JudgeGenerator.Steps.Judges, IncrementalStepRunReason.Cached, IncrementalStepRunReason.Unchanged);
        AssertSteps(second, JudgeGenerator.Steps.ResolvedLabelSchemas, IncrementalStepRunReason.Cached, IncrementalStepRunReason.Unchanged);
    }

    [Fact]
    public void Editing_one_judge_regenerates_only_that_judge_and_leaves_label_schemas_cached()
    {
        var judges = Enumerable.Range(0, 5).Select(i => $"using MemAlign; [Judge(\"judge_{i}\"), Rubric(\"Judge {i}: {{{{ outputs }}}}\")] public partial class Judge{i} : Judge<bool>;").ToArray();
        var compilation = TestCompilation.Create([.. judges, "using MemAlign; [LabelSchema(\"judge_2\")] public partial record Label2 : Label<bool>;"]);
        var (driver, _, _) = GeneratorRunner.Run(compilation);
        var third = compilation.SyntaxTrees.ElementAt(2);

        var edited = compilation.ReplaceSyntaxTree(third, CSharpSyntaxTree.ParseText(judges[2].Replace("Judge 2:", "Judge two:"), TestCompilation.ParseOptions, third.FilePath));
        var (_, _, second) = GeneratorRunner.Run(edited, driver);

        var outputs = second.Results[0].TrackedSteps[JudgeGenerator.Steps.Judges].SelectMany(s => s.Outputs).ToList();
        Assert.Single(outputs, o => o.Reason == IncrementalStepRunReason.Modified);
        Assert.Equal(4, outputs.Count(o => o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged));
        AssertSteps(second, JudgeGenerator.Steps.ResolvedLabelSchemas, IncrementalStepRunReason.Cached, IncrementalStepRunReason.Unchanged);
    }

    [Fact]
    public void No_pipeline_model_holds_a_symbol_syntax_node_location_or_compilation()
    {
        var (_, _, result) = GeneratorRunner.Run(TestCompilation.Create(Sources.Judges));

        foreach (var step in result.Results[0].TrackedSteps.Where(s => s.Key is JudgeGenerator.Steps.Judges or JudgeGenerator.Steps.LabelSchemas or JudgeGenerator.Steps.ResolvedLabelSchemas).SelectMany(s => s.Value))
        {
            foreach (var (value, _) in step.Outputs)
            {
                AssertNoRoslynObjects(value, step.Name ?? "step", new HashSet<object>(ReferenceEqualityComparer.Instance));
            }
        }
    }

    private static void AssertSteps(GeneratorDriverRunResult result, string step, params IncrementalStepRunReason[] allowed)
    {
        var outputs = result.Results[0].TrackedSteps[step].SelectMany(s => s.Outputs).ToList();
        Assert.NotEmpty(outputs);
        Assert.All(outputs, o => Assert.Contains(o.Reason, allowed));
    }

    private static void AssertNoRoslynObjects(object? value, string path, HashSet<object> seen)
    {
        if (value is null || value is string || value.GetType().IsPrimitive || !seen.Add(value))
        {
            return;
        }

        Assert.False(value is ISymbol or SyntaxNode or Location or Compilation or SemanticModel, $"{path} holds a {value.GetType().Name}");
        if (value is IEnumerable items)
        {
            var i = 0;
            foreach (var item in items)
            {
                AssertNoRoslynObjects(item, $"{path}[{i++}]", seen);
            }

            return;
        }

        foreach (var field in value.GetType().GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic))
        {
            AssertNoRoslynObjects(field.GetValue(value), $"{path}.{field.Name}", seen);
        }
    }
}
