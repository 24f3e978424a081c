using System.Text.Json;
using Scriban;
using Scriban.Runtime;
using Scriban.Syntax;

namespace MemAlign.Rubrics;

/// <summary>A rubric parsed once, rendered many times (each render has its own context, so renders may run in parallel).</summary>
internal sealed class RubricTemplate
{
    private readonly Template _template;
    private readonly Lazy<string?> _stableText;

    public RubricTemplate(RubricInspection inspection)
    {
        _template = inspection.Template;
        Text = inspection.Text;
        Variables = inspection.VariableNames;
        IsStable = StableRubric.IsInterpolationOnly(_template, Variables);
        _stableText = new Lazy<string?>(() => IsStable ? RenderReferences() : null);
    }

    public string Text { get; }

    /// <summary>The data variables the rubric reads, in order of first use.</summary>
    public IReadOnlyList<string> Variables { get; }

    /// <summary>Whether the rubric only prints trace fields (see <see cref="StableRubric"/>), so it reads the same for every trace.</summary>
    public bool IsStable { get; }

    /// <summary>The rubric with each field shown as a reference (<c>&lt;inputs&gt;</c>), or null when it is not <see cref="IsStable"/>.</summary>
    public string? StableText => _stableText.Value;

    /// <summary>The rubric's variables the trace has no value for.</summary>
    public IReadOnlyList<string> MissingFields(Trace trace) =>
        Variables.Where(v => trace.GetField(v) is null).ToList();

    /// <summary>Renders the rubric with the trace's fields as data.</summary>
    /// <exception cref="RubricRenderException">A field is missing, or the template fails at run time (for example a loop limit).</exception>
    public string Render(Trace trace, string judgeName, CancellationToken cancellationToken)
    {
        var globals = new ScriptObject();
        foreach (var (variable, value) in Fields(trace, judgeName))
        {
            globals.SetValue(variable, JsonData.ToScriptValue(value), readOnly: true);
        }

        return Render(globals, trace, judgeName, cancellationToken);
    }

    /// <summary>The trace's value of each of the rubric's variables, in order of first use.</summary>
    /// <exception cref="RubricRenderException">The trace lacks a field the rubric uses.</exception>
    public IReadOnlyList<(string Variable, JsonElement Value)> Fields(Trace trace, string judgeName) =>
        [.. Variables.Select(variable => (variable, trace.GetField(variable)
            ?? throw new RubricRenderException(
                $"Judge '{judgeName}' cannot score trace '{trace.Id}': its rubric uses {{{{ {variable} }}}}, but the trace has no {variable}.",
                missingField: variable)))];

    // Interpolation only (checked by StableRubric): nothing in the template can fail or branch on the references.
    private string RenderReferences()
    {
        var globals = new ScriptObject();
        foreach (var variable in Variables)
        {
            globals.SetValue(variable, new FieldReference(variable), readOnly: true);
        }

        return Render(globals, null, "", CancellationToken.None);
    }

    private string Render(ScriptObject globals, Trace? trace, string judgeName, CancellationToken cancellationToken)
    {
        var context = new RubricRenderContext(cancellationToken);
        context.PushGlobal(globals);
        try
        {
            return _template.Render(context);
        }
        catch (ScriptRuntimeException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new RubricRenderException($"Judge '{judgeName}' could not render its rubric for trace '{trace?.Id}': {e.OriginalMessage}", e);
        }
    }
}
