using System.Collections.Immutable;
using System.Text;
using MemAlign.Alignment;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace MemAlign.Generators.Tests;

/// <summary>Memory files for the generator tests, written as the runtime's canonical writer lays them out, and a driver that is given them.</summary>
internal static class MemoryFiles
{
    public const string RatingJudge = """
        using MemAlign;
        namespace Support;
        [Judge("rating"), Scale(1, 5), Rubric("Rate {{ outputs }} for {{ inputs }} from 1 to 5.")]
        public partial class Rating : Judge<int>;
        """;

    public const string RatingRubric = "Rate {{ outputs }} for {{ inputs }} from 1 to 5.";

    /// <summary>One example line: trace id, its value as JSON.</summary>
    public static string Example(string traceId, string valueJson) => $$"""
            {
              "trace_id": "{{traceId}}",
              "id": "{{traceId}}-a",
              "value": {{valueJson}},
              "rationale": "because",
              "reviewer": "ana",
              "embedded_field": "inputs",
              "fields": {
                "inputs": "question {{traceId}}",
                "outputs": "answer {{traceId}}"
              },
              "fingerprint": "f-{{traceId}}",
              "distilled": true
            }
        """;

    /// <summary>A file for <paramref name="judge"/>, aligned for <paramref name="rubric"/> and <paramref name="valueJson"/>.</summary>
    public static string Json(string judge, string rubric, string valueJson, params string[] examples) => $$"""
        {
          "format": "{{MemoryFileContract.Format}}",
          "judge": "{{judge}}",
          "version": 1,
          "aligned_for": {
            "rubric_sha256": "{{MemoryFileContract.RubricHash(rubric)}}",
            "value": {{valueJson}}
          },
          "embedding": {
            "model": "local-hash",
            "dimensions": 64
          },
          "retrieval_k": 3,
          "guidelines": [
            {
              "text": "Prefer answers that name the order number.",
              "sources": ["t1"]
            }
          ],
          "examples": [
        {{string.Join(",\n", examples)}}
          ]
        }

        """;

    public const string Scale1To5 = """{ "kind": "integer", "min": 1, "max": 5 }""";

    /// <summary>A valid file for the rating judge, with three examples.</summary>
    public static string Rating(string? rubric = null, string? valueJson = null, string? secondValue = null) =>
        Json("rating", rubric ?? RatingRubric, valueJson ?? Scale1To5, Example("t1", "4"), Example("t2", secondValue ?? "2"), Example("t3", "5"));

    /// <summary>The 1-based line of the first occurrence of <paramref name="text"/> in <paramref name="json"/>.</summary>
    public static int LineOf(string json, string text) => json[..json.IndexOf(text, StringComparison.Ordinal)].Count(c => c == '\n') + 1;

    public static AdditionalText File(string path, string text) => new InMemoryText(path, text);

    public static GeneratorDriver Driver(params AdditionalText[] files) => CSharpGeneratorDriver.Create(
        [new JudgeGenerator().AsSourceGenerator()],
        additionalTexts: ImmutableArray.Create(files),
        parseOptions: TestCompilation.ParseOptions,
        driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    /// <summary>Runs the generator given <paramref name="files"/>: what it reported, the output compilation, the run.</summary>
    public static (GeneratorDriver Driver, Compilation Output, IReadOnlyList<Diagnostic> Diagnostics, GeneratorDriverRunResult Result) Run(Compilation input, params AdditionalText[] files)
    {
        var driver = Driver(files).RunGeneratorsAndUpdateCompilation(input, out var output, out var diagnostics);
        return (driver, output, diagnostics, driver.GetRunResult());
    }

    private sealed class InMemoryText(string path, string text) : AdditionalText
    {
        private readonly SourceText _text = SourceText.From(text, Encoding.UTF8);

        public override string Path { get; } = path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
    }
}
