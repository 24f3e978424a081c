using System.Linq;
using MemAlign.Generators.Model;
using MemAlign.Rubrics;

namespace MemAlign.Generators.Emitting;

/// <summary>
/// Writes a judge's partial class: its name constant and definition, a constructor, the copy that
/// alignment makes (see <see cref="JudgeCopy"/>), and an EvaluateAsync taking the rubric's variables in the canonical order (inputs, outputs, expectations),
/// whatever order the rubric mentions them in. A declaration with build errors gets the same members,
/// so the code that uses it still compiles and the build shows only the MAJ diagnostics; its definition
/// throws them at run time.
/// </summary>
internal static class JudgeEmitter
{
    // The trace fields a typed EvaluateAsync can fill from strings.
    private static readonly string[] StringFields = ["inputs", "outputs", "expectations"];

    // A name no user member is likely to have.
    private const string MemoryField = "MemAlignCompiledMemory";

    public static string Emit(JudgeSpec spec)
    {
        var type = spec.Type;
        var verdict = $"global::MemAlign.JudgeVerdict<{spec.ValueClrType}>";
        var writer = new SourceWriter();
        if (spec.Problems.Count == 0 && spec.ValueType is { } declared && spec.JudgeName is not null)
        {
            // The catalog, as constants: tools read it from the assembly's metadata without running its code.
            writer.Line($"[assembly: global::MemAlign.DeclaredJudge({SourceWriter.Literal(spec.JudgeName)}, {SourceWriter.Literal(spec.Rubric)}, {ValueTypeExpression.Constants(declared)}, "
                + $"{SourceWriter.Literal(spec.Model)}, {SourceWriter.Literal(type.FullyQualifiedName.Replace("global::", ""))}{ValueTypeExpression.NamedConstants(declared)})]");
            writer.Line();
        }

        writer.OpenType(type);

        if (spec.JudgeName is not null)
        {
            writer.Line($"/// <summary>The judge's name, <c>{SourceWriter.Xml(spec.JudgeName)}</c>: human feedback filed under this name is what it aligns to.</summary>");
            writer.Line(GeneratedCode.Attribute);
            writer.Line($"public const string JudgeName = {SourceWriter.Literal(spec.JudgeName)};");
            writer.Line();
        }

        writer.Line("/// <summary>");
        writer.Line($"/// The judge's definition: {Describe(spec)}, checked when this project was built.");
        writer.Line("/// </summary>");
        writer.Line(GeneratedCode.Attribute);
        if (spec.Problems.Count == 0 && spec.ValueType is { } valueType)
        {
            writer.Line("public static global::MemAlign.JudgeDefinition JudgeDefinition { get; } = global::MemAlign.JudgeDefinition.FromCheckedSource(");
            writer.Line($"    JudgeName, {SourceWriter.Literal(spec.Rubric)}, {ValueTypeExpression.For(valueType)}, {SourceWriter.Literal(spec.Model)});");
        }
        else
        {
            // The build already failed with these errors; this only runs if they were suppressed.
            writer.Line("public static global::MemAlign.JudgeDefinition JudgeDefinition => throw new global::System.InvalidOperationException(");
            writer.Line($"    {SourceWriter.Literal($"'{type.FullyQualifiedName.Replace("global::", "")}' has build errors: " + string.Join(" ", spec.Problems))});");
        }

        if (spec.Memory is { } memory)
        {
            EmitMemory(writer, memory);
        }

        writer.Line();
        writer.Line(spec.Memory is { } aligned
            ? $"/// <summary>Creates the judge on <paramref name=\"chatClient\"/>, aligned: with the memory of <c>{SourceWriter.Xml(aligned.DisplayPath)}</c>.</summary>"
            : "/// <summary>Creates the judge on <paramref name=\"chatClient\"/>.</summary>");
        writer.Line("/// <param name=\"chatClient\">The model to judge with, from any Microsoft.Extensions.AI provider.</param>");
        writer.Line("/// <param name=\"options\">Retries, timeouts, temperature and logging; the defaults when omitted.</param>");
        writer.Line(GeneratedCode.Attribute);
        writer.Line($"public {type.Name}(global::Microsoft.Extensions.AI.IChatClient chatClient, global::MemAlign.JudgeOptions? options = null)");
        writer.Line(spec.Memory is null ? "    : base(JudgeDefinition, chatClient, options)" : $"    : base(JudgeDefinition, chatClient, options, {MemoryField}.Value)");
        writer.Open("");
        writer.Close();

        EmitCopy(writer, spec);

        if (spec.ValueClrType == PairwiseRule.PreferenceType && spec.Parameters.Contains("outputs"))
        {
            EmitPairwiseEvaluate(writer, spec, verdict);
        }
        else if (spec.Parameters.Count > 0)
        {
            var parameters = string.Join(", ", spec.Parameters.Select(v => $"string {v}"));
            var arguments = string.Join(", ", StringFields.Select(f => $"{f}: {(spec.Parameters.Contains(f) ? f : "null")}"));
            writer.Line();
            writer.Line("/// <summary>");
            writer.Line($"/// Judges one interaction given as the rubric's variables. The parameters always come in the order");
            writer.Line("/// inputs, outputs, expectations (those the rubric uses), whatever order the rubric's text mentions them in.");
            writer.Line("/// The verdict's trace id is generated.");
            writer.Line("/// </summary>");
            foreach (var variable in spec.Parameters)
            {
                writer.Line($"/// <param name=\"{variable}\">The value of <c>{{{{ {variable} }}}}</c> in the rubric.</param>");
            }

            writer.Line("/// <param name=\"cancellationToken\">Cancels at once.</param>");
            writer.Line($"/// <returns>The verdict: {SourceWriter.Xml(spec.ValueType?.Describe() ?? spec.ValueClrType)}, or an error saying why there is none.</returns>");
            writer.Line(GeneratedCode.Attribute);
            writer.Line($"public global::System.Threading.Tasks.Task<{verdict}> EvaluateAsync({parameters}, global::System.Threading.CancellationToken cancellationToken = default) =>");
            writer.Line($"    EvaluateAsync(global::MemAlign.Trace.Create(\"adhoc-\" + global::System.Guid.NewGuid().ToString(\"N\"), {arguments}), cancellationToken);");
        }

        writer.CloseType(type);
        return writer.ToString();
    }

