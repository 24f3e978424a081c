using BenchmarkDotNet.Attributes;
using MemAlign.MiniLM;
using Microsoft.Extensions.AI;

namespace MemAlign.Benchmarks;

/// <summary>
/// The offline embedders side by side: all-MiniLM-L6-v2 (<see cref="MiniLMEmbeddingGenerator"/>) and the hashed
/// <see cref="LocalEmbeddingGenerator"/>. <c>Embed64</c> embeds a batch of 64 short sentences (no cache;
/// texts/s = 64 / mean); <c>RetrieveFrom1000</c> builds a local judge's prompt for one query against a memory
/// of 1,000 aligned examples: embedding the query, ranking the examples and rendering the prompt.
/// </summary>
[MemoryDiagnoser]
public class EmbedderBenchmarks
{
    private static readonly string[] Subjects = ["My order", "The refund", "My parcel", "The invoice", "My subscription", "The replacement", "My card payment", "The gift voucher"];
    private static readonly string[] Problems = ["has not arrived yet", "was charged twice", "came damaged", "is missing an item", "was cancelled without notice", "shows the wrong address", "cannot be tracked", "arrived late"];
    private static readonly string[] Asks = ["what can you do?", "please help.", "when will it be fixed?", "I want my money back.", "can I speak to someone?", "is this normal?", "how do I complain?", "who do I contact?", "can you check it?", "what are my options?", "I need it by Friday.", "this is the second time.", "I'm really frustrated.", "thanks in advance.", "should I wait?", "can you resend it?"];

    private IEmbeddingGenerator<string, Embedding<float>> _embedder = null!;
    private string[] _batch = null!;
    private Judge<bool> _judge = null!;
    private Trace _query = null!;

    [Params("all-MiniLM-L6-v2", "hashed")]
    public string Embedder { get; set; } = "";

    [GlobalSetup(Target = nameof(Embed64))]
    public void SetupEmbed()
    {
        _embedder = Create();
        _batch = [.. Sentences().Take(64)];
        _embedder.GenerateAsync(_batch).GetAwaiter().GetResult(); // loads the model
    }

    [GlobalSetup(Target = nameof(RetrieveFrom1000))]
    public void SetupRetrieve()
    {
        _embedder = Create();
        var definition = JudgeDefinition.Create("helpfulness", "User query: {{ inputs }}\nAssistant response: {{ outputs }}", FeedbackValueType.Boolean);
        var traces = Sentences().Take(1_000).Select((s, i) => Trace.Create($"t{i:D4}", s, "We are looking into it.")
            .WithAssessment(new Assessment("helpfulness", i % 3 != 0, AssessmentSource.Human("expert"), i % 3 != 0 ? "Answers the question." : "Ignores what was asked.")))
            .ToList();
        var optimizer = new MemAlignOptimizer(new MemAlignOptions { EmbeddingGenerator = _embedder, RetrievalK = 5 });
        _judge = Judge.CreateLocal<bool>(definition).AlignAsync(traces, optimizer).GetAwaiter().GetResult();
        _query = Trace.Create("q", "The money for my returned shoes never came back to my account", "We are looking into it.");
        _judge.BuildPromptAsync(_query).GetAwaiter().GetResult();
    }

    [GlobalCleanup]
    public void Cleanup() => _embedder.Dispose();

    [Benchmark]
    public async Task<int> Embed64() => (await _embedder.GenerateAsync(_batch).ConfigureAwait(false)).Count;

    [Benchmark]
    public async Task<JudgePrompt> RetrieveFrom1000() => await _judge.BuildPromptAsync(_query).ConfigureAwait(false);

    private IEmbeddingGenerator<string, Embedding<float>> Create() =>
        Embedder == "hashed" ? new LocalEmbeddingGenerator() : new MiniLMEmbeddingGenerator();

    // 8 x 8 x 16 = 1,024 distinct short support messages, in a fixed order.
    private static IEnumerable<string> Sentences() =>
        from ask in Asks from problem in Problems from subject in Subjects select $"{subject} {problem}, {ask}";
}
