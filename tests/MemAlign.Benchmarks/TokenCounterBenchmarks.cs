using BenchmarkDotNet.Attributes;
using MemAlign.Alignment;

namespace MemAlign.Benchmarks;

/// <summary>
/// Counting and truncating a field without whitespace (random lower-case letters), which the tokenizer sees as one
/// pre-token: what distillation batching and the embedder's input limit pay for such a trace.
/// </summary>
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 3)]
public class TokenCounterBenchmarks
{
    private string _text = null!;

    /// <summary>Characters in the run: 400 KB and 10 MB.</summary>
    [Params(400_000, 10_000_000)]
    public int Length { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        const string Alphabet = "abcdefghijklmnopqrstuvwxyz";
        var random = new Random(1);
        _text = new string(Enumerable.Range(0, Length).Select(_ => Alphabet[random.Next(Alphabet.Length)]).ToArray());
    }

    [Benchmark]
    public int Count() => TokenCounter.Count(_text);

    [Benchmark]
    public int Truncate() => TokenCounter.Truncate(_text, 8_000).Length;
}
