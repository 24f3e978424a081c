using System.Text.Json;
using MemAlign.Prompting;
using Scriban.Runtime;

namespace MemAlign.Rubrics;

/// <summary>
/// Trace values as a rubric sees them: strings stay strings; objects and arrays become Scriban objects
/// (so <c>{{ inputs.question }}</c> works) that print as indented JSON (so <c>{{ inputs }}</c> shows
/// the whole value). Values are data: nothing in them is ever parsed as a template.
/// </summary>
internal static class JsonData
{
    public static object? ToScriptValue(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => element.GetString(),
        JsonValueKind.Object => new DataObject(element),
        JsonValueKind.Array => new DataArray(element),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.Number => element.TryGetInt64(out var whole) ? whole : element.GetDouble(),
        _ => null,
    };

    /// <summary>The text a value shows in a prompt: a string as is, anything else as indented JSON.</summary>
    public static string ToPromptText(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => element.GetString()!,
        JsonValueKind.Number => element.GetRawText(),
        _ => JsonSerializer.Serialize(element, PromptJson.Indented),
    };

    /// <summary>A value that prints as the JSON it came from.</summary>
    internal interface IJsonBacked
    {
        string Json { get; }
    }

    private sealed class DataObject : ScriptObject, IJsonBacked
    {
        public DataObject(JsonElement element)
        {
            Json = JsonSerializer.Serialize(element, PromptJson.Indented);
            foreach (var property in element.EnumerateObject())
            {
                SetValue(property.Name, ToScriptValue(property.Value), readOnly: true);
            }
        }

        public string Json { get; }
    }

    private sealed class DataArray : ScriptArray, IJsonBacked
    {
        public DataArray(JsonElement element)
            : base(element.GetArrayLength())
        {
            Json = JsonSerializer.Serialize(element, PromptJson.Indented);
            foreach (var item in element.EnumerateArray())
            {
                Add(ToScriptValue(item));
            }
        }

        public string Json { get; }
    }
}
