using System.ComponentModel;
using MemAlign.Rubrics;

namespace MemAlign;

/// <summary>
/// What a judge is: its name, its rubric (a Scriban template over the trace fields), the type of value
/// it returns, and optionally the model it runs on. Created with <see cref="Create"/>, which checks the
/// same rules the build-time analyzers check. Immutable; the rubric is parsed once.
/// </summary>
public sealed class JudgeDefinition
{
    private JudgeDefinition(string name, RubricTemplate rubric, FeedbackValueType valueType, string? model)
    {
        Name = name;
        Rubric = rubric;
        ValueType = valueType;
        Model = model;
    }

    /// <summary>The judge's lower_snake_case name; human feedback with this name is what it aligns to.</summary>
    public string Name { get; }

    /// <summary>The rubric template, as written.</summary>
    public string Instructions => Rubric.Text;

    /// <summary>The type of value the judge returns.</summary>
    public FeedbackValueType ValueType { get; }

    /// <summary>The model id, such as <c>openai:/gpt-4.1-mini</c>, or <see langword="null"/> when the caller supplies the model.</summary>
    public string? Model { get; }

    /// <summary>The trace fields the rubric uses, in order of first use.</summary>
    public IReadOnlyList<string> Variables => Rubric.Variables;

    /// <summary>
    /// Whether this judge scores whole sessions (its rubric uses <c>conversation</c>). Such judges align like any other: their
    /// episodic examples are keyed by the conversation, shortened to the embedder's token budget (see <see cref="EmbeddingTokenLimit"/>).
    /// </summary>
    public bool IsSessionLevel => Variables.Contains(TraceField.Conversation);

    /// <summary>
    /// Whether the rubric goes in the stable, cacheable part of every prompt: true when its template only inserts
    /// trace fields and their members (<c>{{ inputs }}</c>, <c>{{ inputs.question }}</c>), so the prompt shows it with
    /// each field as a reference (<c>&lt;inputs&gt;</c>) and gives the fields after it, as data. False when the template
    /// has logic over trace values (conditions, loops, pipes, functions): it is then rendered with each trace's data
    /// in the part of the prompt that varies, and only the role, the reply format and the guidelines can be cached.
    /// </summary>
    public bool IsPromptCacheFriendly => Rubric.IsStable;

    internal RubricTemplate Rubric { get; }

    /// <summary>
    /// Defines a judge, checking its name (lower_snake_case) and rubric: valid Scriban, only the
    /// variables <c>inputs</c>, <c>outputs</c>, <c>expectations</c>, <c>trace</c> and
    /// <c>conversation</c>, at least one of them, and <c>conversation</c> combined only with
    /// <c>expectations</c>.
    /// </summary>
    /// <param name="name">The judge's name, such as <c>helpfulness</c>.</param>
    /// <param name="instructions">The rubric, such as <c>Is {{ outputs }} helpful for {{ inputs }}?</c>.</param>
    /// <param name="valueType">The type of value the judge returns.</param>
    /// <param name="model">The model id, such as <c>openai:/gpt-4.1-mini</c>, if the definition should carry one.</param>
    /// <exception cref="JudgeDefinitionException">A rule is broken; the exception lists every problem, with line and column for rubric problems.</exception>
    public static JudgeDefinition Create(string name, string instructions, FeedbackValueType valueType, string? model = null)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(instructions);
        ArgumentNullException.ThrowIfNull(valueType);

        var problems = new List<JudgeDefinitionProblem>();
        if (!NameRules.IsSnakeCase(name))
        {
            problems.Add(new(JudgeRuleIds.NameNotSnakeCase, $"The name '{name}' is not lower_snake_case; use '{NameRules.ToSnakeCase(name)}'."));
        }

        if (model is not null && string.IsNullOrWhiteSpace(model))
        {
            problems.Add(new(JudgeRuleIds.InvalidJudgeDeclaration, "The model id is blank; pass null to supply the model when the judge is created."));
        }

        var inspection = RubricInspector.Inspect(instructions);
        problems.AddRange(RubricRules.Check(inspection).Select(f => new JudgeDefinitionProblem(f.RuleId, f.Message, f.Line, f.Column)));
        if (valueType.IsPreference && inspection.SyntaxErrors.Count == 0 && inspection.VariableNames.Count > 0 && PairwiseRule.Problem(inspection.VariableNames) is { } pairwise)
        {
            problems.Add(new(JudgeRuleIds.PairwiseWithoutOutputs, pairwise + "."));
        }
        if (problems.Count > 0)
        {
            throw new JudgeDefinitionException(name, problems);
        }

        return new JudgeDefinition(name, new RubricTemplate(inspection), valueType, model);
    }

    /// <summary>
    /// For generated code only: defines a judge whose name and rubric the analyzers have already
    /// checked at build time, so the rules are not checked again (the rubric is still parsed once).
    /// </summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static JudgeDefinition FromCheckedSource(string name, string instructions, FeedbackValueType valueType, string? model)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(instructions);
        ArgumentNullException.ThrowIfNull(valueType);
        return new JudgeDefinition(name, new RubricTemplate(RubricInspector.Inspect(instructions)), valueType, model);
    }

    /// <summary>Renders the rubric for a trace, with the trace's fields inserted as data.</summary>
    /// <exception cref="RubricRenderException">The trace lacks a field the rubric uses, or the template fails at run time.</exception>
    public string Render(Trace trace, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(trace);
        return Rubric.Render(trace, Name, cancellationToken);
    }

    /// <summary>A copy with another name (built-in judges can be renamed to match a label schema).</summary>
    /// <exception cref="JudgeDefinitionException">The name is not lower_snake_case.</exception>
    public JudgeDefinition WithName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return NameRules.IsSnakeCase(name)
            ? new JudgeDefinition(name, Rubric, ValueType, Model)
            : throw new JudgeDefinitionException(name, [new(JudgeRuleIds.NameNotSnakeCase, $"The name '{name}' is not lower_snake_case; use '{NameRules.ToSnakeCase(name)}'.")]);
    }

    /// <summary>A copy that runs on another model.</summary>
    public JudgeDefinition WithModel(string? model) => new(Name, Rubric, ValueType, model);

    /// <inheritdoc />
    public override string ToString() => $"{Name} ({ValueType})";
}
