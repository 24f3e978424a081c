using System.Collections.Immutable;
using MemAlign.Generators.Analyzers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace MemAlign.Generators.Tests;

/// <summary>
/// One corpus of rubrics, judged by the runtime validator (JudgeDefinition.Create) and by the analyzer
/// in a real compilation: they must report the same rules for every rubric.
/// </summary>
public class RubricCorpusTests
{
    public static TheoryData<string> Corpus => new(
        "{{ inputs }}",
        "Query: {{ inputs }}\nReply: {{ outputs }}",
        "{{ inputs.question }} {{ outputs[0].content }} {{ expectations }}",
        "{{ trace }}",
        "{{ conversation }}",
        "{{ conversation }} {{ expectations }}",
        "{{ conversation }} {{ outputs }}",
        "{{ conversation }} {{ trace }} {{ inputs }}",
        "{{ for m in conversation }}{{ m.content }}{{ end }}",
        "{{ x = inputs | string.upcase }}{{ x }}",
        "{{ func f(a); ret a; end }}{{ f outputs }}",
        "{{ capture c }}{{ inputs }}{{ end }}{{ c }}",
        "{{ with inputs }}{{ question }}{{ end }}",
        "{{ if expectations }}{{ expectations }}{{ else }}none{{ end }} {{ outputs }}",
        "{{ date.now }} {{ math.round 1.5 }} {{ inputs }}",
        "{{ input }}",
        "{{ inputs }} {{ outputz }} {{ expecations }}",
        "{{ foo }}",
        "No variables at all.",
        "{{ 1 + 1 }}",
        "",
        "{{ inputs ",
        "{{ inputs }} {{ if outputs }}",
        "{{ inputs + }}",
        "{{ end }}",
        "{{ include 'x' }} {{ inputs }}",
        "{{ outputs | object.eval_template }}",
        "{{ import inputs }}",
        "{%{ {{ not a variable }} }%} {{ outputs }}",
        "{{ inputs }} {{ Inputs }}",
        "{{ $0 }} {{ outputs }}",
        "{{ for i in 1..3 }}{{ i }}{{ end }}",
        "{{ outputs | array.size }}");

    [Theory]
    [MemberData(nameof(Corpus))]
    public async Task Runtime_and_analyzer_agree(string rubric)
    {
        var runtime = RuntimeRules(rubric);
        var analyzer = await AnalyzerRules(rubric);

        Assert.Equal(runtime, analyzer);
    }

    private static string[] RuntimeRules(string rubric)
    {
        try
        {
            JudgeDefinition.Create("corpus_judge", rubric, FeedbackValueType.Boolean);
            return [];
        }
        catch (JudgeDefinitionException e)
        {
            return [.. e.Problems.Select(p => p.RuleId).Order()];
        }
    }

    private static async Task<string[]> AnalyzerRules(string rubric)
    {
        var source = $"using MemAlign;\n[Judge(\"corpus_judge\"), Rubric({SymbolDisplay.FormatLiteral(rubric, quote: true)})]\npublic partial class CorpusJudge : Judge<bool>;";
        var compilation = TestCompilation.Create(source).WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new JudgeDeclarationAnalyzer()));
        var diagnostics = await compilation.GetAnalyzerDiagnosticsAsync();
        return [.. diagnostics.Select(d => d.Id).Order()];
    }
}
