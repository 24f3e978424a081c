// The SDK marks its Batch API types experimental (OPENAI001); the REST API they call (/v1/files, /v1/batches) is stable.
#pragma warning disable OPENAI001

using System.ClientModel;
using System.ClientModel.Primitives;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using MemAlign.Evaluation;
using Microsoft.Extensions.AI;
using OpenAI;
using OpenAI.Batch;
using OpenAI.Chat;
using OpenAI.Files;

namespace MemAlign.OpenAI;

/// <summary>
/// OpenAI's Batch API for one chat model: the rows as JSON Lines uploaded to <c>/v1/files</c> (purpose batch), one
/// batch on <c>/v1/chat/completions</c> with a 24-hour window, and the output and error files read back into chat responses.
/// Each row's body is what the model's chat client sends for the same messages and options (<see cref="RequestCapture"/>).
/// </summary>
internal sealed class OpenAIBatchChatClient : IBatchChatClient
{
    private const string Endpoint = "/v1/chat/completions";

    private readonly BatchClient _batches;
    private readonly OpenAIFileClient _files;
    private readonly IChatClient _capture;
    private readonly string _server;

    public OpenAIBatchChatClient(OpenAIClient client, OpenAIClientOptions captureOptions, string model, Uri? baseUrl)
    {
        _batches = client.GetBatchClient();
        _files = client.GetOpenAIFileClient();
        captureOptions.AddPolicy(new RequestCapture(), PipelinePosition.PerCall);
        _capture = new OpenAIClient(new ApiKeyCredential("capture"), captureOptions).GetChatClient(model).AsIChatClient();
        _server = baseUrl?.ToString() ?? "OpenAI";
    }

