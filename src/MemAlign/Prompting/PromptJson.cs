using System.Text.Encodings.Web;
using System.Text.Json;

namespace MemAlign.Prompting;

/// <summary>JSON settings for text that goes into prompts: read by a model, not a browser, so quotes and non-ASCII text stay as they are.</summary>
internal static class PromptJson
{
    public static JsonSerializerOptions Compact { get; } = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static JsonSerializerOptions Indented { get; } = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, WriteIndented = true };
}
