using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using MemAlign.Labeling;
using MemAlign.Sqlite;
using MemAlign.Storage;

namespace MemAlign.Benchmarks;

/// <summary>
/// The labeling app over HTTP on a SQLite store with a 5,000-trace session, two reviewers and labels on a fifth of
/// the traces: what one reviewer waits for when opening an item, asking for the next one, and submitting a label.
/// </summary>
[MemoryDiagnoser]
#pragma warning disable CA1001 // BenchmarkDotNet disposes through [GlobalCleanup].
public class LabelingAppBenchmarks
#pragma warning restore CA1001
{
    private const int Traces = 5_000;

    private string _directory = null!;
    private SqliteMemAlignStore _store = null!;
    private LabelingServer _server = null!;
    private HttpClient _http = null!;
    private int _label;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _directory = Path.Combine(Path.GetTempPath(), "memalign-bench-labeling-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_directory);
        _store = await SqliteMemAlignStore.OpenAsync(Path.Combine(_directory, "store.db"));
        var traces = Enumerable.Range(0, Traces).Select(i => Trace.Create($"t{i:D5}",
            $"Question {i}: how do I reset my password on device {i % 17}? " + new string('x', 400),
            $"Answer {i}: open Settings, then Security, then Reset. " + new string('y', 800))).ToList();
        await _store.AddTracesAsync(IMemAlignStore.DefaultExperiment, traces);
        var definition = JudgeDefinition.Create("helpfulness", "Is {{ outputs }} a helpful answer to {{ inputs }}?", FeedbackValueType.Boolean);
        await _store.RegisterJudgeAsync(IMemAlignStore.DefaultExperiment, definition, JudgeMemory.Empty);
        await _store.CreateLabelingSessionAsync(new LabelingSession
        {
            Name = "review",
            Experiment = IMemAlignStore.DefaultExperiment,
            JudgeName = "helpfulness",
            Reviewers = ["ana", "ben"],
            LabelsPerTrace = 2,
            TraceIds = [.. traces.Select(t => t.Id)],
            CreatedAt = DateTimeOffset.UnixEpoch,
        });
        for (var i = 0; i < Traces; i += 5)
        {
            await _store.LogAssessmentAsync(IMemAlignStore.DefaultExperiment, traces[i].Id,
                new Assessment("helpfulness", FeedbackValue.FromBoolean(i % 3 == 0), AssessmentSource.Human("ben")));
        }

        _server = await LabelingServer.StartAsync(new LabelingServerOptions { Traces = _store, Judges = _store, Sessions = _store, SessionName = "review" });
        _http = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer() }) { BaseAddress = _server.Address };
        (await _http.GetAsync(_server.Links[0].Url)).EnsureSuccessStatusCode();
        var session = await _http.GetFromJsonAsync<JsonElement>("/api/session");
        _http.DefaultRequestHeaders.Add("X-CSRF-TOKEN", session.GetProperty("antiforgery").GetString());
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        _http.Dispose();
        await _server.DisposeAsync();
        await _store.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }

    /// <summary>Opening an item in the middle of the queue.</summary>
    [Benchmark]
    public async Task<int> ItemView() => (await _http.GetByteArrayAsync("/api/item?traceId=t02500")).Length;

    /// <summary>Asking which item comes next.</summary>
    [Benchmark]
    public async Task<int> Next() => (await _http.GetByteArrayAsync("/api/next")).Length;

    /// <summary>Submitting (or changing) a label on one of a hundred items.</summary>
    [Benchmark]
    public async Task<HttpStatusCode> Label()
    {
        using var response = await _http.PostAsJsonAsync($"/api/label?traceId=t{4000 + (_label++ % 100):D5}", new { value = _label % 2 == 0, comment = (string?)null });
        return response.EnsureSuccessStatusCode().StatusCode;
    }
}
