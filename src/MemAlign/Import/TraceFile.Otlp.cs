using System.Globalization;
using System.Text.Json;

namespace MemAlign.Import;

// OTLP JSON (the OpenTelemetry protocol's JSON encoding, as the Collector's file exporter writes it): hand-read with
// System.Text.Json, as no .NET package parses OTLP JSON (OpenTelemetry .NET only writes protobuf).
public static partial class TraceFile
{
    private static bool IsOtlp(ReadOnlyMemory<byte> bytes)
    {
        var (end, _) = LineEnd(bytes.Span, 0);
        return HasResourceSpans(bytes[..end]) || (IsSingleDocument(bytes) && HasResourceSpans(bytes));
    }

    private static bool HasResourceSpans(ReadOnlyMemory<byte> json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            return document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("resourceSpans", out _);
        }
        catch (JsonException)
        {
            return false;
        }
    }

    // One export request per line (or one document: its items all on line 1).
    private static IEnumerable<TraceLine> ReadOtlp(ReadOnlyMemory<byte> bytes, GenAiTraceOptions options) =>
        FirstNonSpace(bytes.Span) == '{' && IsSingleDocument(bytes)
            ? ReadOtlpItem(bytes, 1, options)
            : Lines(bytes).SelectMany(line => ReadOtlpItem(line.Line, line.Number, options));

    private static List<TraceLine> ReadOtlpItem(ReadOnlyMemory<byte> item, int number, GenAiTraceOptions options)
    {
        if (!IsUtf8(item.Span, out var error))
        {
            return [new TraceLine(number, null, error)];
        }

        try
        {
            using var document = JsonDocument.Parse(item, Strict);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("resourceSpans", out var resourceSpans) || resourceSpans.ValueKind != JsonValueKind.Array)
            {
                return [new TraceLine(number, null,
                    "not an OTLP trace export: expected {\"resourceSpans\": [...]} (one ExportTraceServiceRequest per line, as the OpenTelemetry Collector's file exporter writes)")];
            }

            var lines = new List<TraceLine>();
            var index = 0;
            foreach (var resource in resourceSpans.EnumerateArray())
            {
                var resourceAttributes = resource.TryGetProperty("resource", out var r) && r.ValueKind == JsonValueKind.Object
                    ? OtlpAttributes(r, "the resource")
                    : new Dictionary<string, object?>();
                foreach (var scope in Items(resource, "scopeSpans", "instrumentationLibrarySpans"))
                {
                    foreach (var span in Items(scope, "spans"))
                    {
                        index++;
                        lines.Add(ReadOtlpSpan(span, index, number, resourceAttributes, options));
                    }
                }
            }

            return lines;
        }
        catch (JsonException e)
        {
            return [new TraceLine(number, null, $"not valid JSON ({JsonProblem(e)})")];
        }
        catch (FormatException e)
        {
            return [new TraceLine(number, null, e.Message)];
        }
    }

    private static TraceLine ReadOtlpSpan(JsonElement span, int index, int number, Dictionary<string, object?> resource, GenAiTraceOptions options)
    {
        var name = String(span, "name");
        var what = $"span {index} of the line{(name is null ? "" : $" ('{name}')")}";
        try
        {
            if (span.ValueKind != JsonValueKind.Object)
            {
                throw new FormatException("is not a JSON object");
            }

            var start = Nanoseconds(span, "startTimeUnixNano") ?? throw new FormatException("has no \"startTimeUnixNano\"");
            var end = Nanoseconds(span, "endTimeUnixNano");
            var read = new GenAiSpan(String(span, "traceId") ?? "", String(span, "spanId") ?? "", DateTimeOffset.UnixEpoch.AddTicks((long)(start / 100)), OtlpAttributes(span, what))
            {
                Name = name,
                ParentSpanId = String(span, "parentSpanId") is { Length: > 0 } parent ? parent : null,
                Duration = end is { } e && e >= start ? TimeSpan.FromTicks((long)((e - start) / 100)) : null,
                ResourceAttributes = resource,
            };
            var result = GenAiSpans.ToTrace(read, options);
            return result.Outcome switch
            {
                GenAiSpanOutcome.Trace => new TraceLine(number, result.Trace, null),
                GenAiSpanOutcome.NotChat => TraceLine.Ignore(number, result.Reason!),
                _ => new TraceLine(number, null, result.Reason) { TraceId = result.TraceId },
            };
        }
        catch (Exception e) when (e is FormatException or OverflowException or ArgumentException or InvalidOperationException)
        {
            return new TraceLine(number, null, e.Message.StartsWith(what, StringComparison.Ordinal) ? e.Message : $"{what} {e.Message}");
        }
    }

    private static List<JsonElement> Items(JsonElement parent, params string[] names)
    {
        foreach (var name in names)
        {
            if (parent.ValueKind == JsonValueKind.Object && parent.TryGetProperty(name, out var list))
            {
                return list.ValueKind == JsonValueKind.Array ? [.. list.EnumerateArray()] : throw new FormatException($"\"{name}\" is not an array");
            }
        }

        return [];
    }

    // OTLP JSON writes 64-bit integers as strings (numbers are accepted too).
    private static ulong? Nanoseconds(JsonElement span, string name) =>
        !span.TryGetProperty(name, out var value) ? null
        : value.ValueKind == JsonValueKind.String && ulong.TryParse(value.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out var text) ? text
        : value.ValueKind == JsonValueKind.Number && value.TryGetUInt64(out var number) ? number
        : throw new FormatException($"has a \"{name}\" that is not a count of nanoseconds");

    // [{"key": "...", "value": {"stringValue": "..."}}, ...]: keys are unique (the protocol says so; a repeat would be a guess).
    private static Dictionary<string, object?> OtlpAttributes(JsonElement owner, string what, string list = "attributes")
    {
        var attributes = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var attribute in Items(owner, list))
        {
            var key = String(attribute, "key") ?? throw new FormatException($"{what} has an attribute without a \"key\"");
            var value = attribute.TryGetProperty("value", out var v) ? AnyValue(v, key) : null;
            if (!attributes.TryAdd(key, value))
            {
                throw new FormatException($"{what} has the attribute '{key}' twice");
            }
        }

        return attributes;
    }

    // An AnyValue: exactly one of stringValue, boolValue, intValue, doubleValue, arrayValue, kvlistValue, bytesValue (none: empty).
    private static object? AnyValue(JsonElement value, string key)
    {
        if (value.ValueKind != JsonValueKind.Object)
        {
            throw new FormatException($"the value of attribute '{key}' is not an OTLP AnyValue object");
        }

        foreach (var property in value.EnumerateObject())
        {
            var v = property.Value;
            switch (property.Name)
            {
                case "stringValue" when v.ValueKind == JsonValueKind.String:
                    return v.GetString();
                case "boolValue" when v.ValueKind is JsonValueKind.True or JsonValueKind.False:
                    return v.GetBoolean();
                case "intValue" when v.ValueKind == JsonValueKind.String && long.TryParse(v.GetString(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var i):
                    return i;
                case "intValue" when v.ValueKind == JsonValueKind.Number && v.TryGetInt64(out var n):
                    return n;
                case "doubleValue" when v.ValueKind == JsonValueKind.Number:
                    return v.GetDouble();
                case "doubleValue" when v.ValueKind == JsonValueKind.String && double.TryParse(v.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var d):
                    return d;
                case "bytesValue" when v.ValueKind == JsonValueKind.String:
                    return v.GetString();
                case "arrayValue":
                    return Items(v, "values").Select(item => AnyValue(item, key)).ToArray();
                case "kvlistValue":
                    return OtlpAttributes(v, $"attribute '{key}'", "values");
                default:
                    throw new FormatException($"the value of attribute '{key}' has \"{property.Name}\" of the wrong type or an unknown kind");
            }
        }

        return null;
    }
}
