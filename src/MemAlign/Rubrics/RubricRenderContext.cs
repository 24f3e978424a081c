using Scriban;
using Scriban.Functions;
using Scriban.Runtime;

namespace MemAlign.Rubrics;

/// <summary>
/// A Scriban context for rendering one rubric: no file or template access (include, import and
/// object.eval are gone), bounded loops, recursion and output, and every value printed as JSON: strings
/// quoted (escaped, on one line), objects and arrays as indented JSON. Trace content can therefore never
/// end its quotes or start a line of its own, so it cannot pose as a part of the prompt.
/// </summary>
internal sealed class RubricRenderContext : TemplateContext
{
    private static readonly ScriptObject SandboxBuiltins = CreateSandboxBuiltins();

    public RubricRenderContext(CancellationToken cancellationToken)
        : base(SandboxBuiltins)
    {
        TemplateLoader = null;
        LoopLimit = 10_000;
        RecursiveLimit = 64;
        ObjectRecursionLimit = 64;
        OutputLimit = 4_000_000;
        LimitToString = 0; // values are inserted whole; the output limit bounds the total
        RegexTimeOut = TimeSpan.FromSeconds(1);
        EnableRelaxedMemberAccess = true;
        CancellationToken = cancellationToken;
    }

    public override string? ObjectToString(object? value, bool nested = false) => value switch
    {
        JsonData.IJsonBacked json => json.Json,
        FieldReference reference => reference.Text,
        string text => Prompting.PromptJson.Quote(text),
        _ => base.ObjectToString(value, nested),
    };

    private static ScriptObject CreateSandboxBuiltins()
    {
        var builtins = new ScriptObject();
        foreach (var pair in new BuiltinFunctions())
        {
            if (pair.Key is "include" or "include_join")
            {
                continue;
            }

            if (pair.Key == "object" && pair.Value is ScriptObject objectFunctions)
            {
                var safe = new ScriptObject();
                foreach (var function in objectFunctions)
                {
                    if (function.Key is not ("eval" or "eval_template"))
                    {
                        safe.SetValue(function.Key, function.Value, readOnly: true);
                    }
                }

                builtins.SetValue(pair.Key, safe, readOnly: true);
                continue;
            }

            builtins.SetValue(pair.Key, pair.Value, readOnly: true);
        }

        return builtins;
    }
}
