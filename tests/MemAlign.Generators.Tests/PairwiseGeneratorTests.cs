using System.Collections.Concurrent;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;
using Microsoft.Extensions.AI;

namespace MemAlign.Generators.Tests;

/// <summary>
/// Pairwise judges declared with attributes: <c>Judge&lt;Preference&gt;</c> gets an EvaluateAsync over its inputs and the two
/// candidates in canonical order, its values are A, B or Tie everywhere (definition, catalog, label schema), and a rubric
/// that does not show the candidates is MAJ016.
/// </summary>
public class PairwiseGeneratorTests
{
    private const string Declarations = """
        using MemAlign;
        namespace Support;
        [Judge("reply_preference"), Rubric("Which reply answers {{ inputs }} better? Replies: {{ outputs }}. Facts: {{ expectations }}")]
        public partial class ReplyPreference : Judge<Preference>;
        [LabelSchema("reply_preference")] public partial record ReplyPreferenceLabel : Label<Preference>;
        public static class Usage
        {
            public static async System.Threading.Tasks.Task<string> RunAsync(Microsoft.Extensions.AI.IChatClient client)
            {
                var verdict = await new ReplyPreference(client).EvaluateAsync("Where is my refund?", "Soon.", "Issued today; 3 days.", "Refunds take 3 days.");
                return $"{verdict.Value} {verdict.Pairwise} {verdict.ModelCalls}";
            }
        }
        """;

    [Fact]
    public async Task A_pairwise_judge_takes_inputs_then_candidates_A_and_B_and_asks_in_both_orders()
    {
        var (_, output, result) = GeneratorRunner.Run(TestCompilation.Create(Declarations));

        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning));
        var judge = result.GeneratedTrees.Single(t => t.FilePath.EndsWith("ReplyPreference.Judge.g.cs", StringComparison.Ordinal)).GetText().ToString();
        Assert.Contains("EvaluateAsync(string inputs, string candidateA, string candidateB, string expectations, global::System.Threading.CancellationToken cancellationToken = default)", judge);
        Assert.Contains("global::MemAlign.PairwiseTrace.Create(", judge);
        using var image = new MemoryStream();
        var emit = output.Emit(image);
        Assert.True(emit.Success, string.Join("\n", emit.Diagnostics));
        var context = new AssemblyLoadContext("pairwise", isCollectible: true);
        try
        {
            image.Position = 0;
            var assembly = context.LoadFromStream(image);
            var client = new FirstPositionClient();

            var seen = await (Task<string>)assembly.GetType("Support.Usage")!.GetMethod("RunAsync")!.Invoke(null, [client])!;

            // The model always says "A": candidate A first, then candidate B first, so the orders disagree and there is no winner.
            Assert.Equal("Tie A|B 2", seen);
            Assert.Equal(2, client.Prompts.Count);
            Assert.Contains("\"a\": \"Soon.\"", client.Prompts.First(), StringComparison.Ordinal);
            Assert.Contains("\"a\": \"Issued today; 3 days.\"", client.Prompts.Last(), StringComparison.Ordinal);
            var catalog = JudgeCatalog.Load(assembly);
            Assert.True(catalog.Judges.Single().ValueType.IsPreference);
            Assert.Equal(["A", "B", "Tie"], catalog.Judges.Single().ValueType.Options);
            Assert.Equal(FeedbackValueType.Preference, Assert.Single(catalog.LabelSchemas).ValueType);
        }
        finally
        {
            context.Unload();
        }
    }

    [Fact]
    public Task A_pairwise_judge_whose_rubric_does_not_show_the_candidates_is_MAJ016() =>
        Verify.DeclarationsAsync("""
            [Judge("blind"), Rubric({|MAJ016:"Which reply answers {{ inputs }} better?"|})]
            public partial class Blind : Judge<Preference>;
            [Judge("sighted"), Rubric("Which of {{ outputs.a }} and {{ outputs.b }} answers {{ inputs }} better?")]
            public partial class Sighted : Judge<Preference>;
            """);

    [Fact]
    public void The_runtime_refuses_the_same_rubric_with_the_same_rule()
    {
        var error = Assert.Throws<JudgeDefinitionException>(() => JudgeDefinition.Create("blind", "Which reply answers {{ inputs }} better?", FeedbackValueType.Preference));

        Assert.Contains("MAJ016", error.Message, StringComparison.Ordinal);
        Assert.Contains("{{ outputs }}", error.Message, StringComparison.Ordinal);
        JudgeDefinition.Create("blind", "Which reply answers {{ inputs }} better?", FeedbackValueType.Categorical("A", "B")); // not pairwise: no rule
    }

    private sealed class FirstPositionClient : IChatClient
    {
        private readonly ConcurrentQueue<string> _prompts = new();

        public IReadOnlyCollection<string> Prompts => _prompts;

        public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
        {
            _prompts.Enqueue(string.Join("\n", messages.Select(m => m.Text)));
            return Task.FromResult(new ChatResponse(new ChatMessage(ChatRole.Assistant, """{"rationale": "the first reads well", "result": "A"}""")));
        }

        public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException();

        public object? GetService(Type serviceType, object? serviceKey = null) => null;

        public void Dispose()
        {
        }
    }
}
