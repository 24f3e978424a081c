using System.Text.Json;
using System.Text.Json.Nodes;

namespace MemAlign.Cli;

/// <summary>
/// Where a command's results go: lines for people, or (with --json) one JSON document on standard output
/// for CI. Notices (such as "using the local models") go to standard error so JSON output stays clean.
/// </summary>
internal sealed class CliOutput(bool json, TextWriter output, TextWriter errors)
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public bool Json { get; } = json;

    public TextWriter Errors { get; } = errors;

    /// <summary>A line for people; suppressed with --json.</summary>
    public void Line(string text = "")
    {
        if (!Json)
        {
            output.WriteLine(text);
        }
    }

    /// <summary>A notice for people, on standard error.</summary>
    public void Notice(string text) => Errors.WriteLine(text);

    /// <summary>The machine-readable result; written only with --json.</summary>
    public void Result(JsonNode result)
    {
        if (Json)
        {
            output.WriteLine(result.ToJsonString(Indented));
        }
    }

    /// <summary>Whether progress should be drawn as a bar (a terminal) or plain lines (redirected).</summary>
    public bool Interactive => !Json && !Console.IsOutputRedirected && !Console.IsErrorRedirected;
}