    public async Task<ChatBatch> SubmitAsync(IReadOnlyList<ChatBatchRequest> requests, IReadOnlyDictionary<string, string>? metadata = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(requests);
        if (requests.Count == 0)
        {
            throw new ArgumentException("A batch needs at least one request.", nameof(requests));
        }

        using var lines = new MemoryStream();
        foreach (var request in requests)
        {
            await WriteLineAsync(lines, request, cancellationToken).ConfigureAwait(false);
        }

        lines.Position = 0;
        var file = await Call("uploading the batch's requests to /v1/files",
            () => _files.UploadFileAsync(lines, "memalign-batch.jsonl", FileUploadPurpose.Batch, cancellationToken)).ConfigureAwait(false);
        var body = JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, object>
        {
            ["input_file_id"] = file.Value.Id,
            ["endpoint"] = Endpoint,
            ["completion_window"] = "24h",
            ["metadata"] = new Dictionary<string, string>(metadata ?? new Dictionary<string, string>()) { ["source"] = "memalign" },
        });
        var operation = await Call($"creating a batch of {requests.Count} request(s) on /v1/batches",
            () => _batches.CreateBatchAsync(BinaryContent.Create(BinaryData.FromBytes(body)), waitUntilCompleted: false, Options(cancellationToken))).ConfigureAwait(false);
        return ReadBatch(operation.GetRawResponse().Content);
    }

    public async Task<ChatBatch> GetAsync(string batchId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(batchId);
        var result = await Call($"reading batch '{batchId}'", () => _batches.GetBatchAsync(batchId, Options(cancellationToken))).ConfigureAwait(false);
        return ReadBatch(result.GetRawResponse().Content);
    }

    public async IAsyncEnumerable<ChatBatch> ListAsync(DateTimeOffset createdSince, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        // Newest first, a page of 100 at a time, until a batch older than asked for.
        string? after = null;
        while (true)
        {
            var page = await Call("listing batches on /v1/batches", () => ListPageAsync(after, cancellationToken)).ConfigureAwait(false);
            using var document = JsonDocument.Parse(page);
            var root = document.RootElement;
            var data = root.TryGetProperty("data", out var d) && d.ValueKind == JsonValueKind.Array ? d : default;
            if (data.ValueKind != JsonValueKind.Array || data.GetArrayLength() == 0)
            {
                yield break;
            }

            foreach (var item in data.EnumerateArray())
            {
                var batch = ReadBatch(item);
                if (batch.CreatedAt is { } created && created < createdSince)
                {
                    yield break;
                }

                yield return batch;
                after = batch.Id;
            }

            if (!(root.TryGetProperty("has_more", out var more) && more.ValueKind == JsonValueKind.True))
            {
                yield break;
            }
        }
    }

    private async Task<BinaryData> ListPageAsync(string? after, CancellationToken cancellationToken)
    {
        // One page through the client's pipeline (its key, base address and policies), read as the REST API gives it.
        using var message = _batches.Pipeline.CreateMessage();
        message.Apply(Options(cancellationToken));
        message.Request.Method = "GET";
        var query = after is null ? "limit=100" : $"limit=100&after={Uri.EscapeDataString(after)}";
        message.Request.Uri = new Uri($"{_batches.Endpoint.ToString().TrimEnd('/')}/batches?{query}");
        message.Request.Headers.Set("Accept", "application/json");
        await _batches.Pipeline.SendAsync(message).ConfigureAwait(false);
        var response = message.Response!;
        if (response.IsError)
        {
            throw new ClientResultException(response);
        }

        return response.Content;
    }

    public async IAsyncEnumerable<ChatBatchResult> ReadResultsAsync(ChatBatch batch, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(batch);
        foreach (var fileId in new[] { batch.OutputFileId, batch.ErrorFileId })
        {
            if (fileId is null)
            {
                continue;
            }

            var content = await Call($"downloading file '{fileId}' of batch '{batch.Id}'", () => _files.DownloadFileAsync(fileId, cancellationToken)).ConfigureAwait(false);
            using var reader = new StringReader(content.Value.ToString());
            for (var line = reader.ReadLine(); line is not null; line = reader.ReadLine())
            {
                if (!string.IsNullOrWhiteSpace(line))
                {
                    yield return ReadRow(line, batch.Id);
                }
            }
        }
    }

    /// <summary>One row of the input file: <c>{"custom_id", "method", "url", "body"}</c>, the body as the chat client builds it.</summary>
    private async Task WriteLineAsync(Stream lines, ChatBatchRequest request, CancellationToken cancellationToken)
    {
        byte[] body;
        try
        {
            await _capture.GetResponseAsync(request.Messages, request.Options, cancellationToken).ConfigureAwait(false);
            throw new InvalidOperationException("The chat client answered without building a request.");
        }
        catch (CapturedRequestException captured)
        {
            body = captured.Body;
        }

        using (var writer = new Utf8JsonWriter(lines))
        {
            writer.WriteStartObject();
            writer.WriteString("custom_id", request.CustomId);
            writer.WriteString("method", "POST");
            writer.WriteString("url", Endpoint);
            writer.WritePropertyName("body");

            // Re-written compact: the client may indent its body, and a row of JSON Lines is one line.
            using var document = JsonDocument.Parse(body);
            document.RootElement.WriteTo(writer);
            writer.WriteEndObject();
        }

        lines.WriteByte((byte)'\n');
    }

    private static ChatBatchResult ReadRow(string line, string batchId)
    {
        using var document = JsonDocument.Parse(line);
        var root = document.RootElement;
        var customId = root.GetProperty("custom_id").GetString() ?? "";
        if (root.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.Object)
        {
            var code = Text(error, "code");
            return new ChatBatchResult(customId)
            {
                Error = $"{Text(error, "message") ?? "no message"}{(code is null ? "" : $" ({code})")}",
                Unfinished = code is "batch_expired" or "batch_cancelled",
            };
        }

        if (!root.TryGetProperty("response", out var response) || response.ValueKind != JsonValueKind.Object || !response.TryGetProperty("body", out var body))
        {
            return new ChatBatchResult(customId) { Error = $"batch '{batchId}' gave this row neither a response nor an error." };
        }

        var status = response.TryGetProperty("status_code", out var code2) && code2.TryGetInt32(out var s) ? s : 200;
        if (status != 200)
        {
            var message = body.TryGetProperty("error", out var e) && e.ValueKind == JsonValueKind.Object ? Text(e, "message") : null;
            return new ChatBatchResult(customId) { Error = $"HTTP {status}: {message ?? body.GetRawText()}" };
        }

        var completion = ModelReaderWriter.Read<ChatCompletion>(BinaryData.FromString(body.GetRawText()))
            ?? throw new InvalidOperationException($"Batch '{batchId}' gave row '{customId}' a response that is not a chat completion.");
        return new ChatBatchResult(customId) { Response = completion.AsChatResponse() };
    }

    private static ChatBatch ReadBatch(BinaryData content)
    {
        using var document = JsonDocument.Parse(content);
        return ReadBatch(document.RootElement);
    }

    private static ChatBatch ReadBatch(JsonElement root)
    {
        var counts = root.TryGetProperty("request_counts", out var c) && c.ValueKind == JsonValueKind.Object ? c : default;
        return new ChatBatch(Text(root, "id") ?? throw new InvalidOperationException("The batch the server returned has no id."), State(Text(root, "status")))
        {
            InputFileId = Text(root, "input_file_id"),
            OutputFileId = Text(root, "output_file_id"),
            ErrorFileId = Text(root, "error_file_id"),
            Total = Count(counts, "total"),
            Completed = Count(counts, "completed"),
            Failed = Count(counts, "failed"),
            Metadata = root.TryGetProperty("metadata", out var tags) && tags.ValueKind == JsonValueKind.Object
                ? tags.EnumerateObject().Where(t => t.Value.ValueKind == JsonValueKind.String).ToDictionary(t => t.Name, t => t.Value.GetString()!, StringComparer.Ordinal)
                : new Dictionary<string, string>(),
            CreatedAt = root.TryGetProperty("created_at", out var at) && at.TryGetInt64(out var seconds) ? DateTimeOffset.FromUnixTimeSeconds(seconds) : null,
            Error = root.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Object && errors.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Array
                ? string.Join("; ", data.EnumerateArray().Select(d => $"{Text(d, "message")}{(d.TryGetProperty("line", out var l) && l.ValueKind == JsonValueKind.Number ? $" (line {l})" : "")}"))
                : null,
        };
    }

    private static ChatBatchState State(string? status) => status switch
    {
        "validating" => ChatBatchState.Validating,
        "in_progress" => ChatBatchState.InProgress,
        "finalizing" => ChatBatchState.Finalizing,
        "completed" => ChatBatchState.Completed,
        "failed" => ChatBatchState.Failed,
        "expired" => ChatBatchState.Expired,
        "cancelling" => ChatBatchState.Cancelling,
        "cancelled" => ChatBatchState.Cancelled,
        _ => throw new InvalidOperationException($"The batch the server returned is in an unknown state '{status}'."),
    };

    private static string? Text(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static int Count(JsonElement counts, string name) =>
        counts.ValueKind == JsonValueKind.Object && counts.TryGetProperty(name, out var value) && value.TryGetInt32(out var n) ? n : 0;

    private static RequestOptions Options(CancellationToken cancellationToken) => new() { CancellationToken = cancellationToken };

    // A server without the Batch API (a local Ollama, say) answers 404: say so instead of the bare status.
    private async Task<T> Call<T>(string action, Func<Task<T>> call)
    {
        try
        {
            return await call().ConfigureAwait(false);
        }
        catch (ClientResultException e) when (e.Status == 404 && !action.StartsWith("reading batch", StringComparison.Ordinal) && !action.StartsWith("downloading", StringComparison.Ordinal))
        {
            throw new NotSupportedException($"The model server ({_server}) has no Batch API: {action} answered 404. Evaluate without a batch on this server.", e);
        }
    }
}
