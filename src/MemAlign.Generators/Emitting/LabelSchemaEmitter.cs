using MemAlign.Generators.Model;

namespace MemAlign.Generators.Emitting;

/// <summary>
/// Writes a label schema's partial record: its schema and a typed FromAssessment. A numeric schema
/// without [Scale] has its judge's scale by now. A schema with build errors gets the same members, its
/// schema throwing them at run time, so code using it compiles and the build shows only the MAJ diagnostics.
/// </summary>
internal static class LabelSchemaEmitter
{
    public static string Emit(LabelSchemaSpec spec)
    {
        var type = spec.Type;
        var writer = new SourceWriter();
        if (spec.Problems.Count == 0 && spec.ValueType is { NeedsScale: false } declared && spec.SchemaName is not null)
        {
            writer.Line($"[assembly: global::MemAlign.DeclaredLabelSchema({SourceWriter.Literal(spec.SchemaName)}, {ValueTypeExpression.Constants(declared)}, "
                + $"{SourceWriter.Literal(spec.Title)}, {SourceWriter.Literal(spec.Instruction)}, {SourceWriter.Literal(spec.Comment)}{ValueTypeExpression.NamedConstants(declared)})]");
            writer.Line();
        }

        writer.OpenType(type);

        writer.Line($"/// <summary>What reviewers are asked: {(spec.ValueType is { } described ? SourceWriter.Xml(described.Describe()) : "a value")} for judge <c>{SourceWriter.Xml(spec.SchemaName ?? "")}</c>, with the title and instruction they see.</summary>");
        writer.Line(GeneratedCode.Attribute);
        if (spec.Problems.Count == 0 && spec.ValueType is { NeedsScale: false } valueType && spec.SchemaName is not null)
        {
            writer.Line("public static global::MemAlign.LabelSchema Definition { get; } = new(");
            writer.Line($"    {SourceWriter.Literal(spec.SchemaName)}, {ValueTypeExpression.For(valueType)}, {SourceWriter.Literal(spec.Title)}, {SourceWriter.Literal(spec.Instruction)}, global::MemAlign.LabelComment.{spec.Comment});");
        }
        else
        {
            writer.Line("public static global::MemAlign.LabelSchema Definition => throw new global::System.InvalidOperationException(");
            writer.Line($"    {SourceWriter.Literal($"'{type.FullyQualifiedName.Replace("global::", "")}' has build errors: " + string.Join(" ", spec.Problems))});");
        }

        writer.Line();
        writer.Line("/// <inheritdoc />");
        writer.Line(GeneratedCode.Attribute);
        writer.Line("public override global::MemAlign.LabelSchema Schema => Definition;");
        writer.Line();
        writer.Line("/// <summary>Reads a human assessment named after this schema as a typed label.</summary>");
        writer.Line("/// <param name=\"assessment\">The assessment (its name must be the schema's, its source HUMAN).</param>");
        writer.Line("/// <param name=\"traceId\">The trace it was made of.</param>");
        writer.Line("/// <exception cref=\"global::System.ArgumentException\">The assessment is for another schema, not from a human, or of another value type.</exception>");
        writer.Line(GeneratedCode.Attribute);
        writer.Line($"public static {type.FullyQualifiedName} FromAssessment(global::MemAlign.Assessment assessment, string traceId) => new()");
        writer.Open("");
        writer.Line("TraceId = traceId,");
        writer.Line("Value = ReadValue(assessment, Definition),");
        writer.Line("Comment = assessment.Rationale,");
        writer.Line("Reviewer = assessment.Source.Id,");
        writer.Line("CreatedAt = assessment.CreatedAt,");
        writer.Close("};");

        writer.CloseType(type);
        return writer.ToString();
    }
}
