using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;

namespace MemAlign.Labeling.Tests;

/// <summary>What a reviewer (or someone guessing tokens) cannot make the server do: grow memory, answer 500 unexplained, show a judge's exception, guess fast.</summary>
public sealed class LimitsTests
{
    [Fact]
    public async Task Skip_accepts_only_the_sessions_traces()
    {
        await using var scenario = await LabelingScenario.CreateAsync(LabelingScenario.Traces(2));
        var server = await scenario.StartAsync();
        using var ana = await ReviewerClient.OpenAsync(server.Links[0]);

        var unknown = await ana.Http.PostAsync("/api/skip?traceId=not-a-trace-" + new string('x', 200), null);
        var known = await ana.Http.PostAsync("/api/skip?traceId=t1", null);

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.OK, known.StatusCode);
        Assert.Equal("t2", (string)JsonNode.Parse(await known.Content.ReadAsStringAsync())!["traceId"]!);
    }

    [Fact]
    public async Task Undo_goes_back_the_last_hundred_changes_and_then_says_there_is_nothing_more()
    {
        await using var scenario = await LabelingScenario.CreateAsync(LabelingScenario.Traces(LabelWriter.MaxUndo + 5));
        var server = await scenario.StartAsync();
        using var ana = await ReviewerClient.OpenAsync(server.Links[0]);
        foreach (var traceId in scenario.Session.TraceIds)
        {
            (await ana.LabelAsync(traceId, true)).EnsureSuccessStatusCode();
        }

        for (var i = 0; i < LabelWriter.MaxUndo; i++)
        {
            (await ana.Http.PostAsync("/api/undo", null)).EnsureSuccessStatusCode();
        }

        var beyond = await ana.Http.PostAsync("/api/undo", null);

        Assert.Equal(HttpStatusCode.NotFound, beyond.StatusCode);
        Assert.Contains("nothing more to undo", await beyond.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(5, (await scenario.LabelsAsync()).Count); // the five oldest labels stay
    }

    [Fact]
    public async Task A_label_that_is_not_JSON_gets_415_and_a_NUL_in_a_comment_gets_400_naming_it()
    {
        await using var scenario = await LabelingScenario.CreateAsync(LabelingScenario.Traces(2));
        var server = await scenario.StartAsync();
        using var ana = await ReviewerClient.OpenAsync(server.Links[0]);

        using var form = new StringContent("value=true", Encoding.UTF8, "application/x-www-form-urlencoded");
        var notJson = await ana.Http.PostAsync("/api/label?traceId=t1", form);
        var nul = await ana.LabelAsync("t1", true, "fine\0but odd");

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, notJson.StatusCode);
        Assert.Contains("application/json", await notJson.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, nul.StatusCode);
        Assert.Contains("comment holds a NUL character", await nul.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(await scenario.LabelsAsync());
    }

    [Fact]
    public async Task A_failing_undo_is_logged_with_its_exception_and_answered_with_a_plain_message()
    {
        await using var scenario = await LabelingScenario.CreateAsync(LabelingScenario.Traces(2));
        var log = new ListLogger();
        var server = await scenario.StartAsync(logger: log, configure: options => options with
        {
            Sessions = CountingStore.Wrap(options.Sessions, new(), method => method == nameof(Storage.ILabelingStore.UndoLabelAsync) ? new InvalidOperationException("label_steps: database disk image is malformed") : null),
        });
        using var ana = await ReviewerClient.OpenAsync(server.Links[0]);
        (await ana.LabelAsync("t1", true)).EnsureSuccessStatusCode();

        var undo = await ana.Http.PostAsync("/api/undo", null);

        Assert.Equal(HttpStatusCode.InternalServerError, undo.StatusCode);
        var body = await undo.Content.ReadAsStringAsync();
        Assert.Contains("the reason is in its log", body, StringComparison.Ordinal);
        Assert.DoesNotContain("malformed", body, StringComparison.Ordinal);
        var entry = Assert.Single(log.Entries, e => e.Level == LogLevel.Error);
        Assert.Contains("POST /api/undo", entry.Message, StringComparison.Ordinal);
        Assert.IsType<InvalidOperationException>(entry.Exception);
    }

    [Fact]
    public async Task A_judge_that_throws_shows_reviewers_that_it_failed_and_only_the_log_its_message()
    {
        await using var scenario = await LabelingScenario.CreateAsync(LabelingScenario.Traces(2), showJudge: JudgeVisibility.BeforeLabel);
        var log = new ListLogger();
        var server = await scenario.StartAsync(logger: log, verdicts: (_, _) => throw new InvalidOperationException("connection to http://10.0.0.7:8000/v1 refused (key sk-secret)"));
        using var ana = await ReviewerClient.OpenAsync(server.Links[0]);

        var item = await ana.Http.GetStringAsync("/api/item?traceId=t1");

        Assert.Contains("The judge failed on this trace", item, StringComparison.Ordinal);
        Assert.DoesNotContain("10.0.0.7", item, StringComparison.Ordinal);
        Assert.DoesNotContain("sk-secret", item, StringComparison.Ordinal);
        Assert.Contains("sk-secret", Assert.Single(log.Entries).Exception!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Wrong_tokens_from_one_address_make_it_wait_even_with_the_right_token()
    {
        await using var scenario = await LabelingScenario.CreateAsync(LabelingScenario.Traces(2));
        var server = await scenario.StartAsync();
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = server.Address };

        for (var i = 0; i <= TokenThrottle.FreeFailures; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await http.GetAsync($"/?token=guess-{i:D16}")).StatusCode);
        }

        var right = await http.GetAsync(server.Links[0].Url);
        Assert.Equal(HttpStatusCode.TooManyRequests, right.StatusCode);
        Assert.True(right.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        await Task.Delay(right.Headers.RetryAfter!.Delta!.Value + TimeSpan.FromMilliseconds(200));
        var after = await http.GetAsync(server.Links[0].Url); // the wait is over: the link is traded for the cookie
        Assert.True((int)after.StatusCode < 400, $"{after.StatusCode}");
    }

    private sealed class ListLogger : ILogger
    {
        public ConcurrentQueue<(LogLevel Level, string Message, Exception? Exception)> Entries { get; } = new();

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Entries.Enqueue((logLevel, formatter(state, exception), exception));
    }
}
