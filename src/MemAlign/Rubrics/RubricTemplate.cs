using Scriban;
using Scriban.Runtime;
using Scriban.Syntax;

namespace MemAlign.Rubrics;

/// <summary>A rubric parsed once, rendered many times (each render has its own context, so renders may run in parallel).</summary>
internal sealed class RubricTemplate
{
    private readonly Template _template;

    public RubricTemplate(RubricInspection inspection)
    {
        _template = inspection.Template;
        Text = inspection.Text;
        Variables = inspection.VariableNames;
    }

    public string Text { get; }

    /// <summary>The data variables the rubric reads, in order of first use.</summary>
    public IReadOnlyList<string> Variables { get; }

    /// <summary>The rubric's variables the trace has no value for.</summary>
    public IReadOnlyList<string> MissingFields(Trace trace) =>
        Variables.Where(v => trace.GetField(v) is null).ToList();

    /// <summary>Renders the rubric with the trace's fields as data.</summary>
    /// <exception cref="RubricRenderException">A field is missing, or the template fails at run time (for example a loop limit).</exception>
    public string Render(Trace trace, string judgeName, CancellationToken cancellationToken)
    {
        var globals = new ScriptObject();
        foreach (var variable in Variables)
        {
            var value = trace.GetField(variable)
                ?? throw new RubricRenderException(
                    $"Judge '{judgeName}' cannot score trace '{trace.Id}': its rubric uses {{{{ {variable} }}}}, but the trace has no {variable}.",
                    missingField: variable);
            globals.SetValue(variable, JsonData.ToScriptValue(value), readOnly: true);
        }

        var context = new RubricRenderContext(cancellationToken);
        context.PushGlobal(globals);
        try
        {
            return _template.Render(context);
        }
        catch (ScriptRuntimeException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new RubricRenderException($"Judge '{judgeName}' could not render its rubric for trace '{trace.Id}': {e.OriginalMessage}", e);
        }
    }
}
