using System.Text.Json;
using System.Text.Json.Nodes;

namespace MemAlign.Storage.Sql;

/// <summary>How definitions, values, fields, settings and experiment reports are written as JSON text in the store.</summary>
internal static class StoredJson
{
    public static string Definition(JudgeDefinition definition)
    {
        var type = definition.ValueType;
        var valueType = new JsonObject { ["kind"] = type.Kind.ToString() };
        if (type.Minimum is { } min)
        {
            valueType["minimum"] = min;
            valueType["maximum"] = type.Maximum;
        }

        // Written only when declared, so judges without one store exactly what older versions stored (and read them back).
        if (type.NotApplicable is { } notApplicable)
        {
            valueType["not_applicable"] = notApplicable;
        }

        if (type.Options.Count > 0)
        {
            valueType["options"] = new JsonArray([.. type.Options.Select(o => (JsonNode?)o)]);
        }

        return new JsonObject
        {
            ["name"] = definition.Name,
            ["instructions"] = definition.Instructions,
            ["model"] = definition.Model,
            ["value_type"] = valueType,
        }.ToJsonString();
    }

    public static JudgeDefinition ReadDefinition(string json)
    {
        var node = JsonNode.Parse(json)!;
        var type = node["value_type"]!;
        var valueType = Enum.Parse<FeedbackTypeKind>((string)type["kind"]!) switch
        {
            FeedbackTypeKind.Boolean => FeedbackValueType.Boolean,
            FeedbackTypeKind.Integer => FeedbackValueType.Integer((int)(double)type["minimum"]!, (int)(double)type["maximum"]!),
            FeedbackTypeKind.Number => FeedbackValueType.Number((double)type["minimum"]!, (double)type["maximum"]!),
            FeedbackTypeKind.Categorical => FeedbackValueType.Categorical(type["options"]!.AsArray().Select(o => (string)o!)),
            _ => FeedbackValueType.Text,
        };
        if (type["not_applicable"] is { } notApplicable)
        {
            valueType = valueType.WithNotApplicable((double)notApplicable);
        }

        return JudgeDefinition.Create((string)node["name"]!, (string)node["instructions"]!, valueType, (string?)node["model"]);
    }

    // A boolean, the commonest label, is one of two texts: no serializer run (and no string) per label written.
    public static string Value(FeedbackValue value) =>
        value.Kind == FeedbackValueKind.Boolean ? (value.AsBoolean() ? "true" : "false") : JsonSerializer.Serialize(value);

    public static FeedbackValue ReadValue(string json)
    {
        using var document = JsonDocument.Parse(json);
        return FeedbackValue.FromJson(document.RootElement);
    }

    public static string Strings(IReadOnlyDictionary<string, string> values) => values.Count == 0 ? "{}" : JsonSerializer.Serialize(values);

    public static IReadOnlyDictionary<string, string> ReadStrings(string json) =>
        JsonSerializer.Deserialize<Dictionary<string, string>>(json) ?? [];

    public static string List(IReadOnlyList<string> values) => JsonSerializer.Serialize(values);

    public static IReadOnlyList<string> ReadList(string json) => JsonSerializer.Deserialize<List<string>>(json) ?? [];

    // Enums by name, as schema 3 stored reports (in a run's settings) and as they read in a text editor.
    private static readonly JsonSerializerOptions ReportOptions = new() { Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } };

    public static string Report(Evaluation.ExperimentReport report) => JsonSerializer.Serialize(report, ReportOptions);

    public static Evaluation.ExperimentReport ReadReport(string json) =>
        JsonSerializer.Deserialize<Evaluation.ExperimentReport>(json, ReportOptions) ?? throw new JsonException("The report is null.");

    public static string? Element(JsonElement? element) => element?.GetRawText();

    public static JsonElement? ReadElement(object value)
    {
        if (value is not string text)
        {
            return null;
        }

        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }

    public static byte[] Vector(ReadOnlyMemory<float> vector) => System.Runtime.InteropServices.MemoryMarshal.AsBytes(vector.Span).ToArray();

    public static float[] ReadVector(byte[] bytes) => System.Runtime.InteropServices.MemoryMarshal.Cast<byte, float>(bytes).ToArray();
}
