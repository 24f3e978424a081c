namespace MemAlign.Tests;

/// <summary>How the tests spell a piece of data as prompts show it: a JSON string.</summary>
internal static class PromptText
{
    public static string Q(string text) => MemAlign.Prompting.PromptJson.Quote(text);
}
