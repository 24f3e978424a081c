using System.Text.Json;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Microsoft.Extensions.AI;

namespace MemAlign.Benchmarks;

/// <summary>
/// Aligning 100 labelled examples with a fake reflection model that takes 200 ms per call. The critical
/// path is ceil(batches / parallelism) x 200 ms; wall time should stay within 1.5 times that.
/// </summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 5)]
public class AlignBenchmarks
{
    private List<Trace> _traces = null!;
    private Judge<bool> _judge = null!;

    /// <summary>Records per batch: 50 gives 2 batches (one round of 8 parallel calls); 5 gives 20 batches (3 rounds).</summary>
    [Params(50, 5)]
    public int RecordsPerBatch { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var definition = JudgeDefinition.Create("helpfulness", "Query: {{ inputs }}\nReply: {{ outputs }}", FeedbackValueType.Boolean);
        _judge = Judge.CreateLocal<bool>(definition);
        _traces = Enumerable.Range(0, 100).Select(i => Trace.Create($"t{i:D3}", $"customer question number {i} about orders and refunds", $"answer {i}")
            .WithAssessment(new Assessment("helpfulness", i % 3 != 0, AssessmentSource.Human("expert"), $"Reason {i}: the reply {(i % 3 != 0 ? "answers" : "ignores")} the question."))).ToList();
    }

    [Benchmark]
    public async Task<int> Align100()
    {
        var optimizer = new MemAlignOptimizer(new MemAlignOptions
        {
            ReflectionModel = new SlowReflectionModel(TimeSpan.FromMilliseconds(200)),
            MaxRecordsPerBatch = RecordsPerBatch,
            MaxParallelDistillations = 8,
        });
        var result = await _judge.AlignAsync(_traces, optimizer);
        return result.Judge.Memory.Guidelines.Count;
    }

    private sealed class SlowReflectionModel(TimeSpan latency) : IChatClient
    {
        public async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
        {
            await Task.Delay(latency, cancellationToken);
            var ids = messages.Last().Text.Split('\n').Where(l => l.StartsWith("{\"id\":", StringComparison.Ordinal))
                .Select(l => JsonDocument.Parse(l).RootElement.GetProperty("id").GetString()).ToList();
            var reply = JsonSerializer.Serialize(new { guidelines = new[] { new { guideline_text = $"Guideline from {ids[0]}", source_trace_ids = ids } } });
            return new ChatResponse(new ChatMessage(ChatRole.Assistant, reply));
        }

        public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException();

        public object? GetService(Type serviceType, object? serviceKey = null) => null;

        public void Dispose()
        {
        }
    }
}
