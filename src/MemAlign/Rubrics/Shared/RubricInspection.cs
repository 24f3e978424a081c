using System.Collections.Generic;
using Scriban;

namespace MemAlign.Rubrics;

/// <summary>What <see cref="RubricInspector"/> found in a rubric: the parsed template, syntax errors, and every use of a free variable.</summary>
internal sealed class RubricInspection
{
    public RubricInspection(string text, Template template, IReadOnlyList<RubricFinding> syntaxErrors, IReadOnlyList<RubricVariable> variables)
    {
        Text = text;
        Template = template;
        SyntaxErrors = syntaxErrors;
        Variables = variables;

        var names = new List<string>();
        foreach (var variable in variables)
        {
            if (!names.Contains(variable.Name))
            {
                names.Add(variable.Name);
            }
        }

        VariableNames = names;
    }

    public string Text { get; }

    /// <summary>The parsed template; render it only when <see cref="SyntaxErrors"/> is empty.</summary>
    public Template Template { get; }

    public IReadOnlyList<RubricFinding> SyntaxErrors { get; }

    /// <summary>Every use of a free variable, in text order.</summary>
    public IReadOnlyList<RubricVariable> Variables { get; }

    /// <summary>The distinct free variable names, in order of first use.</summary>
    public IReadOnlyList<string> VariableNames { get; }
}
