using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace MemAlign.Import;

/// <summary>A trace read from a file, or why a line could not be read.</summary>
/// <param name="Line">The line (JSON Lines) or item (a JSON array or document) it came from, from 1.</param>
/// <param name="Trace">The trace, when the line could be read.</param>
/// <param name="Error">Why the line could not be read, when it could not.</param>
public sealed record TraceLine(int Line, Trace? Trace, string? Error)
{
    /// <summary>The trace's id, when it could be read (also on a line in error, so a report can name the trace).</summary>
    public string? TraceId { get; init; } = Trace?.Id;

    /// <summary>
    /// Why this item holds nothing to import, when it is not an error either: a span of an OTLP export that is not a
    /// GenAI chat span (an HTTP request, a database query). The importer counts these apart from errors.
    /// </summary>
    public string? Ignored { get; init; }

    /// <summary>An item that holds nothing to import, and why (see <see cref="Ignored"/>).</summary>
    public static TraceLine Ignore(int line, string reason) => new(line, null, null) { Ignored = reason };
}

/// <summary>The format of a trace file.</summary>
public enum TraceFileFormat
{
    /// <summary>
    /// Recognised from the content: MemAlign schema or MLflow export, item by item (JSON Lines, a JSON array, or one
    /// MLflow document); an OTLP JSON export when the first item is one (<c>{"resourceSpans": [...]}</c>).
    /// </summary>
    Auto,

    /// <summary>The MemAlign schema: JSON Lines or a JSON array, one trace per item.</summary>
    MemAlign,

    /// <summary>MLflow trace JSON exports: one per line, one per file, or an array.</summary>
    Mlflow,

    /// <summary>
    /// OTLP JSON as the OpenTelemetry Collector's file exporter writes it: one <c>ExportTraceServiceRequest</c> per
    /// line (<c>resourceSpans[].scopeSpans[].spans[]</c>), or one such document; its GenAI chat spans become traces
    /// (<see cref="GenAiSpans"/>), its other spans are ignored and counted.
    /// </summary>
    OtlpJson,
}

/// <summary>
/// Reads traces with their assessments from JSON Lines in the MemAlign schema, from MLflow trace JSON
/// exports (one trace per line, one trace per file, or an array), or from OTLP JSON exports of an instrumented
/// app's GenAI chat spans (<see cref="TraceFileFormat.OtlpJson"/>). Each bad line is reported with its line
/// number and the reason; the others are read. Nothing is repaired or guessed: bytes that are not UTF-8, a
/// key given twice, <c>"tags"</c> that is not an object of strings, a number too large to be finite and
/// text no store can keep (a NUL character) are each a line error. Assessment ids are derived from the
/// trace, the feedback name and the source (never from list positions), so importing a file again, or one
/// whose assessments come in another order, changes nothing.
/// </summary>
/// <remarks>
/// <para>Formats: JSON Lines, one object per line, with LF, CRLF or CR line endings; or one JSON array of
/// such objects; or one (possibly pretty-printed) MLflow trace object. A UTF-8 byte order mark is allowed.</para>
/// <para>The MemAlign schema, one object per line: <c>trace_id</c> (string), <c>inputs</c>, <c>outputs</c>,
/// <c>expectations</c> (any JSON; optional), <c>tags</c> (object of strings; optional), <c>assessments</c>
/// (optional array of <c>{name, value, rationale, source: {type: HUMAN | LLM_JUDGE | CODE, id}, create_time, judge_shown}</c>;
/// <c>judge_shown</c> optional: whether the reviewer had seen a judge's verdict before labelling (<see cref="Assessment.JudgeShown"/>);
/// <c>create_time</c> optional ISO-8601, and when absent a fixed time, so re-imports stay identical).</para>
/// </remarks>
public static partial class TraceFile
{
    private static readonly DateTimeOffset FixedTime = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private static readonly JsonDocumentOptions Strict = new() { AllowDuplicateProperties = false };

