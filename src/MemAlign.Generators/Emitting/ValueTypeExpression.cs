using System.Linq;
using MemAlign.Generators.Model;

namespace MemAlign.Generators.Emitting;

/// <summary>The C# expression that builds a <c>FeedbackValueType</c> at run time.</summary>
internal static class ValueTypeExpression
{
    public static string For(ValueTypeSpec spec) => Scale(spec) + (spec.NotApplicable is { } na ? $".WithNotApplicable({SourceWriter.Literal(na)})" : "");

    private static string Scale(ValueTypeSpec spec) => spec.Kind switch
    {
        FeedbackTypeKind.Boolean => "global::MemAlign.FeedbackValueType.Boolean",
        FeedbackTypeKind.Integer => $"global::MemAlign.FeedbackValueType.Integer({SourceWriter.Literal(spec.Minimum!.Value)}, {SourceWriter.Literal(spec.Maximum!.Value)})",
        FeedbackTypeKind.Number => $"global::MemAlign.FeedbackValueType.Number({SourceWriter.Literal(spec.Minimum!.Value)}, {SourceWriter.Literal(spec.Maximum!.Value)})",
        FeedbackTypeKind.Categorical => $"global::MemAlign.FeedbackValueType.Enum<{spec.ClrType}>()",
        _ => "global::MemAlign.FeedbackValueType.Text",
    };

    /// <summary>The value type as the catalog attributes' constants: kind, minimum, maximum (NaN without a scale), options.</summary>
    public static string Constants(ValueTypeSpec spec) =>
        $"\"{spec.Kind}\", {Bound(spec.Minimum)}, {Bound(spec.Maximum)}, new string[] {{{string.Concat(spec.Options.Select(o => " " + SourceWriter.Literal(o) + ","))} }}";

    /// <summary>The named argument that records a "not applicable" value (", NotApplicable = 0"), or nothing: older readers see the same constants.</summary>
    public static string NamedConstants(ValueTypeSpec spec) => spec.NotApplicable is { } na ? $", NotApplicable = {SourceWriter.Literal(na)}" : "";

    private static string Bound(double? value) => value is { } v ? SourceWriter.Literal(v) : "double.NaN";
}
