using MemAlign.Cli.Json;

namespace MemAlign.Cli;

/// <summary>
/// Where a command's results go: lines for people, or (with --json) one JSON document on standard output
/// for CI, its result or its error (docs/json-output.md). Notices (such as "using the local models") and
/// errors go to standard error as well, so JSON output stays clean and people still read what went wrong.
/// </summary>
/// <param name="json">Whether --json was given.</param>
/// <param name="command">The command's name, such as "judges list", for the document; null when none was named.</param>
/// <param name="output">Standard output.</param>
/// <param name="errors">Standard error.</param>
internal sealed class CliOutput(bool json, string? command, TextWriter output, TextWriter errors)
{
    // A document is written once: an error after the result (or a second result) would make the output two documents.
    private bool _written;

    public bool Json { get; } = json;

    public TextWriter Errors { get; } = errors;

    /// <summary>A line for people, without control characters (<see cref="TerminalText"/>); suppressed with --json.</summary>
    public void Line(string text = "")
    {
        if (!Json)
        {
            output.WriteLine(TerminalText.Clean(text));
        }
    }

    /// <summary>Whether progress should be drawn as a bar (a terminal) or plain lines (redirected).</summary>
    public bool Interactive => !Json && !Console.IsOutputRedirected && !Console.IsErrorRedirected;

    /// <summary>A notice for people, on standard error, without control characters (<see cref="TerminalText"/>).</summary>
    public void Notice(string text) => Errors.WriteLine(TerminalText.Clean(text));

    /// <summary>The machine-readable result; written only with --json.</summary>
    public void Result(JsonResult result)
    {
        if (Json && !_written)
        {
            _written = true;
            output.WriteLine(CliJsonContext.Serialize(result with { Command = command }));
        }
    }

    /// <summary>
    /// The command failed: "error: <paramref name="message"/>" on standard error (with <paramref name="details"/>,
    /// such as a stack trace, when given), and with --json an error document, unless a result was already written.
    /// </summary>
    /// <param name="code">One of <see cref="ErrorJson"/>'s codes.</param>
    /// <param name="message">What went wrong and what to do, on one line.</param>
    /// <param name="exitCode">The exit code the process returns.</param>
    /// <param name="details">More for standard error only.</param>
    public int Error(string code, string message, int exitCode, string details = "")
    {
        Notice((code == ErrorJson.Cancelled ? "" : "error: ") + message + details);
        Result(new ErrorResult(new ErrorJson(code, message, exitCode)));
        return exitCode;
    }
}
