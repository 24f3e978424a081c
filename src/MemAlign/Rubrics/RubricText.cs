namespace MemAlign.Rubrics;

/// <summary>Builds rubric text from fixed strings that must never be read as template code.</summary>
internal static class RubricText
{
    /// <summary>
    /// Wraps <paramref name="text"/> in a Scriban escape block (<c>{%{ ... }%}</c>, with as many <c>%</c>
    /// as it takes for the text not to contain the closing marker), so it renders verbatim.
    /// </summary>
    public static string Literal(string text)
    {
        // "{%{-" and "-}%}" (and "~") are Scriban's whitespace-trim markers, so a leading or trailing
        // '-' or '~' is written outside the block, where a lone character is plain text.
        var prefix = text.Length > 0 && IsTrimMarker(text[0]) ? text[..1] : "";
        var body = text[prefix.Length..];
        var suffix = body.Length > 0 && IsTrimMarker(body[^1]) ? body[^1..] : "";
        body = body[..^suffix.Length];
        if (body.Length == 0)
        {
            return prefix + suffix;
        }

        var marks = "%";
        while (body.Contains("}" + marks + "}", StringComparison.Ordinal))
        {
            marks += "%";
        }

        return prefix + "{" + marks + "{" + body + "}" + marks + "}" + suffix;
    }

    private static bool IsTrimMarker(char c) => c is '-' or '~';
}