    /// <summary>Reads the traces of the file at <paramref name="path"/>, one result per line or item, bad ones included with their reason.</summary>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static IEnumerable<TraceLine> Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return Read(File.ReadAllBytes(path));
    }

    /// <summary>Reads traces from the bytes of a file (see <see cref="Read(string)"/>).</summary>
    public static IEnumerable<TraceLine> Read(byte[] content) => Read(content, TraceFileFormat.Auto);

    /// <summary>Reads the traces of the file at <paramref name="path"/> in a given format, one result per line or item, bad ones included with their reason.</summary>
    /// <param name="path">The file.</param>
    /// <param name="format">Its format, or <see cref="TraceFileFormat.Auto"/> to recognise it.</param>
    /// <param name="spans">For OTLP JSON: which spans become traces, and their tags (default <see cref="GenAiTraceOptions.Default"/>).</param>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static IEnumerable<TraceLine> Read(string path, TraceFileFormat format, GenAiTraceOptions? spans = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        return Read(File.ReadAllBytes(path), format, spans);
    }

    /// <summary>Reads traces from the bytes of a file in a given format (see <see cref="Read(string, TraceFileFormat, GenAiTraceOptions?)"/>).</summary>
    public static IEnumerable<TraceLine> Read(byte[] content, TraceFileFormat format, GenAiTraceOptions? spans = null)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (!Enum.IsDefined(format))
        {
            throw new ArgumentOutOfRangeException(nameof(format), format, "not a TraceFileFormat");
        }

        var bytes = content.AsMemory();
        if (bytes.Span.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            bytes = bytes[3..];
        }

        var first = FirstNonSpace(bytes.Span);
        if (format == TraceFileFormat.OtlpJson || (format == TraceFileFormat.Auto && first == '{' && IsOtlp(bytes)))
        {
            return ReadOtlp(bytes, spans ?? GenAiTraceOptions.Default);
        }

        // A whole-file document: a JSON array of traces, or one (pretty-printed) MLflow export.
        if (first == '[' || (first == '{' && IsSingleDocument(bytes)))
        {
            return ReadDocument(bytes, format);
        }

        return ReadLines(bytes, format);
    }

    private static IEnumerable<TraceLine> ReadLines(ReadOnlyMemory<byte> bytes, TraceFileFormat format)
    {
        foreach (var (line, number) in Lines(bytes))
        {
            yield return ReadLine(line, number, format);
        }
    }

    private static List<TraceLine> ReadDocument(ReadOnlyMemory<byte> bytes, TraceFileFormat format)
    {
        if (!IsUtf8(bytes.Span, out var error))
        {
            return [new TraceLine(1, null, error)];
        }

        List<JsonElement> items;
        try
        {
            using var document = JsonDocument.Parse(bytes, Strict);
            items = document.RootElement.ValueKind == JsonValueKind.Array
                ? document.RootElement.EnumerateArray().Select(i => i.Clone()).ToList()
                : [document.RootElement.Clone()];
        }
        catch (JsonException e)
        {
            return [new TraceLine(1, null, $"the file is one JSON document but not valid JSON ({JsonProblem(e)}); write one trace per line (JSON Lines) or a JSON array of traces")];
        }

        return items.Select((item, i) => ReadOne(item, i + 1, format)).ToList();
    }

    // JSON Lines: LF, CRLF or a lone CR end a line (a line break inside a JSON string is always escaped). Lazy: one line at a time;
    // blank lines are skipped but counted, so numbers are those an editor shows.
    private static IEnumerable<(ReadOnlyMemory<byte> Line, int Number)> Lines(ReadOnlyMemory<byte> bytes)
    {
        var number = 0;
        var start = 0;
        while (start <= bytes.Length)
        {
            var (end, next) = LineEnd(bytes.Span, start);
            var line = bytes[start..end];
            number++;
            if (!IsBlank(line.Span))
            {
                yield return (line, number);
            }

            if (next < 0)
            {
                yield break;
            }

            start = next;
        }
    }

    // Where the line starting at start ends, and where the next begins (-1 at the end of the file).
    private static (int End, int Next) LineEnd(ReadOnlySpan<byte> bytes, int start)
    {
        var at = bytes[start..].IndexOfAny((byte)'\n', (byte)'\r');
        if (at < 0)
        {
            return (bytes.Length, -1);
        }

        var end = start + at;
        return (end, bytes[end] == '\r' && end + 1 < bytes.Length && bytes[end + 1] == '\n' ? end + 2 : end + 1);
    }

    private static TraceLine ReadLine(ReadOnlyMemory<byte> line, int number, TraceFileFormat format)
    {
        if (!IsUtf8(line.Span, out var error))
        {
            return new TraceLine(number, null, error);
        }

        try
        {
            using var document = JsonDocument.Parse(line, Strict);
            return ReadOne(document.RootElement, number, format);
        }
        catch (JsonException e)
        {
            return new TraceLine(number, null, $"not valid JSON ({JsonProblem(e)})");
        }
    }

    // Text that is not UTF-8 is an error, never replaced with U+FFFD. Checked without decoding; only a bad line is decoded, to say where.
    private static bool IsUtf8(ReadOnlySpan<byte> bytes, out string? error)
    {
        error = null;
        if (System.Text.Unicode.Utf8.IsValid(bytes))
        {
            return true;
        }

        try
        {
            StrictUtf8.GetString(bytes);
            return true;
        }
        catch (DecoderFallbackException e)
        {
            var offset = e.Index >= 0 ? e.Index : 0;
            error = $"not valid UTF-8 (byte 0x{(e.BytesUnknown?.FirstOrDefault() ?? 0):X2} at byte {offset + 1} of the line); save the file as UTF-8";
            return false;
        }
    }

    private static string JsonProblem(JsonException e) => e.Message.Split(" Path:")[0].Split(" LineNumber:")[0].TrimEnd('.', ' ');

    private static bool IsSingleDocument(ReadOnlyMemory<byte> bytes)
    {
        try
        {
            using var _ = JsonDocument.Parse(bytes);
            return bytes.Span.Trim((ReadOnlySpan<byte>)[(byte)' ', (byte)'\t', (byte)'\r', (byte)'\n']).IndexOfAny((byte)'\n', (byte)'\r') >= 0;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static int FirstNonSpace(ReadOnlySpan<byte> bytes)
    {
        foreach (var b in bytes)
        {
            if (b is not ((byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n'))
            {
                return b;
            }
        }

        return -1;
    }

    private static bool IsBlank(ReadOnlySpan<byte> line) => FirstNonSpace(line) < 0;

    private static TraceLine ReadOne(JsonElement item, int line, TraceFileFormat format)
    {
        try
        {
            if (item.ValueKind != JsonValueKind.Object)
            {
                return new TraceLine(line, null, "expected a JSON object");
            }

            var mlflow = item.TryGetProperty("info", out var info);
            if (format == TraceFileFormat.Mlflow && !mlflow)
            {
                return new TraceLine(line, null, "not an MLflow trace export: it has no \"info\" object (the format was given as MLflow)");
            }

            var trace = mlflow && format != TraceFileFormat.MemAlign ? ReadMlflow(info, item) : ReadMemAlign(item);
            return Storage.StorableText.Problem(trace) is { } problem ? new TraceLine(line, null, problem) { TraceId = trace.Id } : new TraceLine(line, trace, null);
        }
        catch (Exception e) when (e is FormatException or InvalidOperationException or KeyNotFoundException or ArgumentException or JsonException)
        {
            return new TraceLine(line, null, e.Message.ReplaceLineEndings(" "));
        }
    }

    private static Trace ReadMemAlign(JsonElement item)
    {
        var id = item.TryGetProperty("trace_id", out var traceId) && traceId.ValueKind == JsonValueKind.String && traceId.GetString() is { Length: > 0 } text
            ? text
            : throw new FormatException("\"trace_id\" is missing or not a non-empty string");
        var tags = new Dictionary<string, string>(StringComparer.Ordinal);
        if (item.TryGetProperty("tags", out var tagElement) && tagElement.ValueKind != JsonValueKind.Null)
        {
            if (tagElement.ValueKind != JsonValueKind.Object)
            {
                throw new FormatException($"\"tags\" must be an object of strings, such as {{\"split\": \"test\"}}, not {tagElement.ValueKind.ToString().ToLowerInvariant()}");
            }

            foreach (var tag in tagElement.EnumerateObject())
            {
                tags.Add(tag.Name, tag.Value.ValueKind == JsonValueKind.String ? tag.Value.GetString()! : throw new FormatException($"tag \"{tag.Name}\" is not a string"));
            }
        }
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
                assessments.Add(new Assessment(name, value, new AssessmentSource(type, sourceId), String(a, "rationale"), created, StableId(id, name, type, sourceId))
                {
                    JudgeShown = a.TryGetProperty("judge_shown", out var shown) ? shown.ValueKind switch
                    {
                        JsonValueKind.True => true,
                        JsonValueKind.False => false,
                        JsonValueKind.Null => null,
                        _ => throw new FormatException($"assessment '{name}': \"judge_shown\" must be true, false or null, not {shown.ValueKind.ToString().ToLowerInvariant()}"),
                    } : null,
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
                assessments.Add(new Assessment(name, value, new AssessmentSource(type, sourceId), String(a, "rationale"), time,
                    String(a, "assessment_id") ?? StableId(id, name, type, sourceId)));
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

    private static AssessmentSourceType SourceType(string text) => AssessmentSource.TryParseType(text, out var type)
        ? type
        : throw new FormatException($"source type '{text}' is not HUMAN, LLM_JUDGE or CODE");

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

    // One assessment per trace, feedback name and source: its id says which, whatever its position in the list.
    private static string StableId(string traceId, string name, AssessmentSourceType type, string sourceId) =>
        "imp-" + Assessment.KeyHash(traceId, name, type, sourceId);
}
