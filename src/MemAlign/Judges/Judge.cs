using MemAlign.Models;
using MemAlign.Prompting;
using Microsoft.Extensions.AI;

namespace MemAlign;

/// <summary>
/// An LLM judge that returns values of type <typeparamref name="T"/>: <c>bool</c> (pass/fail), <c>int</c>
/// or <c>double</c> on a scale, an enum or <c>string</c> options (categorical), or <c>string</c> (free text).
/// </summary>
/// <remarks>
/// Works on its own from a <see cref="JudgeDefinition"/>; a class marked <c>[Judge]</c> and
/// <c>[Rubric]</c> gets its definition, constructors and typed <c>EvaluateAsync</c> overloads generated.
/// A judge is safe to use from many threads at once: each call builds its own prompt.
/// </remarks>
/// <typeparam name="T">The value type.</typeparam>
public class Judge<T> : IJudge
{
    private readonly IJudgeModel _model;

    /// <summary>Creates a judge that calls <paramref name="chatClient"/>.</summary>
    /// <exception cref="ArgumentException">The definition's value type cannot be held by <typeparamref name="T"/>, or the options are invalid.</exception>
    public Judge(JudgeDefinition definition, IChatClient chatClient, JudgeOptions? options = null)
        : this(definition, options, opts => new ChatJudgeModel(chatClient ?? throw new ArgumentNullException(nameof(chatClient)), opts, definition?.Model))
    {
    }

    /// <summary>
    /// Creates a judge that calls the model its definition names (such as <c>openai:/gpt-4.1-mini</c>),
    /// configured from OPENAI_API_KEY and OPENAI_BASE_URL.
    /// </summary>
    /// <exception cref="ModelConfigurationException">The definition names no model, or the model cannot be configured.</exception>
    public Judge(JudgeDefinition definition, JudgeOptions? options = null)
        : this(definition, options, opts => new ChatJudgeModel(ModelProviders.CreateChatClient(RequireModel(definition)), opts, definition.Model))
    {
    }

    internal Judge(JudgeDefinition definition, JudgeOptions? options, Func<JudgeOptions, IJudgeModel> createModel)
    {
        ArgumentNullException.ThrowIfNull(definition);
        if (!FeedbackValueConverter<T>.IsSupported)
        {
            throw new ArgumentException($"Judge '{definition.Name}': {FeedbackValueConverter<T>.Unsupported().Message}", nameof(definition));
        }

        if (!definition.ValueType.IsRepresentableAs(typeof(T)))
        {
            throw new ArgumentException(
                $"Judge '{definition.Name}' returns {definition.ValueType}, which a Judge<{typeof(T).Name}> cannot hold.", nameof(definition));
        }

        Options = options ?? JudgeOptions.Default;
        Options.Validate();
        Definition = definition;
        _model = createModel(Options);
    }

    /// <inheritdoc />
    public JudgeDefinition Definition { get; }

    /// <inheritdoc />
    public string Name => Definition.Name;

    /// <summary>The rubric the judge applies.</summary>
    public virtual string Instructions => Definition.Instructions;

    /// <summary>The model's id as verdicts report it.</summary>
    public string ModelId => _model.Id;

    /// <summary>How the judge calls its model.</summary>
    public JudgeOptions Options { get; }

    /// <summary>Builds the exact prompt this judge would send for <paramref name="trace"/>, without calling the model.</summary>
    /// <exception cref="RubricRenderException">The trace lacks a field the rubric uses, or the template fails at run time.</exception>
    public virtual JudgePrompt BuildPrompt(Trace trace, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(trace);
        return JudgePromptBuilder.Build(Definition, trace, cancellationToken);
    }

    /// <summary>
    /// Judges one trace. A missing field, an unreachable model or replies that stay invalid give an error
    /// verdict (see <see cref="JudgeVerdict.Error"/>), never an exception, so a batch keeps going.
    /// </summary>
    /// <exception cref="OperationCanceledException">Cancellation was requested.</exception>
    public async Task<JudgeVerdict<T>> EvaluateAsync(Trace trace, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(trace);
        cancellationToken.ThrowIfCancellationRequested();
        var clock = Options.TimeProvider;
        var started = clock.GetTimestamp();

        JudgePrompt prompt;
        try
        {
            prompt = BuildPrompt(trace, cancellationToken);
        }
        catch (RubricRenderException e) when (!cancellationToken.IsCancellationRequested)
        {
            var kind = e.MissingField is null ? JudgeErrorKind.RenderFailure : JudgeErrorKind.MissingVariable;
            return Verdict(trace, new ModelJudgement(null, null, new JudgeError(kind, e.Message), _model.Id, default, 0), started);
        }

        var judgement = await _model.JudgeAsync(prompt, cancellationToken).ConfigureAwait(false);
        return Verdict(trace, judgement, started);
    }

    async Task<JudgeVerdict> IJudge.EvaluateAsync(Trace trace, CancellationToken cancellationToken) =>
        await EvaluateAsync(trace, cancellationToken).ConfigureAwait(false);

    /// <inheritdoc />
    public override string ToString() => $"Judge<{typeof(T).Name}> {Definition}";

    private JudgeVerdict<T> Verdict(Trace trace, ModelJudgement judgement, long started)
    {
        var clock = Options.TimeProvider;
        var data = new VerdictData(
            Name,
            trace.Id,
            judgement.Model,
            judgement.Error is null ? judgement.Value : null,
            judgement.Error is null ? judgement.Rationale : null,
            judgement.Error,
            judgement.Usage,
            judgement.ModelCalls,
            clock.GetElapsedTime(started),
            [],
            clock.GetUtcNow());
        var value = data.Feedback is { } feedback ? FeedbackValueConverter<T>.ToValue(feedback) : default!;
        return new JudgeVerdict<T>(data, value);
    }

    private static string RequireModel(JudgeDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        return definition.Model ?? throw new ModelConfigurationException(
            $"Judge '{definition.Name}' names no model; give its definition a model such as openai:/gpt-4.1-mini, or pass an IChatClient.");
    }
}
