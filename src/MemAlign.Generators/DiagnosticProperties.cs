namespace MemAlign.Generators;

/// <summary>Keys of the properties the analyzers attach to diagnostics for the code fixes.</summary>
internal static class DiagnosticProperties
{
    /// <summary>The replacement text (a judge name, a variable name).</summary>
    public const string Suggestion = "Suggestion";

    /// <summary>How to apply it: <see cref="ReplaceLiteral"/> or <see cref="ReplaceSpan"/>.</summary>
    public const string Replace = "Replace";

    /// <summary>Replace the whole string literal at the location with the suggestion as a literal.</summary>
    public const string ReplaceLiteral = "Literal";

    /// <summary>Replace exactly the located source text (a name inside a rubric literal) with the suggestion.</summary>
    public const string ReplaceSpan = "Span";

    /// <summary>Present when adding the <c>partial</c> modifier fixes the declaration.</summary>
    public const string MakePartial = "MakePartial";

    /// <summary>The scale that fixes a value type ("1, 5", or the judge's): what [Scale(...)] should say.</summary>
    public const string Scale = "Scale";
}
