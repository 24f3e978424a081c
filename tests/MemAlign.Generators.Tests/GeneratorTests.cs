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
            ["MemAlignCatalog.g.cs", "Support.DomainQuality.Judge.g.cs", "Support.Helpfulness.Judge.g.cs", "Support.HelpfulnessLabel.LabelSchema.g.cs", "Support.ProductQualityJudge.Judge.g.cs"],
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
            Assert.Equal(new LabelSchema("helpfulness", FeedbackValueType.Boolean, "Helpful?", "Is the reply helpful?", true), label);
        }
        finally
        {
            context.Unload();
        }
    }

    [Fact]
    public void Malformed_declarations_get_no_generated_code()
    {
        const string source = """
            using MemAlign;
            [Judge("not_partial"), Rubric("{{ inputs }}")] public class NotPartial : Judge<bool> { public NotPartial() : base(null!, (Microsoft.Extensions.AI.IChatClient)null!) { } }
            [Judge("no_scale"), Rubric("{{ inputs }}")] public partial class NoScale : Judge<int>;
            [Judge("no_rubric")] public partial class NoRubric : Judge<bool>;
            """;

        var (_, _, result) = GeneratorRunner.Run(TestCompilation.Create(source));

        Assert.Empty(result.GeneratedTrees);
    }

    [Fact]
    public void A_second_run_on_an_unchanged_compilation_is_fully_cached()
    {
        var compilation = TestCompilation.Create(Sources.Judges);
        var (driver, _, _) = GeneratorRunner.Run(compilation);

        var (_, _, second) = GeneratorRunner.Run(compilation.Clone(), driver);

        AssertSteps(second, JudgeGenerator.Steps.Judges, IncrementalStepRunReason.Cached, IncrementalStepRunReason.Unchanged);
        AssertSteps(second, JudgeGenerator.Steps.LabelSchemas, IncrementalStepRunReason.Cached, IncrementalStepRunReason.Unchanged);
        AssertSteps(second, JudgeGenerator.Steps.Catalog, IncrementalStepRunReason.Cached, IncrementalStepRunReason.Unchanged);
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
        AssertSteps(second, JudgeGenerator.Steps.Catalog, IncrementalStepRunReason.Cached, IncrementalStepRunReason.Unchanged);
    }

    [Fact]
    public void Editing_one_judge_regenerates_only_that_judge()
    {
        var judges = Enumerable.Range(0, 5).Select(i => $"using MemAlign; [Judge(\"judge_{i}\"), Rubric(\"Judge {i}: {{{{ outputs }}}}\")] public partial class Judge{i} : Judge<bool>;").ToArray();
        var compilation = TestCompilation.Create(judges);
        var (driver, _, _) = GeneratorRunner.Run(compilation);
        var third = compilation.SyntaxTrees.ElementAt(2);

        var edited = compilation.ReplaceSyntaxTree(third, CSharpSyntaxTree.ParseText(judges[2].Replace("Judge 2:", "Judge two:"), TestCompilation.ParseOptions, third.FilePath));
        var (_, _, second) = GeneratorRunner.Run(edited, driver);

        var outputs = second.Results[0].TrackedSteps[JudgeGenerator.Steps.Judges].SelectMany(s => s.Outputs).ToList();
        Assert.Single(outputs, o => o.Reason == IncrementalStepRunReason.Modified);
        Assert.Equal(4, outputs.Count(o => o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged));
        AssertSteps(second, JudgeGenerator.Steps.Catalog, IncrementalStepRunReason.Cached, IncrementalStepRunReason.Unchanged);
    }

    [Fact]
    public void No_pipeline_model_holds_a_symbol_syntax_node_location_or_compilation()
    {
        var (_, _, result) = GeneratorRunner.Run(TestCompilation.Create(Sources.Judges));

        foreach (var step in result.Results[0].TrackedSteps.Where(s => s.Key is JudgeGenerator.Steps.Judges or JudgeGenerator.Steps.LabelSchemas or JudgeGenerator.Steps.Catalog).SelectMany(s => s.Value))
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
