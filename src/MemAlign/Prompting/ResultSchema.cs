using System.Collections.Concurrent;
using System.Text.Json;

namespace MemAlign.Prompting;

/// <summary>The JSON schema of a judge's reply, <c>{ rationale, result }</c>, with the result constrained to the value type (enum, scale).</summary>
internal static class ResultSchema
{
    private static readonly ConcurrentDictionary<FeedbackValueType, JsonElement> Cache = new();

    public static JsonElement For(FeedbackValueType valueType) => Cache.GetOrAdd(valueType, Create);

    private static JsonElement Create(FeedbackValueType valueType)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("type", "object");
            writer.WriteStartObject("properties");
            writer.WriteStartObject("rationale");
            writer.WriteString("type", "string");
            writer.WriteEndObject();
            writer.WritePropertyName("result");
            WriteValueSchema(writer, valueType);
            writer.WriteEndObject();
            writer.WriteStartArray("required");
            writer.WriteStringValue("rationale");
            writer.WriteStringValue("result");
            writer.WriteEndArray();
            writer.WriteBoolean("additionalProperties", false);
            writer.WriteEndObject();
        }

        using var document = JsonDocument.Parse(buffer.ToArray());
        return document.RootElement.Clone();
    }

    // The JSON schema of one value of the type: the model's "result".
    private static void WriteValueSchema(Utf8JsonWriter writer, FeedbackValueType valueType)
    {
        writer.WriteStartObject();
        switch (valueType.Kind)
        {
            case FeedbackTypeKind.Boolean:
                writer.WriteString("type", "boolean");
                break;
            case FeedbackTypeKind.Integer or FeedbackTypeKind.Number:
                var type = valueType.Kind == FeedbackTypeKind.Integer ? "integer" : "number";
                if (valueType.NotApplicable is { } notApplicable)
                {
                    // The "not applicable" value lies outside the scale: a value on the scale, or exactly that one.
                    writer.WriteStartArray("anyOf");
                    writer.WriteStartObject();
                    WriteScale(writer, type, valueType);
                    writer.WriteEndObject();
                    writer.WriteStartObject();
                    writer.WriteString("type", type);
                    writer.WriteStartArray("enum");
                    writer.WriteNumberValue(notApplicable);
                    writer.WriteEndArray();
                    writer.WriteEndObject();
                    writer.WriteEndArray();
                }
                else
                {
                    WriteScale(writer, type, valueType);
                }

                break;
            case FeedbackTypeKind.Categorical:
                writer.WriteString("type", "string");
                writer.WriteStartArray("enum");
                foreach (var option in valueType.Options)
                {
                    writer.WriteStringValue(option);
                }

                writer.WriteEndArray();
                break;
            default:
                writer.WriteString("type", "string");
                break;
        }

        writer.WriteEndObject();
    }

    private static void WriteScale(Utf8JsonWriter writer, string type, FeedbackValueType valueType)
    {
        writer.WriteString("type", type);
        writer.WriteNumber("minimum", valueType.Minimum!.Value);
        writer.WriteNumber("maximum", valueType.Maximum!.Value);
    }
}
