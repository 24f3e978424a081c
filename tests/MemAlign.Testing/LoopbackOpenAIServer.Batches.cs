using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace MemAlign.Testing;

/// <summary>
/// OpenAI's Batch API on the loopback server: <c>/v1/files</c> (upload, content) and <c>/v1/batches</c> (create,
/// retrieve, cancel). Each retrieve moves a batch one step, validating -> in_progress -> finalizing -> completed;
/// its rows are answered by the same scripted steps as chat completions (a non-200 step is a failed row), and a
/// scripted ending (<see cref="EnqueueBatchEnding"/>) makes a batch expire after some rows instead.
/// </summary>
public sealed partial class LoopbackOpenAIServer
{
    private readonly ConcurrentDictionary<string, (string Purpose, byte[] Content)> _files = new();
    private readonly ConcurrentDictionary<string, LoopbackBatch> _batches = new();
    private readonly ConcurrentQueue<BatchEnding> _endings = new();
    private int _ids;

    /// <summary>While set, batches stay in progress (to catch a client mid-poll).</summary>
    public bool HoldBatches { get; set; }

    /// <summary>
    /// While set, the next batch created is kept but its reply is lost (HTTP 502): the provider has the batch, the
    /// client never learns its id, as when a process stops between the two.
    /// </summary>
    public bool LoseNextBatchCreateReply { get; set; }

    /// <summary>Rows answered per retrieve while a batch is in progress (default: all at once).</summary>
    public int BatchRowsPerPoll { get; set; } = int.MaxValue;

    /// <summary>The batches created, oldest first.</summary>
    public IReadOnlyList<LoopbackBatch> Batches => [.. _batches.Values.OrderBy(b => b.Sequence)];

    /// <summary>The requests to the Batch API and files endpoints, in order.</summary>
    public IReadOnlyList<ReceivedRequest> BatchApiRequests => [.. Requests.Where(r => r.Path.StartsWith("/v1/files", StringComparison.Ordinal) || r.Path.StartsWith("/v1/batches", StringComparison.Ordinal))];

    /// <summary>How the next batch created ends (default: completed).</summary>
    public LoopbackOpenAIServer EnqueueBatchEnding(BatchEnding ending)
    {
        _endings.Enqueue(ending);
        return this;
    }

    private void MapBatches(WebApplication app)
    {
        app.MapPost("/v1/files", (Delegate)UploadAsync);
        app.MapGet("/v1/files/{id}/content", (string id, HttpContext context) => Record(context, "") is var _ && _files.TryGetValue(id, out var file)
            ? Results.Bytes(file.Content, "application/octet-stream")
            : Results.NotFound());
        app.MapPost("/v1/batches", (Delegate)CreateBatchAsync);
        app.MapGet("/v1/batches", (HttpContext context) =>
        {
            Record(context, context.Request.QueryString.Value ?? "");
            var limit = int.TryParse(context.Request.Query["limit"], CultureInfo.InvariantCulture, out var l) ? l : 20;
            var after = context.Request.Query["after"].ToString();
            var newestFirst = _batches.Values.OrderByDescending(b => b.Sequence).ToList();
            var start = after.Length == 0 ? 0 : newestFirst.FindIndex(b => b.Id == after) + 1;
            var page = newestFirst.Skip(start).Take(limit).ToList();
            var data = new JsonArray();
            foreach (var batch in page)
            {
                lock (batch)
                {
                    data.Add(batch.ToJson());
                }
            }

            return Json(new JsonObject { ["object"] = "list", ["data"] = data, ["has_more"] = start + page.Count < newestFirst.Count });
        });
        app.MapGet("/v1/batches/{id}", (string id, HttpContext context) => Record(context, "") is var _ && _batches.TryGetValue(id, out var batch)
            ? Json(Advance(batch))
            : Results.NotFound());
        app.MapPost("/v1/batches/{id}/cancel", (string id, HttpContext context) =>
        {
            Record(context, "");
            if (!_batches.TryGetValue(id, out var batch))
            {
                return Results.NotFound();
            }

            lock (batch)
            {
                if (batch.Status is "validating" or "in_progress")
                {
                    batch.Status = "cancelling";
                }

                return Json(batch.ToJson());
            }
        });
    }

