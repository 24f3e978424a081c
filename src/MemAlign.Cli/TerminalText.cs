using System.Text;

namespace MemAlign.Cli;

/// <summary>
/// Text made safe for a terminal: reviewers' ids, label values and trace ids are untrusted, and a control character in
/// them (an escape sequence that retitles the window, clears the screen or rewrites what was printed) must never reach
/// the operator's terminal. Everything printed for people goes through here (<see cref="CliOutput"/>).
/// </summary>
internal static class TerminalText
{
    /// <summary><paramref name="text"/> without control characters (C0 but line feed and tab, DEL, C1) and bidirectional overrides.</summary>
    public static string Clean(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!text.Any(IsUnsafe))
        {
            return text;
        }

        var clean = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (!IsUnsafe(c))
            {
                clean.Append(c);
            }
        }

        return clean.ToString();
    }

    private static bool IsUnsafe(char c) =>
        c is not '\n' and not '\t' && (char.IsControl(c) || c is (>= '\u202a' and <= '\u202e') or (>= '\u2066' and <= '\u2069'));
}
