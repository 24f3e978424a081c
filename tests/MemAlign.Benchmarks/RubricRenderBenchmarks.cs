using System.Text;
using BenchmarkDotNet.Attributes;

namespace MemAlign.Benchmarks;

/// <summary>
/// Rendering a 2 KB rubric with three variables. <see cref="Render"/> is what every judge call pays;
/// <see cref="ParseAndRender"/> shows what it would cost if the rubric were parsed per call.
/// </summary>
[MemoryDiagnoser]
public class RubricRenderBenchmarks
{
    private JudgeDefinition _definition = null!;
    private Trace _trace = null!;
    private string _rubric = null!;

    [GlobalSetup]
    public void Setup()
    {
        _rubric = TwoKilobyteRubric();
        _definition = JudgeDefinition.Create("domain_quality", _rubric, FeedbackValueType.Integer(1, 5));
        _trace = Trace.Create(
            "bench-1",
            "I've been charged twice for my subscription this month. This is really frustrating!",
            "We see two charges on your account because you updated your payment method. One charge will be reversed automatically within 5-7 business days.",
            expectations: new Dictionary<string, object> { ["facts"] = new[] { "duplicate charge is reversed", "5-7 business days" }, ["tone"] = "empathetic" });
    }

    [Benchmark(Baseline = true)]
    public string Render() => _definition.Render(_trace);

    [Benchmark]
    public string ParseAndRender() => JudgeDefinition.Create("domain_quality", _rubric, FeedbackValueType.Integer(1, 5)).Render(_trace);

    internal static string TwoKilobyteRubric()
    {
        var text = new StringBuilder();
        text.Append("Evaluate whether the customer support response in the conversation below is helpful, accurate and kind.\n\n");
        text.Append("User query:\n{{ inputs }}\n\nAssistant response:\n{{ outputs }}\n\nExpected facts and tone:\n{{ expectations }}\n\n");
        text.Append("Grading criteria:\n");
        var criterion = 1;
        while (text.Length < 2048)
        {
            text.Append("  ").Append(criterion++).Append(". Consider whether the response acknowledges the customer's situation, ");
            text.Append("answers the question that was asked, and offers a concrete next step without unnecessary detail.\n");
        }

        return text.ToString(0, 2048 - 1) + "\n";
    }
}