    private async Task<IResult> UploadAsync(HttpContext context)
    {
        var form = await context.Request.ReadFormAsync(context.RequestAborted).ConfigureAwait(false);
        var upload = form.Files["file"];
        if (upload is null)
        {
            return Results.BadRequest();
        }

        using var content = new MemoryStream();
        await upload.CopyToAsync(content, context.RequestAborted).ConfigureAwait(false);
        var purpose = form["purpose"].ToString();
        Record(context, $"purpose={purpose}; file={upload.FileName}; bytes={content.Length}");
        var id = AddFile(purpose, content.ToArray());
        return Json(new JsonObject
        {
            ["id"] = id, ["object"] = "file", ["bytes"] = content.Length, ["created_at"] = 1_700_000_000, ["filename"] = upload.FileName, ["purpose"] = purpose, ["status"] = "processed",
        });
    }

    private async Task<IResult> CreateBatchAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
        var body = await reader.ReadToEndAsync(context.RequestAborted).ConfigureAwait(false);
        Record(context, body);
        try
        {
            return CreateBatch(JsonNode.Parse(body)!);
        }
        catch (Exception e)
        {
            return Results.Json(new { error = new { message = e.ToString(), type = "server_error" } }, statusCode: 500);
        }
    }

    private IResult CreateBatch(JsonNode request)
    {
        var fileId = request["input_file_id"]?.GetValue<string>() ?? "";
        if (!_files.TryGetValue(fileId, out var file))
        {
            return Results.Json(new { error = new { message = $"No such file: {fileId}", type = "invalid_request_error" } }, statusCode: 404);
        }

        var rows = Encoding.UTF8.GetString(file.Content).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => JsonNode.Parse(line)!).ToList();
        var sequence = Interlocked.Increment(ref _ids);
        var batch = new LoopbackBatch(sequence, $"batch_{sequence}", fileId, request["endpoint"]?.GetValue<string>() ?? "", rows,
            _endings.TryDequeue(out var ending) ? ending : BatchEnding.Completed)
        {
            Metadata = request["metadata"] is JsonObject tags ? tags.ToDictionary(t => t.Key, t => t.Value?.GetValue<string>() ?? "") : [],
        };
        _batches[batch.Id] = batch;
        if (LoseNextBatchCreateReply)
        {
            LoseNextBatchCreateReply = false;
            return Results.Json(new { error = new { message = "Bad gateway: the reply was lost on its way back.", type = "server_error" } }, statusCode: 502);
        }

        return Json(batch.ToJson());
    }

    // One retrieve, one step: the batch moves on, answering rows while in progress, and writes its files when it ends.
    private JsonObject Advance(LoopbackBatch batch)
    {
        lock (batch)
        {
            switch (batch.Status)
            {
                case "validating":
                    batch.Status = "in_progress";
                    break;
                case "in_progress" when !HoldBatches:
                    var limit = batch.Ending.ExpireAfterRows ?? batch.Rows.Count;
                    var answer = Math.Min(BatchRowsPerPoll, Math.Min(limit, batch.Rows.Count) - batch.Answered);
                    for (var i = 0; i < answer; i++)
                    {
                        AnswerRow(batch, batch.Rows[batch.Answered]);
                        batch.Answered++;
                    }

                    if (batch.Answered >= limit && limit < batch.Rows.Count)
                    {
                        Finish(batch, "expired", "batch_expired", "This request could not be executed before the completion window expired.");
                    }
                    else if (batch.Answered == batch.Rows.Count)
                    {
                        batch.Status = "finalizing";
                    }

                    break;
                case "finalizing":
                    Finish(batch, "completed", "", "");
                    break;
                case "cancelling":
                    Finish(batch, "cancelled", "batch_cancelled", "This request was not executed because the batch was cancelled.");
                    break;
            }

            return batch.ToJson();
        }
    }

    private void AnswerRow(LoopbackBatch batch, JsonNode row)
    {
        var reply = Answer(row["body"]!);
        var line = new JsonObject
        {
            ["id"] = $"batch_req_{Interlocked.Increment(ref _ids)}",
            ["custom_id"] = row["custom_id"]!.GetValue<string>(),
            ["response"] = new JsonObject { ["status_code"] = reply.Status, ["request_id"] = $"req_{_ids}", ["body"] = JsonNode.Parse(reply.Body) },
            ["error"] = null,
        };
        (reply.Status == 200 ? batch.Output : batch.Errors).Add(line.ToJsonString());
    }

    // The rows never reached go to the error file with the provider's code for why, as OpenAI writes them.
    private void Finish(LoopbackBatch batch, string status, string code, string message)
    {
        foreach (var row in batch.Rows.Skip(batch.Answered))
        {
            batch.Errors.Add(new JsonObject
            {
                ["id"] = $"batch_req_{Interlocked.Increment(ref _ids)}",
                ["custom_id"] = row["custom_id"]!.GetValue<string>(),
                ["response"] = null,
                ["error"] = new JsonObject { ["code"] = code, ["message"] = message },
            }.ToJsonString());
        }

        batch.OutputFileId = batch.Output.Count > 0 ? AddFile("batch_output", Encoding.UTF8.GetBytes(string.Join('\n', batch.Output) + "\n")) : null;
        batch.ErrorFileId = batch.Errors.Count > 0 ? AddFile("batch_output", Encoding.UTF8.GetBytes(string.Join('\n', batch.Errors) + "\n")) : null;
        batch.Status = status;
    }

    private string AddFile(string purpose, byte[] content)
    {
        var id = $"file-{Interlocked.Increment(ref _ids)}";
        _files[id] = (purpose, content);
        return id;
    }

    private ReceivedRequest Record(HttpContext context, string body)
    {
        var headers = context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        var request = new ReceivedRequest(context.Request.Path, headers, body) { Method = context.Request.Method };
        _requests.Enqueue(request);
        return request;
    }

    private static IResult Json(JsonObject body) => Results.Content(body.ToJsonString(), "application/json");
}

