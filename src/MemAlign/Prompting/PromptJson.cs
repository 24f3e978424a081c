using System.Text.Encodings.Web;
using System.Text.Json;

namespace MemAlign.Prompting;

/// <summary>JSON settings for text that goes into prompts: read by a model, not a browser, so quotes and non-ASCII text stay as they are.</summary>
internal static class PromptJson
{
    public static JsonSerializerOptions Compact { get; } = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static JsonSerializerOptions Indented { get; } = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, WriteIndented = true };

    /// <summary>
    /// Text as a JSON string literal: quoted, with quotes, backslashes and line breaks escaped, so the text
    /// stays on one line and cannot end its quotes. This is how every piece of trace content, every example
    /// and every guideline appears in a prompt: no content can imitate the prompt's own sections.
    /// </summary>
    public static string Quote(string text) => JsonSerializer.Serialize(text, Compact);
}
