using System.Text;

namespace MemAlign.Reporting;

/// <summary>
/// Untrusted text (trace ids, labels, rationales) as inline Markdown that shows as itself: reports are opened in
/// viewers that render HTML, so tags and entities are escaped, and so are the characters that would start emphasis,
/// a link, an image, a code span or a table cell; line breaks become spaces.
/// </summary>
internal static class MarkdownText
{
    public static string Escape(string text)
    {
        var escaped = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            _ = c switch
            {
                '&' => escaped.Append("&amp;"),
                '<' => escaped.Append("&lt;"),
                '>' => escaped.Append("&gt;"),
                '\\' or '`' or '*' or '_' or '[' or ']' or '|' or '!' or '#' or '~' => escaped.Append('\\').Append(c),
                '\r' or '\n' or '\u2028' or '\u2029' => escaped.Append(' '),
                _ => escaped.Append(c),
            };
        }

        return escaped.ToString();
    }
}