/// <summary>How a loopback batch ends.</summary>
/// <param name="ExpireAfterRows">Expire once this many rows are answered (the rest never run); <see langword="null"/> to complete.</param>
public sealed record BatchEnding(int? ExpireAfterRows)
{
    public static BatchEnding Completed { get; } = new((int?)null);

    public static BatchEnding ExpireAfter(int rows) => new(rows);
}

/// <summary>A batch the loopback server holds.</summary>
public sealed class LoopbackBatch(int sequence, string id, string inputFileId, string endpoint, IReadOnlyList<JsonNode> rows, BatchEnding ending)
{
    internal int Sequence { get; } = sequence;

    public string Id { get; } = id;

    public string InputFileId { get; } = inputFileId;

    public string Endpoint { get; } = endpoint;

    /// <summary>The input file's rows, as uploaded.</summary>
    public IReadOnlyList<JsonNode> Rows { get; } = rows;

    public BatchEnding Ending { get; } = ending;

    /// <summary>The metadata it was created with.</summary>
    public IReadOnlyDictionary<string, string> Metadata { get; init; } = new Dictionary<string, string>();

    /// <summary>When it was created (the server's clock, in whole seconds as the API gives it).</summary>
    public DateTimeOffset CreatedAt { get; } = DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds());

    public string Status { get; internal set; } = "validating";

    public int Answered { get; internal set; }

    public string? OutputFileId { get; internal set; }

    public string? ErrorFileId { get; internal set; }

    internal List<string> Output { get; } = [];

    internal List<string> Errors { get; } = [];

    internal JsonObject ToJson() => new()
    {
        ["id"] = Id,
        ["object"] = "batch",
        ["endpoint"] = Endpoint,
        ["input_file_id"] = InputFileId,
        ["completion_window"] = "24h",
        ["status"] = Status,
        ["output_file_id"] = OutputFileId,
        ["error_file_id"] = ErrorFileId,
        ["created_at"] = CreatedAt.ToUnixTimeSeconds(),
        ["request_counts"] = new JsonObject
        {
            ["total"] = Rows.Count,
            ["completed"] = Output.Count,
            ["failed"] = Errors.Count(e => !e.Contains("\"response\":null", StringComparison.Ordinal)),
        },
        ["errors"] = null,
        ["metadata"] = new JsonObject(Metadata.Select(t => KeyValuePair.Create(t.Key, (JsonNode?)JsonValue.Create(t.Value)))),
    };

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Id} {Status} {Answered}/{Rows.Count}");
}
