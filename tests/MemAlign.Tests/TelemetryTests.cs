using System.Diagnostics;
using MemAlign.Evaluation;
using MemAlign.Telemetry;
using MemAlign.Testing;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace MemAlign.Tests;

/// <summary>
/// MemAlign's spans, metrics and evaluation events, read through the OpenTelemetry SDK's in-memory exporter as an
/// instrumented app would export them. Other tests run at the same time, so each looks only at its own judge's telemetry.
/// </summary>
public sealed class TelemetryTests
{
    private static readonly JudgeOptions Fast = new() { RetryBaseDelay = TimeSpan.FromMilliseconds(1), MaxRetryDelay = TimeSpan.FromMilliseconds(20), MaxInvalidReplyRetries = 0 };

    private sealed class Exported : IDisposable
    {
        private readonly TracerProvider _tracer;
        private readonly MeterProvider _meter;

        public Exported()
        {
            _tracer = Sdk.CreateTracerProviderBuilder().AddSource(MemAlignTelemetry.SourceName).AddInMemoryExporter(Spans).Build()!;
            _meter = Sdk.CreateMeterProviderBuilder().AddMeter(MemAlignTelemetry.SourceName).AddInMemoryExporter(Metrics).Build()!;
            Logging = LoggerFactory.Create(builder => builder.AddOpenTelemetry(options => options.AddInMemoryExporter(Logs)));
        }

        public List<Activity> Spans { get; } = [];

        public List<Metric> Metrics { get; } = [];

        public List<LogRecord> Logs { get; } = [];

        public ILoggerFactory Logging { get; }

        public List<Activity> SpansOf(string judge) => [.. Spans.Where(s => (s.GetTagItem("memalign.judge.name") as string) == judge)];

        public List<LogRecord> EventsOf(string judge) => [.. Logs.Where(l => Attribute(l, "gen_ai.evaluation.name") as string == judge)];

        // Sums of a metric's points that carry this judge's name, by the value of one more tag (or "" without it).
        public Dictionary<string, double> Sums(string metric, string judge, string byTag = "")
        {
            Metrics.Clear(); // each flush exports the cumulative totals again: read one export
            _meter.ForceFlush();
            var sums = new Dictionary<string, double>();
            foreach (var exported in Metrics.Where(m => m.Name == metric))
            {
                foreach (ref readonly var point in exported.GetMetricPoints())
                {
                    var tags = new Dictionary<string, object?>();
                    foreach (var tag in point.Tags)
                    {
                        tags[tag.Key] = tag.Value;
                    }

                    if (tags.GetValueOrDefault("memalign.judge.name") as string != judge)
                    {
                        continue;
                    }

                    var key = byTag == "" ? "" : tags.GetValueOrDefault(byTag)?.ToString() ?? "";
                    double value = exported.MetricType switch
                    {
                        MetricType.LongSum => point.GetSumLong(),
                        MetricType.Histogram => point.GetHistogramCount(),
                        _ => throw new InvalidOperationException($"{metric}: unexpected type {exported.MetricType}"),
                    };
                    if (exported.MetricType == MetricType.Histogram && metric == "gen_ai.client.token.usage")
                    {
                        value = point.GetHistogramSum();
                    }

                    sums[key] = sums.GetValueOrDefault(key) + value;
                }
            }

            return sums;
        }

        public void Dispose()
        {
            _tracer.Dispose();
            _meter.Dispose();
            Logging.Dispose();
        }
    }

    private static object? Attribute(LogRecord record, string name) => record.Attributes?.FirstOrDefault(a => a.Key == name).Value;

    private static ChatResponse Verdict(bool value, string rationale, long cached) => new(new ChatMessage(ChatRole.Assistant, $$"""{"rationale": "{{rationale}}", "result": {{(value ? "true" : "false")}}}"""))
    {
        ModelId = "scripted-model-2026",
        Usage = new UsageDetails { InputTokenCount = 120, OutputTokenCount = 12, TotalTokenCount = 132, CachedInputTokenCount = cached },
    };

