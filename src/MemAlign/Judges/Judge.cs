using MemAlign.Alignment;
using MemAlign.Models;
using MemAlign.Prompting;
using MemAlign.Rubrics;
using Microsoft.Extensions.AI;

namespace MemAlign;

/// <summary>
/// An LLM judge that returns values of type <typeparamref name="T"/>: <c>bool</c> (pass/fail), <c>int</c>
/// or <c>double</c> on a scale, an enum or <c>string</c> options (categorical), or <c>string</c> (free text).
/// </summary>
/// <remarks>
/// Works on its own from a <see cref="JudgeDefinition"/>; a class marked <c>[Judge]</c> and
/// <c>[Rubric]</c> gets its definition, constructors and typed <c>EvaluateAsync</c> overloads generated.
/// An aligned judge also carries a <see cref="JudgeMemory"/>: each evaluation retrieves the most similar
/// labelled examples and adds them, and the distilled guidelines, to its prompt. Judges are immutable
/// and safe to use from many threads at once: each call builds its own prompt.
/// </remarks>
/// <typeparam name="T">The value type.</typeparam>
public class Judge<T> : IJudge
{
    // Queries are cut like examples; text this short cannot exceed the token limit (a token is at least one character).
    private const int MaxQueryTokens = 8_000;

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