    // A pairwise judge's EvaluateAsync: the rubric's inputs, then the two candidates in canonical order (outputs a and b), then its expectations.
    private static void EmitPairwiseEvaluate(SourceWriter writer, JudgeSpec spec, string verdict)
    {
        var parameters = string.Join(", ", spec.Parameters.Select(v => v == "outputs" ? "string candidateA, string candidateB" : $"string {v}"));
        var inputs = spec.Parameters.Contains("inputs") ? "inputs" : "null";
        var expectations = spec.Parameters.Contains("expectations") ? "expectations" : "null";
        writer.Line();
        writer.Line("/// <summary>");
        writer.Line("/// Judges which of two candidate outputs is better, A or B, or a tie. The judge asks twice, with A shown first and with B");
        writer.Line("/// shown first, and reports a winner only when both answers agree (otherwise a tie, or Inconsistent if its options say so);");
        writer.Line("/// the verdict's Pairwise holds both answers. The parameters always come in the order inputs, candidate A, candidate B,");
        writer.Line("/// expectations (those the rubric uses). The verdict's trace id is generated.");
        writer.Line("/// </summary>");
        foreach (var variable in spec.Parameters)
        {
            if (variable == "outputs")
            {
                writer.Line("/// <param name=\"candidateA\">Candidate A, <c>{{ outputs.a }}</c> in the rubric.</param>");
                writer.Line("/// <param name=\"candidateB\">Candidate B, <c>{{ outputs.b }}</c> in the rubric.</param>");
            }
            else
            {
                writer.Line($"/// <param name=\"{variable}\">The value of <c>{{{{ {variable} }}}}</c> in the rubric.</param>");
            }
        }

        writer.Line("/// <param name=\"cancellationToken\">Cancels at once.</param>");
        writer.Line("/// <returns>The verdict: A, B or Tie (or Inconsistent), or an error saying why there is none.</returns>");
        writer.Line(GeneratedCode.Attribute);
        writer.Line($"public global::System.Threading.Tasks.Task<{verdict}> EvaluateAsync({parameters}, global::System.Threading.CancellationToken cancellationToken = default) =>");
        writer.Line($"    EvaluateAsync(global::MemAlign.PairwiseTrace.Create(\"adhoc-\" + global::System.Guid.NewGuid().ToString(\"N\"), {inputs}, candidateA, candidateB, {expectations}), cancellationToken);");
    }

