using System.Diagnostics;
using MemAlign.Evaluation;
using MemAlign.Labeling;
using MemAlign.OpenTelemetry;
using MemAlign.Sqlite;
using MemAlign.Storage;
using MemAlign.Testing;
using Microsoft.Extensions.AI;
using OpenTelemetry;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace MemAlign.Tests;

/// <summary>
/// Traces in from an instrumented app (issue 22): the real OpenTelemetry SDK and Microsoft.Extensions.AI's
/// UseOpenTelemetry over a test-double chat client, exported by AddMemAlignExporter into a real SQLite store.
/// </summary>
public sealed class OpenTelemetryExporterTests
{
    private const string Experiment = "support";

    // The app's model: answers each question from a script, with token usage and a response id, as a provider would.
    private static IChatClient Model() => new ScriptedChatClient(request => new ChatResponse(new ChatMessage(ChatRole.Assistant, request.LastUser switch
    {
        "How do I reset my password?" => "Open Settings > Security and choose Reset password.",
        "Can I change my email?" => "Yes, under Settings > Account.",
        _ => "I do not know.",
    }))
    {
        ModelId = "gpt-4.1-mini-2025-04-14",
        ResponseId = "resp-" + request.LastUser.Length,
        FinishReason = ChatFinishReason.Stop,
        Usage = new UsageDetails { InputTokenCount = 40 + request.LastUser.Length, OutputTokenCount = 9 },
    }, modelId: "gpt-4.1-mini");

    private static string TempStore() => Path.Combine(Path.GetTempPath(), $"memalign-otel-{Guid.NewGuid():N}.db");

    [Fact]
    public async Task Two_chat_calls_land_in_a_SQLite_store_as_traces_that_a_judge_evaluates_and_a_labeling_session_serves()
    {
        var path = TempStore();
        var source = "Support.Bot." + Guid.NewGuid().ToString("N");
        var recorded = new List<Activity>();
        await using var store = await SqliteMemAlignStore.OpenAsync(path);
        var exporter = new MemAlignExporter(store, new MemAlignExporterOptions
        {
            Experiment = Experiment,
            Tags = { ["source"] = "production" },
            TagAttributes = { ["deployment.environment.name"] = "env" },
        });
        using (var tracing = Sdk.CreateTracerProviderBuilder()
            .ConfigureResource(r => r.AddService("support-bot").AddAttributes([new("deployment.environment.name", "staging")]))
            .AddSource(source)
            .AddInMemoryExporter(recorded)
            .AddMemAlignExporter(exporter)
            .Build())
        {
            var app = new ChatClientBuilder(Model()).UseOpenTelemetry(sourceName: source, configure: c => c.EnableSensitiveData = true).Build();
            await app.GetResponseAsync([new ChatMessage(ChatRole.System, "You are the support bot."), new ChatMessage(ChatRole.User, "How do I reset my password?")],
                new ChatOptions { ModelId = "gpt-4.1-mini", Temperature = 0.2f });
            await app.GetResponseAsync("Can I change my email?", new ChatOptions { Instructions = "Answer briefly." });
        } // disposing the provider exports what is queued

        // What Microsoft.Extensions.AI 10.11.0 records, and the mapping reads: a change upstream fails here first.
        var first = recorded[0];
        Assert.Equal(["gen_ai.input.messages", "gen_ai.operation.name", "gen_ai.output.messages", "gen_ai.provider.name", "gen_ai.request.model", "gen_ai.request.temperature",
            "gen_ai.response.finish_reasons", "gen_ai.response.id", "gen_ai.response.model", "gen_ai.usage.input_tokens", "gen_ai.usage.output_tokens"],
            first.TagObjects.Select(t => t.Key).Order(StringComparer.Ordinal));
        Assert.Equal("chat", first.GetTagItem("gen_ai.operation.name"));
        Assert.Contains("\"parts\"", (string)first.GetTagItem("gen_ai.input.messages")!, StringComparison.Ordinal);
        Assert.Contains("gen_ai.system_instructions", recorded[1].TagObjects.Select(t => t.Key));

        Assert.Equal(new MemAlignExportCounts(Stored: 2, Filtered: 0, NotChat: 0, WithoutContent: 0, WithoutResponse: 0, Unreadable: 0, NotStored: 0), exporter.Counts);
        var traces = await store.SearchTracesAsync(Experiment, TraceQuery.All).ToListAsync();
        Assert.Equal([$"{first.TraceId.ToHexString()}-{first.SpanId.ToHexString()}", $"{recorded[1].TraceId.ToHexString()}-{recorded[1].SpanId.ToHexString()}"],
            traces.Select(t => t.Id));
        var password = traces[0];
        Assert.Equal("""[{"role":"system","content":"You are the support bot."},{"role":"user","content":"How do I reset my password?"}]""", password.Inputs!.Value.GetRawText());
        Assert.Equal("Open Settings > Security and choose Reset password.", password.Outputs!.Value.GetString());
        Assert.Equal(new Dictionary<string, string>
        {
            ["operation"] = "chat", ["service"] = "support-bot", ["model"] = "gpt-4.1-mini-2025-04-14", ["provider"] = "scripted", ["env"] = "staging", ["source"] = "production",
        }, password.Tags);
        Assert.Equal(("67", "9", "resp-27", "gpt-4.1-mini", "0.2"), (password.Metadata["gen_ai.usage.input_tokens"], password.Metadata["gen_ai.usage.output_tokens"],
            password.Metadata["gen_ai.response.id"], password.Metadata["gen_ai.request.model"], password.Metadata["gen_ai.request.temperature"]));
        Assert.Equal(new DateTimeOffset(first.StartTimeUtc, TimeSpan.Zero), password.CreatedAt);
        var email = traces[1];
        Assert.Equal("""[{"role":"system","content":"Answer briefly."},{"role":"user","content":"Can I change my email?"}]""", email.Inputs!.Value.GetRawText());
        Assert.Equal("Yes, under Settings > Account.", email.Outputs!.Value.GetString());

        // Ready for judging: a judge over the stored traces sees the app's question and answer, and the run is saved.
        var judgeModel = new ScriptedChatClient(_ => ScriptedChatClient.Response("""{"rationale": "Direct and correct.", "result": true}"""));
        var judge = Judge.Create(JudgeDefinition.Create("helpfulness", "Question: {{ inputs }}\nAnswer: {{ outputs }}", FeedbackValueType.Boolean), judgeModel);
        var result = await Evaluator.RunAsync([judge], store.SearchTracesAsync(Experiment, TraceQuery.All), new EvaluationOptions { Store = store, Experiment = Experiment, MaxConcurrency = 1 });
        Assert.Equal((2, 0), (result.Completed, result.Errors));
        Assert.Contains(judgeModel.Requests, r => r.Messages.Any(m => m.Text.Contains("How do I reset my password?", StringComparison.Ordinal)
            && m.Text.Contains("Open Settings > Security and choose Reset password.", StringComparison.Ordinal)));
        Assert.NotNull(await store.GetEvaluationRunAsync(Experiment, result.RunId!));

        // ... and for labeling: a session over them gives a reviewer the first trace.
        await store.CreateLabelingSessionAsync(new LabelingSession { Name = "review", Experiment = Experiment, JudgeName = "helpfulness", TraceIds = [.. traces.Select(t => t.Id)] });
        var session = (await store.GetLabelingSessionAsync(Experiment, "review"))!;
        Assert.Equal(password.Id, LabelingProgress.Next(session, traces.ToDictionary(t => t.Id), "maria"));
    }

