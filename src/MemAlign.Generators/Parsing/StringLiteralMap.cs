using System.Collections.Generic;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace MemAlign.Generators.Parsing;

/// <summary>
/// Maps each character of a string literal's value to its position in the source, for regular
/// (<c>"..."</c> with escapes), verbatim (<c>@"..."</c>) and raw (<c>"""..."""</c>, single- or multi-line,
/// with the closing line's indentation removed) literals. A map is only returned when replaying the
/// source reproduces the literal's value exactly; otherwise callers fall back to the whole argument.
/// </summary>
internal static class StringLiteralMap
{
    /// <summary>Source positions of value[0..n-1], plus one entry for the position just after the last character.</summary>
    public static int[]? Build(SyntaxToken token)
    {
        var text = token.Text;
        var start = token.SpanStart;
        var value = new StringBuilder();
        var positions = new List<int>();
        switch (token.Kind())
        {
            case SyntaxKind.StringLiteralToken when text.StartsWith("@", System.StringComparison.Ordinal):
                Verbatim(text, start, value, positions);
                break;
            case SyntaxKind.StringLiteralToken:
                if (!Regular(text, start, value, positions))
                {
                    return null;
                }

                break;
            case SyntaxKind.SingleLineRawStringLiteralToken:
                var quotes = CountQuotes(text, 0);
                for (var i = quotes; i < text.Length - quotes; i++)
                {
                    Add(value, positions, text[i], start + i);
                }

                positions.Add(start + text.Length - quotes);
                break;
            case SyntaxKind.MultiLineRawStringLiteralToken:
                MultiLineRaw(text, start, value, positions);
                break;
            default:
                return null;
        }

        return value.ToString() == token.ValueText ? positions.ToArray() : null;
    }

    private static void Verbatim(string text, int start, StringBuilder value, List<int> positions)
    {
        for (var i = 2; i < text.Length - 1; i++)
        {
            Add(value, positions, text[i], start + i);
            if (text[i] == '"')
            {
                i++; // "" is one quote
            }
        }

        positions.Add(start + text.Length - 1);
    }

    private static bool Regular(string text, int start, StringBuilder value, List<int> positions)
    {
        for (var i = 1; i < text.Length - 1; i++)
        {
            if (text[i] != '\\')
            {
                Add(value, positions, text[i], start + i);
                continue;
            }

            var at = start + i;
            var kind = text[i + 1];
            switch (kind)
            {
                case 'u':
                    Add(value, positions, (char)System.Convert.ToInt32(text.Substring(i + 2, 4), 16), at);
                    i += 5;
                    break;
                case 'U':
                    foreach (var c in char.ConvertFromUtf32(System.Convert.ToInt32(text.Substring(i + 2, 8), 16)))
                    {
                        Add(value, positions, c, at);
                    }

                    i += 9;
                    break;
                case 'x':
                    var digits = 0;
                    while (digits < 4 && i + 2 + digits < text.Length - 1 && IsHexDigit(text[i + 2 + digits]))
                    {
                        digits++;
                    }

                    Add(value, positions, (char)System.Convert.ToInt32(text.Substring(i + 2, digits), 16), at);
                    i += 1 + digits;
                    break;
                default:
                    var simple = Simple(kind);
                    if (simple is null)
                    {
                        return false;
                    }

                    Add(value, positions, simple.Value, at);
                    i++;
                    break;
            }
        }

        positions.Add(start + text.Length - 1);
        return true;
    }

    private static char? Simple(char escape) => escape switch
    {
        '\'' => '\'',
        '"' => '"',
        '\\' => '\\',
        '0' => '\0',
        'a' => '\a',
        'b' => '\b',
        'e' => '\u001b',
        'f' => '\f',
        'n' => '\n',
        'r' => '\r',
        't' => '\t',
        'v' => '\v',
        _ => null,
    };

    private static void MultiLineRaw(string text, int start, StringBuilder value, List<int> positions)
    {
        var quotes = CountQuotes(text, 0);
        var closingLineStart = text.LastIndexOf('\n', text.Length - quotes - 1) + 1;
        var indentation = text.Length - quotes - closingLineStart;
        var firstLine = text.IndexOf('\n', quotes) + 1;
        // The newline that ends the last content line belongs to the delimiter, not the value.
        var contentEnd = closingLineStart - 1;
        if (contentEnd > 0 && text[contentEnd - 1] == '\r')
        {
            contentEnd--;
        }

        var lineStart = firstLine;
        while (lineStart <= contentEnd)
        {
            var lineEnd = text.IndexOf('\n', lineStart);
            if (lineEnd < 0 || lineEnd > contentEnd)
            {
                lineEnd = contentEnd;
            }

            var skip = System.Math.Min(indentation, lineEnd - lineStart);
            for (var i = lineStart + skip; i < lineEnd; i++)
            {
                Add(value, positions, text[i], start + i);
            }

            if (lineEnd < contentEnd)
            {
                Add(value, positions, '\n', start + lineEnd); // the line break (a preceding \r was added as text)
            }

            lineStart = lineEnd + 1;
        }

        positions.Add(start + System.Math.Max(contentEnd, firstLine));
    }

    private static int CountQuotes(string text, int from)
    {
        var count = 0;
        while (from + count < text.Length && text[from + count] == '"')
        {
            count++;
        }

        return count;
    }

    private static void Add(StringBuilder value, List<int> positions, char c, int position)
    {
        value.Append(c);
        positions.Add(position);
    }

    private static bool IsHexDigit(char c) => (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}