    // The memory file's text, verbatim (readable in the generated file), parsed once on first use.
    private static void EmitMemory(SourceWriter writer, EmbeddedMemory memory)
    {
        writer.Line();
        writer.Line($"/// <summary>The aligned memory compiled in from <c>{SourceWriter.Xml(memory.DisplayPath)}</c> ({memory.GuidelineCount} guideline(s), {memory.ExampleCount} example(s)), read on first use.</summary>");
        writer.Line(GeneratedCode.Attribute);
        writer.Line($"private static readonly global::System.Lazy<global::MemAlign.JudgeMemoryFile> {MemoryField} = new global::System.Lazy<global::MemAlign.JudgeMemoryFile>(");
        writer.Line("    () => global::MemAlign.JudgeMemoryFile.FromCheckedSource(" + SourceWriter.Verbatim(memory.Json) + "));");
    }

    // The copy alignment and the With... methods make: a constructor that copies the judge's state and the
    // CreateCopy that calls it, unless the class writes its own (or has fields only it knows how to copy).
    private static void EmitCopy(SourceWriter writer, JudgeSpec spec)
    {
        var type = spec.Type;
        if (spec.Copy == JudgeCopy.Generated)
        {
            writer.Line();
            writer.Line("/// <summary>A copy of <paramref name=\"original\"/>: its definition, model, options and memory (the class has no fields of its own).</summary>");
            writer.Line("/// <param name=\"original\">The judge to copy.</param>");
            writer.Line(GeneratedCode.Attribute);
            writer.Line($"{(spec.IsSealed ? "private" : "protected")} {type.Name}({type.FullyQualifiedName} original)");
            writer.Line("    : base(original)");
            writer.Open("");
            writer.Close();
        }

        if (spec.Copy is JudgeCopy.Generated or JudgeCopy.UserConstructor)
        {
            writer.Line();
            writer.Line("/// <inheritdoc />");
            writer.Line(GeneratedCode.Attribute);
            writer.Line($"protected override global::MemAlign.Judge CreateCopy() => new {type.FullyQualifiedName}(this);");
        }
    }

    // "judge 'helpfulness', returning bool, over {{ inputs }} and {{ outputs }}": what hovering the member shows.
    private static string Describe(JudgeSpec spec)
    {
        var name = spec.JudgeName is null ? "a judge with no name" : $"judge <c>{SourceWriter.Xml(spec.JudgeName)}</c>";
        var returns = spec.ValueType is { } valueType ? $", returning {SourceWriter.Xml(valueType.Describe())}" : "";
        var variables = spec.Parameters.Count > 0 ? " over " + string.Join(" and ", spec.Parameters.Select(v => $"<c>{{{{ {v} }}}}</c>")) : "";
        var model = spec.Model is null ? "" : $", on <c>{SourceWriter.Xml(spec.Model)}</c> by default";
        return name + returns + variables + model;
    }
}