    [Fact]
    public async Task A_chat_span_recorded_without_sensitive_data_is_skipped_counted_and_logged_and_other_spans_are_passed_over()
    {
        var path = TempStore();
        var source = "Quiet.App." + Guid.NewGuid().ToString("N");
        var log = new CapturingLoggerFactory();
        await using var store = await SqliteMemAlignStore.OpenAsync(path);
        var exporter = new MemAlignExporter(store, new MemAlignExporterOptions { LoggerFactory = log, Filter = a => a.DisplayName != "filtered out" });
        using (var tracing = Sdk.CreateTracerProviderBuilder().AddSource(source).AddMemAlignExporter(exporter).Build())
        {
            var quiet = new ChatClientBuilder(Model()).UseOpenTelemetry(sourceName: source).Build(); // EnableSensitiveData off: no messages recorded
            await quiet.GetResponseAsync("How do I reset my password?");
            await quiet.GetResponseAsync("Can I change my email?");
            using var activities = new ActivitySource(source);
            activities.StartActivity("GET /health")?.Dispose();
            activities.StartActivity("filtered out")?.Dispose();
        }

        Assert.Equal(new MemAlignExportCounts(Stored: 0, Filtered: 1, NotChat: 1, WithoutContent: 2, WithoutResponse: 0, Unreadable: 0, NotStored: 0), exporter.Counts);
        Assert.Empty(await store.SearchTracesAsync(IMemAlignStore.DefaultExperiment, TraceQuery.All).ToListAsync());
        var warning = Assert.Single(log.Lines, l => l.StartsWith("Warning", StringComparison.Ordinal));
        Assert.Contains("was recorded without its messages", warning, StringComparison.Ordinal);
        Assert.Contains("EnableSensitiveData = true", warning, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_store_that_cannot_be_written_loses_the_batch_with_an_error_in_the_log_and_the_app_carries_on()
    {
        var path = TempStore();
        await (await SqliteMemAlignStore.OpenAsync(path)).DisposeAsync(); // the store exists...
        await using var readOnly = await SqliteMemAlignStore.OpenReadOnlyAsync(path); // ... but this process may only read it
        var source = "Failing.App." + Guid.NewGuid().ToString("N");
        var log = new CapturingLoggerFactory();
        var exporter = new MemAlignExporter(readOnly, new MemAlignExporterOptions { LoggerFactory = log });
        ChatResponse answer;
        using (var tracing = Sdk.CreateTracerProviderBuilder().AddSource(source).AddMemAlignExporter(exporter).Build())
        {
            var app = new ChatClientBuilder(Model()).UseOpenTelemetry(sourceName: source, configure: c => c.EnableSensitiveData = true).Build();
            answer = await app.GetResponseAsync("Can I change my email?");
        }

        Assert.Equal("Yes, under Settings > Account.", answer.Text);
        Assert.Equal((0L, 1L), (exporter.Counts.Stored, exporter.Counts.NotStored));
        Assert.Contains(log.Lines, l => l.StartsWith("Error", StringComparison.Ordinal) && l.Contains("1 trace(s) of this batch were not stored in experiment 'default'", StringComparison.Ordinal));
    }
}
