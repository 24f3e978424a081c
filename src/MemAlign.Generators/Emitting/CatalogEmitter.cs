using MemAlign.Generators.Model;

namespace MemAlign.Generators.Emitting;

/// <summary>Writes the assembly's catalog of judges and label schemas, found by tools through [assembly: JudgeCatalog].</summary>
internal static class CatalogEmitter
{
    public const string TypeName = "global::MemAlign.Generated.MemAlignCatalog";

    public static string Emit(CatalogSpec spec)
    {
        var writer = new SourceWriter();
        writer.Line($"[assembly: global::MemAlign.JudgeCatalogAttribute(typeof({TypeName}))]");
        writer.Line();
        writer.Open("namespace MemAlign.Generated");
        writer.Line("/// <summary>Every judge and label schema declared with attributes in this assembly.</summary>");
        writer.Line(GeneratedCode.Attribute);
        writer.Open("internal static class MemAlignCatalog");
        WriteList(writer, "The judges' definitions.", "global::MemAlign.JudgeDefinition", "Judges", spec.Judges, ".JudgeDefinition");
        writer.Line();
        WriteList(writer, "The label schemas.", "global::MemAlign.LabelSchema", "LabelSchemas", spec.LabelSchemas, ".Definition");
        writer.Close();
        writer.Close();
        return writer.ToString();
    }

    private static void WriteList(SourceWriter writer, string summary, string elementType, string property, EquatableArray<string> types, string member)
    {
        writer.Line($"/// <summary>{summary}</summary>");
        writer.Line($"public static global::System.Collections.Generic.IReadOnlyList<{elementType}> {property} {{ get; }} =");
        writer.Line("[");
        foreach (var type in types)
        {
            writer.Line($"    {type}{member},");
        }

        writer.Line("];");
    }
}
