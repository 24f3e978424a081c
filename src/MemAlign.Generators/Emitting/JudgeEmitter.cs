using System.Linq;
using MemAlign.Generators.Model;

namespace MemAlign.Generators.Emitting;

/// <summary>Writes a judge's partial class: its name and definition, constructors, and an EvaluateAsync taking exactly the rubric's variables.</summary>
internal static class JudgeEmitter
{
    // Variables the typed overload can take as plain strings; 'trace' and 'conversation' need a whole trace.
    private static readonly string[] StringFields = ["inputs", "outputs", "expectations"];

    public static string Emit(JudgeSpec spec)
    {
        var type = spec.Type;
        var verdict = $"global::MemAlign.JudgeVerdict<{spec.ValueType.ClrType}>";
        var writer = new SourceWriter();
        writer.OpenType(type);

        writer.Line($"/// <summary>The judge's name, <c>{Xml(spec.JudgeName)}</c>: human feedback with this name is what it aligns to.</summary>");
        writer.Line($"public new const string Name = {SourceWriter.Literal(spec.JudgeName)};");
        writer.Line();
        writer.Line("/// <summary>The judge's definition: name, rubric, value type and model, checked when this project was built.</summary>");
        writer.Line("public static global::MemAlign.JudgeDefinition JudgeDefinition { get; } = global::MemAlign.JudgeDefinition.FromCheckedSource(");
        writer.Line($"    Name, {SourceWriter.Literal(spec.Rubric)}, {ValueTypeExpression.For(spec.ValueType)}, {SourceWriter.Literal(spec.Model)});");
        writer.Line();
        writer.Line("/// <summary>Creates the judge on <paramref name=\"chatClient\"/>.</summary>");
        writer.Line("/// <param name=\"chatClient\">The model to judge with.</param>");
        writer.Line($"public {type.Name}(global::Microsoft.Extensions.AI.IChatClient chatClient)");
        writer.Line("    : base(JudgeDefinition, chatClient)");
        writer.Open("");
        writer.Close();
        writer.Line();
        writer.Line("/// <summary>Creates the judge on <paramref name=\"chatClient\"/> with <paramref name=\"options\"/>.</summary>");
        writer.Line("/// <param name=\"chatClient\">The model to judge with.</param>");
        writer.Line("/// <param name=\"options\">Retries, timeouts, temperature and logging.</param>");
        writer.Line($"public {type.Name}(global::Microsoft.Extensions.AI.IChatClient chatClient, global::MemAlign.JudgeOptions? options)");
        writer.Line("    : base(JudgeDefinition, chatClient, options)");
        writer.Open("");
        writer.Close();
        if (spec.Model is not null)
        {
            writer.Line();
            writer.Line($"/// <summary>Creates the judge on its own model, <c>{Xml(spec.Model)}</c>, configured from OPENAI_API_KEY and OPENAI_BASE_URL.</summary>");
            writer.Line("/// <param name=\"options\">Retries, timeouts, temperature and logging.</param>");
            writer.Line($"public {type.Name}(global::MemAlign.JudgeOptions? options = null)");
            writer.Line("    : base(JudgeDefinition, options)");
            writer.Open("");
            writer.Close();
        }

        if (spec.Variables.Count > 0 && spec.Variables.All(v => StringFields.Contains(v)))
        {
            var parameters = string.Join(", ", spec.Variables.Select(v => $"string {v}"));
            var arguments = string.Join(", ", StringFields.Select(f => $"{f}: {(spec.Variables.Contains(f) ? f : "null")}"));
            writer.Line();
            writer.Line("/// <summary>Judges one interaction given as the rubric's variables; the verdict's trace id is generated.</summary>");
            foreach (var variable in spec.Variables)
            {
                writer.Line($"/// <param name=\"{variable}\">The value of <c>{{{{ {variable} }}}}</c>.</param>");
            }

            writer.Line("/// <param name=\"cancellationToken\">Cancels at once.</param>");
            writer.Line($"public global::System.Threading.Tasks.Task<{verdict}> EvaluateAsync({parameters}, global::System.Threading.CancellationToken cancellationToken = default) =>");
            writer.Line($"    EvaluateAsync(global::MemAlign.Trace.Create(\"adhoc-\" + global::System.Guid.NewGuid().ToString(\"N\"), {arguments}), cancellationToken);");
        }

        writer.CloseType(type);
        return writer.ToString();
    }

    private static string Xml(string text) => text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");
}