    [Fact]
    public async Task An_evaluation_run_exports_a_run_span_a_span_per_verdict_the_metrics_and_an_evaluation_event_tied_to_each_span()
    {
        using var exported = new Exported();
        const string Name = "telemetry_run";
        var client = new ScriptedChatClient(request => request.Messages.Any(m => m.Text.Contains("broken", StringComparison.Ordinal))
            ? ScriptedChatClient.Response("not json at all")
            : Verdict(true, "answers the secret question", cached: 100));
        var judge = Judge.Create(JudgeDefinition.Create(Name, "Q: {{ inputs }}\nA: {{ outputs }}", FeedbackValueType.Boolean), client, Fast with { LoggerFactory = exported.Logging });
        var traces = new[] { Trace.Create("ok-1", "a secret question", "an answer"), Trace.Create("bad-1", "broken", "an answer") };

        var result = await Evaluator.RunAsync([judge], traces, new EvaluationOptions { JudgeVersion = 7, MaxConcurrency = 1 });

        Assert.Equal((2, 1), (result.Completed, result.Errors));
        var spans = exported.SpansOf(Name);
        var run = Assert.Single(spans, s => s.DisplayName == $"evaluation_run {Name}");
        var evaluations = spans.Where(s => s.DisplayName == $"evaluate_judge {Name}").ToDictionary(s => (string)s.GetTagItem("memalign.trace.id")!);
        Assert.Equal(["bad-1", "ok-1"], evaluations.Keys.Order());
        Assert.Equal(("evaluation_run", 7, 2, 1), ((string)run.GetTagItem("gen_ai.operation.name")!, (int)run.GetTagItem("memalign.judge.version")!, (int)run.GetTagItem("memalign.run.completed")!, (int)run.GetTagItem("memalign.run.errors")!));

        var ok = evaluations["ok-1"];
        Assert.Equal(run.SpanId, ok.ParentSpanId);
        Assert.Equal("evaluate_judge", ok.GetTagItem("gen_ai.operation.name"));
        Assert.Equal("scripted-model", ok.GetTagItem("gen_ai.request.model"));
        Assert.Equal("scripted-model-2026", ok.GetTagItem("gen_ai.response.model"));
        Assert.Equal((120L, 12L, 100L), ((long)ok.GetTagItem("gen_ai.usage.input_tokens")!, (long)ok.GetTagItem("gen_ai.usage.output_tokens")!, (long)ok.GetTagItem("gen_ai.usage.cache_read.input_tokens")!));
        Assert.Equal(7, ok.GetTagItem("memalign.judge.version"));
        Assert.Equal(ActivityStatusCode.Unset, ok.Status);
        var bad = evaluations["bad-1"];
        Assert.Equal(ActivityStatusCode.Error, bad.Status);
        Assert.Equal("InvalidReply", bad.GetTagItem("error.type"));
        Assert.Equal("InvalidReply", bad.StatusDescription); // the kind only: the message may quote the trace

        // The verdict as a gen_ai.evaluation.result log record, under the span of its evaluation.
        var verdict = Assert.Single(exported.EventsOf(Name)); // an error verdict has no score, so no event
        Assert.Equal("gen_ai.evaluation.result", verdict.EventId.Name);
        Assert.Equal((ok.TraceId, ok.SpanId), (verdict.TraceId, verdict.SpanId));
        Assert.Equal(("true", 1.0, "ok-1"), ((string)Attribute(verdict, "gen_ai.evaluation.score.label")!, (double)Attribute(verdict, "gen_ai.evaluation.score.value")!, (string)Attribute(verdict, "memalign.trace.id")!));

        // Calls, errors, latency and tokens.
        Assert.Equal(2, exported.Sums("memalign.judge.evaluations", Name).Values.Sum());
        Assert.Equal(new Dictionary<string, double> { ["InvalidReply"] = 1 }, exported.Sums("memalign.judge.errors", Name, "error.type"));
        Assert.Equal(2, exported.Sums("memalign.judge.evaluation.duration", Name).Values.Sum());
        var tokens = exported.Sums("gen_ai.client.token.usage", Name, "gen_ai.token.type");
        Assert.Equal((120 + 10, 12 + 5), (tokens["input"], tokens["output"])); // the broken reply's usage counts too
    }

