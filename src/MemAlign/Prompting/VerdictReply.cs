using System.Diagnostics.CodeAnalysis;
using System.Text.Json;

namespace MemAlign.Prompting;

/// <summary>
/// Reads a judge model's reply: a JSON object <c>{ "result": ..., "rationale": "..." }</c>, possibly in
/// a markdown fence or surrounded by prose, with the result checked against the judge's value type.
/// </summary>
internal readonly record struct VerdictReply(FeedbackValue? Value, string? Rationale, string? Error)
{
    public static VerdictReply Parse(string? text, FeedbackValueType valueType)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return Invalid("The reply was empty.");
        }

        var json = ExtractJson(text);
        if (json is null)
        {
            return Invalid("The reply contained no JSON object.");
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException e)
        {
            return Invalid($"The reply was not valid JSON ({e.Message}).");
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return Invalid("The reply was JSON but not an object.");
            }

            if (!TryGetProperty(root, "result", out var result))
            {
                return Invalid("The reply has no \"result\".");
            }

            if (!TryGetProperty(root, "rationale", out var rationale) || rationale.ValueKind != JsonValueKind.String)
            {
                return Invalid("The reply has no \"rationale\" string.");
            }

            return TryReadResult(result, valueType, out var value, out var error) ? new VerdictReply(value, rationale.GetString(), null) : Invalid(error);
        }
    }

    private static VerdictReply Invalid(string error) => new(null, null, error);

    /// <summary>
    /// Reads the value a model wrote as "result": leniently where it is unambiguous ("yes" for true, "4"
    /// for 4, an option in any case) and strictly about range and options.
    /// </summary>
    internal static bool TryReadResult(JsonElement element, FeedbackValueType valueType, [NotNullWhen(true)] out FeedbackValue? value, [NotNullWhen(false)] out string? error)
    {
        FeedbackValue? raw = element.ValueKind switch
        {
            JsonValueKind.True or JsonValueKind.False => FeedbackValue.FromBoolean(element.ValueKind == JsonValueKind.True),
            JsonValueKind.Number => FeedbackValue.FromNumber(element.GetDouble()),
            JsonValueKind.String => FeedbackValue.FromText(element.GetString()!),
            _ => null,
        };
        if (raw is null)
        {
            value = null;
            error = $"\"result\" must be {valueType.Describe()}, but it was {Abbreviate(element.GetRawText())}.";
            return false;
        }

        if (valueType.TryNormalize(raw, out value, out var reason))
        {
            error = null;
            return true;
        }

        error = $"\"result\" must be {valueType.Describe()}, but it was {Abbreviate(element.GetRawText())}{reason}";
        return false;
    }

    private static string Abbreviate(string text) => text.Length <= 80 ? text : string.Concat(text.AsSpan(0, 77), "...");

    /// <summary>The outermost JSON object in a model's reply: models wrap JSON in ```json fences or add a sentence around it.</summary>
    internal static string? ExtractJson(string text)
    {
        var start = text.IndexOf('{', StringComparison.Ordinal);
        var end = text.LastIndexOf('}');
        return start >= 0 && end > start ? text[start..(end + 1)] : null;
    }

    private static bool TryGetProperty(JsonElement root, string name, out JsonElement value)
    {
        if (root.TryGetProperty(name, out value))
        {
            return true;
        }

        foreach (var property in root.EnumerateObject())
        {
            if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                value = property.Value;
                return true;
            }
        }

        return false;
    }
}
