using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace MemAlign.Import;

/// <summary>A trace read from a file, or why a line could not be read.</summary>
/// <param name="Line">The line (JSON Lines) or item (a JSON array or document) it came from, from 1.</param>
/// <param name="Trace">The trace, when the line could be read.</param>
/// <param name="Error">Why the line could not be read, when it could not.</param>
public sealed record TraceLine(int Line, Trace? Trace, string? Error);

/// <summary>
/// Reads traces with their assessments from JSON Lines in the MemAlign schema, or from MLflow trace JSON
/// exports (one trace per line, one trace per file, or an array). Each bad line is reported with its line
/// number; the others are read. Assessment ids are derived from the content, so importing the same file
/// twice changes nothing.
/// </summary>
/// <remarks>
/// The MemAlign schema, one object per line: <c>trace_id</c> (string), <c>inputs</c>, <c>outputs</c>,
/// <c>expectations</c> (any JSON; optional), <c>tags</c> (object of strings; optional), <c>assessments</c>
/// (optional array of <c>{name, value, rationale, source: {type: HUMAN | LLM_JUDGE | CODE, id}, create_time}</c>;
/// <c>create_time</c> optional ISO-8601, and when absent a fixed time, so re-imports stay identical).
/// </remarks>
public static class TraceFile
{
    private static readonly DateTimeOffset FixedTime = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Reads the traces of the file at <paramref name="path"/>, one result per line or item, bad ones included with their reason.</summary>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static IEnumerable<TraceLine> Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var text = File.ReadAllText(path);
        var trimmed = text.TrimStart();
        // A whole-file MLflow export: one JSON object or an array of them, possibly pretty-printed.
        if (trimmed.StartsWith('[') || (trimmed.StartsWith('{') && IsSingleDocument(text)))
        {
            using var document = JsonDocument.Parse(text);
            var items = document.RootElement.ValueKind == JsonValueKind.Array ? document.RootElement.EnumerateArray().ToList() : [document.RootElement];
            for (var i = 0; i < items.Count; i++)
            {
                yield return ReadOne(items[i], i + 1);
            }

            yield break;
        }