    [Fact]
    public async Task Trace_content_and_rationales_are_exported_only_when_the_user_opts_in()
    {
        using var exported = new Exported();
        var client = new ScriptedChatClient(_ => Verdict(false, "the answer leaks the card number", cached: 0));
        var trace = Trace.Create("t-1", "my card is 4111 1111", "noted");
        var plain = Judge.Create(JudgeDefinition.Create("telemetry_plain", "Q: {{ inputs }}\nA: {{ outputs }}", FeedbackValueType.Boolean), client, Fast with { LoggerFactory = exported.Logging });
        var open = Judge.Create(JudgeDefinition.Create("telemetry_open", "Q: {{ inputs }}\nA: {{ outputs }}", FeedbackValueType.Boolean), client,
            Fast with { LoggerFactory = exported.Logging, EnableSensitiveTelemetryData = true });

        await plain.EvaluateAsync(trace);
        await open.EvaluateAsync(trace);

        var plainSpan = Assert.Single(exported.SpansOf("telemetry_plain"));
        var plainEvent = Assert.Single(exported.EventsOf("telemetry_plain"));
        Assert.Null(plainSpan.GetTagItem("gen_ai.input.messages"));
        Assert.Null(Attribute(plainEvent, "gen_ai.evaluation.explanation"));
        Assert.DoesNotContain(plainSpan.TagObjects, t => t.Value?.ToString()?.Contains("4111", StringComparison.Ordinal) == true);
        Assert.DoesNotContain(plainEvent.Attributes!, a => a.Value?.ToString()?.Contains("card", StringComparison.Ordinal) == true);

        var openSpan = Assert.Single(exported.SpansOf("telemetry_open"));
        var openEvent = Assert.Single(exported.EventsOf("telemetry_open"));
        Assert.Contains("my card is 4111 1111", (string)openSpan.GetTagItem("gen_ai.input.messages")!, StringComparison.Ordinal);
        Assert.Equal("the answer leaks the card number", Attribute(openEvent, "gen_ai.evaluation.explanation"));
        Assert.Equal(("false", 0.0), ((string)Attribute(openEvent, "gen_ai.evaluation.score.label")!, (double)Attribute(openEvent, "gen_ai.evaluation.score.value")!));
    }

    [Fact]
    public async Task An_alignment_is_a_span_with_what_the_memory_holds_after_it_and_a_duration_metric()
    {
        using var exported = new Exported();
        const string Name = "telemetry_align";
        var judge = Judge.CreateLocal<bool>(JudgeDefinition.Create(Name, "Q: {{ inputs }}\nA: {{ outputs }}", FeedbackValueType.Boolean));
        var traces = Enumerable.Range(0, 6).Select(i => Trace.Create($"a-{i}", $"question {i}", $"answer {i}")
            .WithAssessment(new Assessment(Name, FeedbackValue.FromBoolean(i % 2 == 0), AssessmentSource.Human("ann"), $"reason {i}"))).ToList();

        var (aligned, report) = await judge.AlignAsync(traces, new MemAlignOptimizer());

        var span = Assert.Single(exported.SpansOf(Name), s => s.DisplayName == $"align_judge {Name}");
        Assert.Equal(("align_judge", 6, aligned.Memory.Examples.Count, aligned.Memory.Guidelines.Count),
            ((string)span.GetTagItem("gen_ai.operation.name")!, (int)span.GetTagItem("memalign.alignment.traces")!, (int)span.GetTagItem("memalign.memory.examples")!, (int)span.GetTagItem("memalign.memory.guidelines")!));
        Assert.Equal(report.Usage.InputTokens, (long)span.GetTagItem("gen_ai.usage.input_tokens")!);
        Assert.Equal(6, aligned.Memory.Examples.Count);
        Assert.Equal(1, exported.Sums("memalign.alignment.duration", Name).Values.Sum());
    }
}
