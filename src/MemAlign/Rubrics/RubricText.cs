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
        var marks = "%";
        while (text.Contains("}" + marks + "}", StringComparison.Ordinal))
        {
            marks += "%";
        }

        return "{" + marks + "{" + text + "}" + marks + "}";
    }
}
