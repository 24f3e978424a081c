using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace MemAlign.Testing;

/// <summary>
/// An OpenAI-compatible HTTP server on 127.0.0.1 with a random port, for exercising the real OpenAI
/// client. Chat completions are answered by scripted steps (status, body, headers), by default with
/// an OpenAI-shaped completion; every request is recorded with its headers and body.
/// </summary>
public sealed partial class LoopbackOpenAIServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<Func<JsonNode, ServerReply>> _steps = new();
    private readonly ConcurrentQueue<ReceivedRequest> _requests = new();
    private Func<JsonNode, ServerReply> _fallback = _ => ServerReply.Completion("{\"rationale\":\"default\",\"result\":true}");

    private LoopbackOpenAIServer(WebApplication app)
    {
        _app = app;
    }

    public Uri BaseUrl { get; private set; } = null!;

    public IReadOnlyList<ReceivedRequest> Requests => _requests.ToArray();

    /// <summary>Extra delay before every answer (to simulate model latency).</summary>
    public TimeSpan Latency { get; set; }

    public static async Task<LoopbackOpenAIServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var server = new LoopbackOpenAIServer(app);
        app.MapPost("/v1/chat/completions", server.HandleChatAsync);
        server.MapBatches(app);
        await app.StartAsync().ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.BaseUrl = new Uri(address.TrimEnd('/') + "/v1");
        return server;
    }

    public LoopbackOpenAIServer Enqueue(ServerReply reply)
    {
        _steps.Enqueue(_ => reply);
        return this;
    }

    public LoopbackOpenAIServer Enqueue(Func<JsonNode, ServerReply> step)
    {
        _steps.Enqueue(step);
        return this;
    }

    public LoopbackOpenAIServer Otherwise(Func<JsonNode, ServerReply> fallback)
    {
        _fallback = fallback;
        return this;
    }

    private async Task HandleChatAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
        var body = await reader.ReadToEndAsync(context.RequestAborted).ConfigureAwait(false);
        var headers = context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        _requests.Enqueue(new ReceivedRequest(context.Request.Path, headers, body));
        var json = JsonNode.Parse(body) ?? new JsonObject();
        var reply = Answer(json);
        if (Latency > TimeSpan.Zero)
        {
            await Task.Delay(Latency, context.RequestAborted).ConfigureAwait(false);
        }

        context.Response.StatusCode = reply.Status;
        foreach (var (name, value) in reply.Headers)
        {
            context.Response.Headers[name] = value;
        }

        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(reply.Body, context.RequestAborted).ConfigureAwait(false);
    }

    // The next scripted step, or the fallback: chat calls and batch rows are answered alike.
    private ServerReply Answer(JsonNode request) => _steps.TryDequeue(out var step) ? step(request) : _fallback(request);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }
}

/// <summary>A request the server received.</summary>
public sealed record ReceivedRequest(string Path, IReadOnlyDictionary<string, string> Headers, string Body)
{
    /// <summary>The HTTP method.</summary>
    public string Method { get; init; } = "POST";

    public JsonNode Json => JsonNode.Parse(Body)!;
}

/// <summary>What the server answers.</summary>
public sealed record ServerReply(int Status, string Body, IReadOnlyDictionary<string, string> Headers)
{
    /// <summary>
    /// An OpenAI-shaped completion; <paramref name="cachedTokens"/> &gt; 0 reports that many prompt tokens read from the
    /// provider's prompt cache, <paramref name="reasoningTokens"/> &gt; 0 that many output tokens of hidden reasoning.
    /// </summary>
    public static ServerReply Completion(string content, string model = "loopback-model", int promptTokens = 42, int completionTokens = 7, int cachedTokens = 0,
        string finishReason = "stop", int reasoningTokens = 0)
    {
        var usage = new JsonObject
        {
            ["prompt_tokens"] = promptTokens,
            ["completion_tokens"] = completionTokens,
            ["total_tokens"] = promptTokens + completionTokens,
        };
        if (cachedTokens > 0)
        {
            usage["prompt_tokens_details"] = new JsonObject { ["cached_tokens"] = cachedTokens };
        }

        if (reasoningTokens > 0)
        {
            usage["completion_tokens_details"] = new JsonObject { ["reasoning_tokens"] = reasoningTokens };
        }

        var body = new JsonObject
        {
            ["id"] = "chatcmpl-" + Guid.NewGuid().ToString("N"),
            ["object"] = "chat.completion",
            ["created"] = 1_700_000_000,
            ["model"] = model,
            ["choices"] = new JsonArray(new JsonObject
            {
                ["index"] = 0,
                ["message"] = new JsonObject { ["role"] = "assistant", ["content"] = content },
                ["finish_reason"] = finishReason,
            }),
            ["usage"] = usage,
        };
        return new ServerReply(200, body.ToJsonString(), new Dictionary<string, string>());
    }

    public static ServerReply Error(int status, string message, IReadOnlyDictionary<string, string>? headers = null) =>
        new(status, JsonSerializer.Serialize(new { error = new { message, type = "server_error", code = status.ToString(System.Globalization.CultureInfo.InvariantCulture) } }),
            headers ?? new Dictionary<string, string>());
}
