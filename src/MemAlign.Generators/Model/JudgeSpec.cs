namespace MemAlign.Generators.Model;

/// <summary>Everything the emitter needs to write one judge's partial class; no symbols, syntax or locations.</summary>
internal sealed record JudgeSpec(
    TypeLocation Type,
    string JudgeName,
    string? Model,
    string Rubric,
    EquatableArray<string> Variables,
    ValueTypeSpec ValueType);

/// <summary>A label schema's partial record.</summary>
internal sealed record LabelSchemaSpec(
    TypeLocation Type,
    string SchemaName,
    string? Title,
    string? Instruction,
    bool EnableComment,
    ValueTypeSpec ValueType);

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

/// <summary>What the assembly catalog lists: only type names, so editing a judge's rubric leaves the catalog step cached.</summary>
internal sealed record CatalogSpec(EquatableArray<string> Judges, EquatableArray<string> LabelSchemas);
