namespace MemAlign.Generators.Model;

/// <summary>Where a partial type lives: namespace, enclosing types (as declarations) and its own declaration.</summary>
internal sealed record TypeLocation(
    string? Namespace,
    EquatableArray<string> ContainingDeclarations,
    string Declaration,
    string Name,
    string FullyQualifiedName)
{
    /// <summary>A unique, file-name-safe hint for the generated file.</summary>
    public string HintName(string suffix) =>
        FullyQualifiedName.Replace("global::", "").Replace('<', '_').Replace('>', '_').Replace(',', '_') + "." + suffix + ".g.cs";
}