        var number = 0;
        foreach (var line in text.Split('\n'))
        {
            number++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            TraceLine result;
            try
            {
                using var document = JsonDocument.Parse(line);
                result = ReadOne(document.RootElement, number);
            }
            catch (JsonException e)
            {
                result = new TraceLine(number, null, $"not valid JSON ({e.Message.Split(" Path:")[0].Split(" LineNumber:")[0]})");
            }

            yield return result;
        }
    }

    private static bool IsSingleDocument(string text)
    {
        try
        {
            using var _ = JsonDocument.Parse(text);
            return text.Trim().Contains('\n', StringComparison.Ordinal);
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static TraceLine ReadOne(JsonElement item, int line)
    {
        try
        {
            if (item.ValueKind != JsonValueKind.Object)
            {
                return new TraceLine(line, null, "expected a JSON object");
            }

            return new TraceLine(line, item.TryGetProperty("info", out var info) ? ReadMlflow(info, item) : ReadMemAlign(item), null);
        }
        catch (Exception e) when (e is FormatException or InvalidOperationException or KeyNotFoundException or ArgumentException or JsonException)
        {
            return new TraceLine(line, null, e.Message);
        }
    }

    private static Trace ReadMemAlign(JsonElement item)
    {
        var id = item.TryGetProperty("trace_id", out var traceId) && traceId.ValueKind == JsonValueKind.String && traceId.GetString() is { Length: > 0 } text
            ? text
            : throw new FormatException("\"trace_id\" is missing or not a non-empty string");
        var tags = item.TryGetProperty("tags", out var tagElement) && tagElement.ValueKind == JsonValueKind.Object
            ? tagElement.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString()! : throw new FormatException($"tag \"{p.Name}\" is not a string"))
            : new Dictionary<string, string>();
        var assessments = new List<Assessment>();
        if (item.TryGetProperty("assessments", out var list))
        {
            if (list.ValueKind != JsonValueKind.Array)
            {
                throw new FormatException("\"assessments\" must be an array");
            }

            var index = 0;
            foreach (var a in list.EnumerateArray())
            {
                var name = String(a, "name") ?? throw new FormatException($"assessment {index} has no \"name\"");
                var value = a.TryGetProperty("value", out var v) ? FeedbackValue.FromJson(v) : throw new FormatException($"assessment '{name}' has no \"value\"");
                var source = a.TryGetProperty("source", out var s) ? s : throw new FormatException($"assessment '{name}' has no \"source\"");
                var type = SourceType(String(source, "type") ?? throw new FormatException($"assessment '{name}' has no source \"type\""));
                var sourceId = String(source, "id") ?? "unknown";
                var created = String(a, "create_time") is { } time ? DateTimeOffset.Parse(time, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal) : FixedTime;
                assessments.Add(new Assessment(name, value, new AssessmentSource(type, sourceId), String(a, "rationale"), created)
                {
                    Id = StableId(id, index, name, sourceId),
                });
                index++;
            }
        }

        return new Trace(id)
        {
            Inputs = Element(item, "inputs"),
            Outputs = Element(item, "outputs"),
            Expectations = Element(item, "expectations"),
            Tags = tags,
            Assessments = assessments,
            CreatedAt = FixedTime,
        };
    }

    // MLflow's trace JSON: {"info": {...trace_id|request_id, request/response previews, tags, assessments}, "data": {"spans": [...]}}.
    private static Trace ReadMlflow(JsonElement info, JsonElement whole)
    {
        var id = String(info, "trace_id") ?? String(info, "request_id") ?? throw new FormatException("an MLflow trace without \"trace_id\" or \"request_id\" in \"info\"");
        var (inputs, outputs) = RootSpanIo(whole);
        inputs ??= JsonString(info, "request") ?? JsonString(info, "request_preview");
        outputs ??= JsonString(info, "response") ?? JsonString(info, "response_preview");
        var tags = info.TryGetProperty("tags", out var t) && t.ValueKind == JsonValueKind.Object
            ? t.EnumerateObject().Where(p => p.Value.ValueKind == JsonValueKind.String && !p.Name.StartsWith("mlflow.", StringComparison.Ordinal)).ToDictionary(p => p.Name, p => p.Value.GetString()!)
            : new Dictionary<string, string>();
        var created = info.TryGetProperty("request_time", out var rt) ? Time(rt) : FixedTime;
        var assessments = new List<Assessment>();
        JsonElement? expectations = null;
        if (info.TryGetProperty("assessments", out var list) && list.ValueKind == JsonValueKind.Array)
        {
            var index = 0;
            foreach (var a in list.EnumerateArray())
            {
                var name = String(a, "assessment_name") ?? String(a, "name") ?? throw new FormatException($"MLflow assessment {index} has no name");
                if (a.TryGetProperty("expectation", out var expectation) && expectation.TryGetProperty("value", out var expected))
                {
                    expectations = expected.Clone();
                    index++;
                    continue;
                }

                var value = a.TryGetProperty("feedback", out var feedback) && feedback.TryGetProperty("value", out var fv) ? FeedbackValue.FromJson(fv)
                    : a.TryGetProperty("value", out var plain) ? FeedbackValue.FromJson(plain)
                    : throw new FormatException($"MLflow assessment '{name}' has no feedback value");
                var source = a.TryGetProperty("source", out var s) ? s : default;
                var type = source.ValueKind == JsonValueKind.Object ? SourceType(String(source, "source_type") ?? "HUMAN") : AssessmentSourceType.Human;
                var sourceId = source.ValueKind == JsonValueKind.Object ? String(source, "source_id") ?? "unknown" : "unknown";
                var time = a.TryGetProperty("create_time", out var ct) ? Time(ct) : a.TryGetProperty("create_time_ms", out var ms) ? Time(ms) : created;
                assessments.Add(new Assessment(name, value, new AssessmentSource(type, sourceId), String(a, "rationale"), time)
                {
                    Id = String(a, "assessment_id") ?? StableId(id, index, name, sourceId),
                });
                index++;
            }
        }

        return new Trace(id) { Inputs = inputs, Outputs = outputs, Expectations = expectations, Tags = tags, Assessments = assessments, CreatedAt = created };
    }

    // The root span (no parent) carries the trace's inputs and outputs as JSON-encoded attributes.
    private static (JsonElement? Inputs, JsonElement? Outputs) RootSpanIo(JsonElement whole)
    {
        if (!whole.TryGetProperty("data", out var data) || !data.TryGetProperty("spans", out var spans) || spans.ValueKind != JsonValueKind.Array)
        {
            return (null, null);
        }

        foreach (var span in spans.EnumerateArray())
        {
            var parent = span.TryGetProperty("parent_span_id", out var p) ? p : span.TryGetProperty("parent_id", out var q) ? q : default;
            if (parent.ValueKind is JsonValueKind.String or JsonValueKind.Number && parent.ToString().Length > 0)
            {
                continue;
            }

            if (span.TryGetProperty("attributes", out var attributes))
            {
                return (JsonString(attributes, "mlflow.spanInputs"), JsonString(attributes, "mlflow.spanOutputs"));
            }
        }

        return (null, null);
    }

    private static AssessmentSourceType SourceType(string text) => text.ToUpperInvariant() switch
    {
        "HUMAN" => AssessmentSourceType.Human,
        "LLM_JUDGE" => AssessmentSourceType.LlmJudge,
        "CODE" => AssessmentSourceType.Code,
        _ => throw new FormatException($"source type '{text}' is not HUMAN, LLM_JUDGE or CODE"),
    };

    private static DateTimeOffset Time(JsonElement value) => value.ValueKind == JsonValueKind.Number
        ? DateTimeOffset.FromUnixTimeMilliseconds(value.GetInt64())
        : DateTimeOffset.Parse(value.GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);

    private static string? String(JsonElement item, string name) =>
        item.ValueKind == JsonValueKind.Object && item.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static JsonElement? Element(JsonElement item, string name) =>
        item.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? value.Clone() : null;

    // MLflow stores inputs and outputs as JSON text inside a string; plain text stays text.
    private static JsonElement? JsonString(JsonElement item, string name)
    {
        if (String(item, name) is not { } text)
        {
            return Element(item, name);
        }

        try
        {
            using var document = JsonDocument.Parse(text);
            return document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return JsonSerializer.SerializeToElement(text);
        }
    }

    private static string StableId(string traceId, int index, string name, string sourceId) =>
        "imp-" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes($"{traceId}\n{index}\n{name}\n{sourceId}")), 0, 12).ToLowerInvariant();
}
