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
        writer.Line("[global::System.CodeDom.Compiler.GeneratedCode(\"MemAlign.Generators\", \"1.0\")]");
        writer.Open("internal static class MemAlignCatalog");
        writer.Line("/// <summary>The judges' definitions.</summary>");
        writer.Line("public static global::System.Collections.Generic.IReadOnlyList<global::MemAlign.JudgeDefinition> Judges { get; } =");
        writer.Line("[");
        foreach (var judge in spec.Judges)
        {
            writer.Line($"    {judge}.JudgeDefinition,");
        }

        writer.Line("];");
        writer.Line();
        writer.Line("/// <summary>The label schemas.</summary>");
        writer.Line("public static global::System.Collections.Generic.IReadOnlyList<global::MemAlign.LabelSchema> LabelSchemas { get; } =");
        writer.Line("[");
        foreach (var schema in spec.LabelSchemas)
        {
            writer.Line($"    {schema}.Definition,");
        }

        writer.Line("];");
        writer.Close();
        writer.Close();
        return writer.ToString();
    }
}