    /// <summary>For derived classes: a copy of <paramref name="source"/> (its definition, model, options and memory).</summary>
    protected Judge(Judge<T> source)
        : this(source ?? throw new ArgumentNullException(nameof(source)), source.Definition, source.Memory, source.Embedder)
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
        Memory = JudgeMemory.Empty;
        _model = createModel(Options);
    }

    private Judge(Judge<T> source, JudgeDefinition definition, JudgeMemory memory, IEmbeddingGenerator<string, Embedding<float>>? embedder)
    {
        Definition = definition;
        Options = source.Options;
        Memory = memory;
        Embedder = embedder;
        _model = source._model;
    }

    /// <inheritdoc />
    public JudgeDefinition Definition { get; }

    /// <inheritdoc />
    public string Name => Definition.Name;

    /// <summary>The rubric, followed by the distilled guidelines ("Distilled Guidelines (n):") when the judge has any.</summary>
    public virtual string Instructions => JudgePromptBuilder.Instructions(Definition, Memory.Guidelines);

    /// <summary>The model's id as verdicts report it.</summary>
    public string ModelId => _model.Id;

    /// <summary>How the judge calls its model.</summary>
    public JudgeOptions Options { get; }

    /// <summary>What the judge has learned from experts (empty until it is aligned).</summary>
    public JudgeMemory Memory { get; }

    /// <summary>The embedder that turns traces into queries for episodic memory (set by alignment).</summary>
    public IEmbeddingGenerator<string, Embedding<float>>? Embedder { get; }

    /// <summary>
    /// A judge that needs no model: its verdict is the similarity-weighted vote of the aligned examples
    /// most like the trace. It must be aligned before it can judge; verdicts name the local model.
    /// </summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1000", Justification = "T cannot be inferred from a definition, so Judge<bool>.Local(definition) is the clearest call.")]
    public static Judge<T> Local(JudgeDefinition definition, JudgeOptions? options = null) =>
        new(definition, options, _ => new LocalJudgeModel());

    /// <summary>Builds the exact prompt this judge would send for <paramref name="trace"/>, without calling the judge's model.</summary>
    /// <exception cref="RubricRenderException">The trace lacks a field the rubric uses, or the template fails at run time.</exception>
    public async Task<JudgePrompt> BuildPromptAsync(Trace trace, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(trace);
        Definition.Render(trace, cancellationToken); // fail on a missing field before spending an embedding call
        var examples = await RetrieveAsync(trace, cancellationToken).ConfigureAwait(false);
        return JudgePromptBuilder.Build(Definition, trace, examples, Memory.Guidelines, cancellationToken);
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
        var started = Options.TimeProvider.GetTimestamp();

        JudgePrompt prompt;
        try
        {
            prompt = await BuildPromptAsync(trace, cancellationToken).ConfigureAwait(false);
        }
        catch (RubricRenderException e) when (!cancellationToken.IsCancellationRequested)
        {
            var kind = e.MissingField is null ? JudgeErrorKind.RenderFailure : JudgeErrorKind.MissingVariable;
            return Verdict(trace, new ModelJudgement(null, null, new JudgeError(kind, e.Message), _model.Id, default, 0), [], started);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            var message = $"Judge '{Name}' could not retrieve examples for trace '{trace.Id}': {TransientFailures.Describe(e)}";
            return Verdict(trace, new ModelJudgement(null, null, new JudgeError(JudgeErrorKind.ModelFailure, message), _model.Id, default, 0), [], started);
        }

        var judgement = await _model.JudgeAsync(prompt, cancellationToken).ConfigureAwait(false);
        return Verdict(trace, judgement, prompt.Examples.Select(e => e.Example.TraceId).ToArray(), started);
    }

    async Task<JudgeVerdict> IJudge.EvaluateAsync(Trace trace, CancellationToken cancellationToken) =>
        await EvaluateAsync(trace, cancellationToken).ConfigureAwait(false);

    /// <summary>
    /// Aligns the judge with the human feedback on <paramref name="traces"/> (assessments named like the
    /// judge, from HUMAN sources) and returns a new judge; this one is unchanged. The default optimizer is
    /// <see cref="MemAlignOptimizer"/> with its default options (offline distiller and embedder).
    /// </summary>
    public Task<AlignmentResult<T>> AlignAsync(IEnumerable<Trace> traces, IAlignmentOptimizer? optimizer = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(traces);
        return (optimizer ?? new MemAlignOptimizer()).AlignAsync(this, traces.ToList(), cancellationToken);
    }

    /// <summary>Removes what the judge learned from the given traces; see <see cref="MemAlignOptimizer.UnalignAsync{T}"/>.</summary>
    public Task<AlignmentResult<T>> UnalignAsync(IEnumerable<string> traceIds, bool redistill = false, MemAlignOptimizer? optimizer = null, CancellationToken cancellationToken = default) =>
        (optimizer ?? new MemAlignOptimizer()).UnalignAsync(this, traceIds, redistill, cancellationToken);

    /// <summary>Removes what the judge learned from the given traces; see <see cref="MemAlignOptimizer.UnalignAsync{T}"/>.</summary>
    public Task<AlignmentResult<T>> UnalignAsync(IEnumerable<Trace> traces, bool redistill = false, MemAlignOptimizer? optimizer = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(traces);
        return UnalignAsync(traces.Select(t => t.Id), redistill, optimizer, cancellationToken);
    }

    /// <summary>A copy with user-written guidelines added to its semantic memory (they survive every unalign).</summary>
    public Judge<T> WithGuidelines(params IEnumerable<string> guidelines)
    {
        ArgumentNullException.ThrowIfNull(guidelines);
        var added = guidelines.Select(g => new Guideline(g)).Where(g => !Memory.Guidelines.Any(m => m.Text == g.Text)).ToList();
        return new Judge<T>(this, Definition, Memory.With(guidelines: Memory.Guidelines.Concat(added)), Embedder);
    }

    /// <summary>A copy with another definition (same name and value type), the same model, options and memory: for optimizers that rewrite instructions.</summary>
    /// <exception cref="ArgumentException">The definition's name or value type differs.</exception>
    public Judge<T> WithDefinition(JudgeDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        if (definition.Name != Name || !definition.ValueType.Equals(Definition.ValueType))
        {
            throw new ArgumentException($"Judge '{Name}' ({Definition.ValueType}) cannot take the definition of '{definition.Name}' ({definition.ValueType}).", nameof(definition));
        }

        return new Judge<T>(this, definition, Memory, Embedder);
    }

    /// <inheritdoc />
    public override string ToString() =>
        $"Judge<{typeof(T).Name}> {Definition}, {Memory.Guidelines.Count} guideline(s), {Memory.Examples.Count} example(s)";

    internal Judge<T> WithMemory(JudgeMemory memory, IEmbeddingGenerator<string, Embedding<float>> embedder) => new(this, Definition, memory, embedder);

    private async Task<IReadOnlyList<RetrievedExample>> RetrieveAsync(Trace trace, CancellationToken cancellationToken)
    {
        if (Memory.Examples.Count == 0)
        {
            return [];
        }

        var embedder = Embedder ?? throw new InvalidOperationException(
            $"Judge '{Name}' has examples in memory but no embedder to compare traces with; it must come from AlignAsync or be loaded with its embedding model.");
        var text = JsonData.ToPromptText(trace.GetField(FeedbackExtractor.EmbeddedField(Definition))!.Value);
        if (text.Length > MaxQueryTokens)
        {
            text = TokenCounter.Truncate(text, MaxQueryTokens);
        }

        var embeddings = await embedder.GenerateAsync([text], new EmbeddingGenerationOptions { Dimensions = Memory.EmbeddingDimensions }, cancellationToken).ConfigureAwait(false);
        return Memory.Index.Search(embeddings[0].Vector.Span, Memory.RetrievalK);
    }

    private JudgeVerdict<T> Verdict(Trace trace, ModelJudgement judgement, IReadOnlyList<string> retrieved, long started)
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
            retrieved,
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
