using MemAlign.Alignment;
using MemAlign.Models;
using MemAlign.Prompting;
using MemAlign.Rubrics;
using MemAlign.Telemetry;
using Microsoft.Extensions.AI;

namespace MemAlign;

/// <summary>
/// What every judge has, whatever its value type: a definition, the model it calls, and what it has
/// learned from experts (its <see cref="Memory"/>). Judges derive from <see cref="Judge{T}"/>; this base
/// lets code hold judges of any value type, and lets alignment return copies of the same runtime type.
/// </summary>
/// <remarks>
/// Judges are immutable and safe to use from many threads at once: each call builds its own prompt.
/// Copies made by <c>AlignAsync</c>, <c>UnalignAsync</c>, <c>WithGuidelines</c>, <c>WithDefinition</c> and
/// <c>WithMemory</c> are of the same runtime type, made by <see cref="CreateCopy"/>: a judge declared with
/// <c>[Judge]</c> keeps its generated members after alignment (the generator writes its copy), and a class
/// of your own that derives from <see cref="Judge{T}"/> says how its fields are copied by overriding it.
/// </remarks>
public abstract partial class Judge : IJudge
{
    // Queries are cut like examples; text this short cannot exceed the token limit (a token is at least one character).
    private const int MaxQueryTokens = 8_000;

    // Not readonly: WithCascade gives a copy another model (see Copy).
    private IJudgeModel _model;

    // The memory, or the file it comes from until its example vectors are needed (see MemoryAsync).
    private JudgeMemory _memory;
    private JudgeMemoryFile? _memoryFile;

    private protected Judge(JudgeDefinition definition, JudgeOptions? options, Func<JudgeOptions, IJudgeModel> createModel, JudgeMemoryFile? memoryFile = null)
    {
        ArgumentNullException.ThrowIfNull(definition);
        Options = options ?? JudgeOptions.Default;
        Options.Validate();
        Definition = definition;
        _memory = JudgeMemory.Empty;
        if (memoryFile is not null)
        {
            memoryFile.CheckBelongsTo(definition);
            _memoryFile = memoryFile;
            _memory = memoryFile.MemoryWithoutExamples ?? JudgeMemory.Empty;

            // The local embedder needs nothing from the caller; any other model comes with WithEmbedder.
            Embedder = memoryFile.EmbeddingModelId == LocalEmbeddingGenerator.ModelName ? new LocalEmbeddingGenerator(memoryFile.EmbeddingDimensions) : null;
        }

        _model = createModel(Options);
    }

    /// <summary>A copy of <paramref name="original"/>'s definition, model, options, memory and embedder (see <see cref="CreateCopy"/>).</summary>
    private protected Judge(Judge original)
    {
        ArgumentNullException.ThrowIfNull(original);
        Definition = original.Definition;
        Options = original.Options;
        _memory = original._memory;
        _memoryFile = original._memoryFile;
        Embedder = original.Embedder;
        _model = original._model;
    }

    /// <inheritdoc />
    public JudgeDefinition Definition { get; private set; }

    /// <inheritdoc />
    public string Name => Definition.Name;

    /// <summary>The rubric, followed by the distilled guidelines ("Distilled Guidelines (n):") when the judge has any.</summary>
    public virtual string Instructions => JudgePromptBuilder.Instructions(Definition, Guidelines);

    /// <summary>The model's id as verdicts report it.</summary>
    public string ModelId => _model.Id;

    /// <summary>How the judge calls its model.</summary>
    public JudgeOptions Options { get; }

    /// <summary>
    /// The confidence the local judge must reach to answer for this judge's model, when the judge is a cascade
    /// (<see cref="JudgeCascadeExtensions.WithCascade{TJudge}"/>); <see langword="null"/> otherwise.
    /// </summary>
    public double? CascadeThreshold => (_model as CascadeJudgeModel)?.Threshold;

    /// <summary>The model this judge calls (for a cascade, the cascade: its local stage, then the model).</summary>
    internal IJudgeModel Model => _model;

    /// <summary>What the judge has learned from experts (empty until it is aligned).</summary>
    /// <remarks>
    /// A judge built with a memory file (<see cref="MemoryFile"/>) embeds the file's examples the first time
    /// they are needed; reading this property before that computes them here, waiting for the embedder.
    /// </remarks>
    /// <exception cref="InvalidOperationException">The judge has a memory file whose embedding model it has no embedder for.</exception>
    public JudgeMemory Memory => _memoryFile is { Examples.Count: > 0 } file
        ? file.VectorsAsync(FileEmbedder(file), CancellationToken.None).GetAwaiter().GetResult()
        : _memory;

    /// <summary>
    /// The aligned memory file the judge was built with (a generated judge's compiled-in <c>*.memalign.json</c>),
    /// or <see langword="null"/>; alignment, unalignment and <c>WithMemory</c> give copies without one.
    /// </summary>
    public JudgeMemoryFile? MemoryFile => _memoryFile;

    /// <summary>The embedder that turns traces into queries for episodic memory (set by alignment or <c>WithMemory</c>).</summary>
    public IEmbeddingGenerator<string, Embedding<float>>? Embedder { get; private set; }

    /// <summary>What masks secrets in this judge's error messages: the options' redactor and the embedder's own, if it carries one.</summary>
    internal SecretRedactor SecretRedactor => Options.SecretRedactor.With(SecretRedactor.Of(Embedder));

    /// <summary>
    /// Creates a judge of the C# type that holds <paramref name="definition"/>'s values (<c>bool</c>,
    /// <c>int</c>, <c>double</c>, or <c>string</c> for categorical and text judges) on <paramref name="chatClient"/>:
    /// for code that only knows the definition at run time, such as a judge loaded from a registry.
    /// </summary>
    public static Judge Create(JudgeDefinition definition, IChatClient chatClient, JudgeOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(chatClient);
        return definition.ValueType.Kind switch
        {
            FeedbackTypeKind.Boolean => new Judge<bool>(definition, chatClient, options),
            FeedbackTypeKind.Integer => new Judge<int>(definition, chatClient, options),
            FeedbackTypeKind.Number => new Judge<double>(definition, chatClient, options),
            _ => new Judge<string>(definition, chatClient, options),
        };
    }

    /// <summary>
    /// A judge that needs no model, judging from the aligned examples most like the trace. Pass/fail and
    /// categorical: the most probable label, each label's probability being the neighbours'
    /// similarity-weighted vote shrunk toward the label's share of the whole memory (the prior's weight is
    /// chosen by leave-one-out on the memory), so imbalanced data does not push it below always answering
    /// the majority; the verdict's <see cref="JudgeVerdict.Confidence"/> is that label's probability.
    /// Numeric: the weighted mean pulled toward the memory's mean by the neighbours' mean similarity, on the
    /// scale; its confidence is that similarity times one minus the neighbours' spread over half the scale.
    /// It must be aligned before it can judge; verdicts name the local model and the examples used.
    /// The C# value type is chosen as <see cref="Create"/> does.
    /// </summary>
    public static Judge CreateLocal(JudgeDefinition definition, JudgeOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(definition);
        return definition.ValueType.Kind switch
        {
            FeedbackTypeKind.Boolean => CreateLocal<bool>(definition, options),
            FeedbackTypeKind.Integer => CreateLocal<int>(definition, options),
            FeedbackTypeKind.Number => CreateLocal<double>(definition, options),
            _ => CreateLocal<string>(definition, options),
        };
    }

    /// <summary>The local judge (see <see cref="CreateLocal(JudgeDefinition, JudgeOptions?)"/>) with values of type <typeparamref name="T"/>.</summary>
    /// <exception cref="ArgumentException">The definition's value type cannot be held by <typeparamref name="T"/>.</exception>
    public static Judge<T> CreateLocal<T>(JudgeDefinition definition, JudgeOptions? options = null) =>
        new(definition, options, _ => new LocalJudgeModel());

    /// <summary>
    /// Builds the exact prompt this judge would send for <paramref name="trace"/>, without calling the judge's model.
    /// Its examples are those in memory most like the trace, never the trace's own (same trace id): a judge
    /// run on a trace it was aligned on answers from the other traces, as it would on a new one.
    /// </summary>
    /// <exception cref="RubricRenderException">The trace lacks a field the rubric uses, or the template fails at run time.</exception>
    public async Task<JudgePrompt> BuildPromptAsync(Trace trace, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(trace);
        Definition.Render(trace, cancellationToken); // fail on a missing field before spending an embedding call
        var memory = await MemoryAsync(cancellationToken).ConfigureAwait(false);
        var examples = await RetrieveAsync(memory, trace, cancellationToken).ConfigureAwait(false);
        return JudgePromptBuilder.Build(Definition, trace, examples, memory.Guidelines, cancellationToken, memory);
    }

    /// <summary>
    /// Judges one trace, with the value as a <see cref="FeedbackValue"/> (<see cref="Judge{T}.EvaluateAsync"/>
    /// gives it typed). A missing field, an unreachable model or replies that stay invalid give an error
    /// verdict (see <see cref="JudgeVerdict.Error"/>), never an exception, so a batch keeps going.
    /// </summary>
    /// <exception cref="OperationCanceledException">Cancellation was requested.</exception>
    public async Task<JudgeVerdict> EvaluateAsync(Trace trace, CancellationToken cancellationToken = default) =>
        new(await JudgeAsync(trace, cancellationToken).ConfigureAwait(false));

    /// <inheritdoc />
    public override string ToString() =>
        $"{GetType().Name} {Definition}, {Guidelines.Count} guideline(s), {_memoryFile?.Examples.Count ?? _memory.Examples.Count} example(s)";

    /// <summary>The memory with its example vectors, computing them from the memory file on first use (then kept for the process).</summary>
    /// <exception cref="InvalidOperationException">The judge has a memory file whose embedding model it has no embedder for.</exception>
    internal async ValueTask<JudgeMemory> MemoryAsync(CancellationToken cancellationToken) => _memoryFile is { Examples.Count: > 0 } file
        ? await file.VectorsAsync(FileEmbedder(file), cancellationToken).ConfigureAwait(false)
        : _memory;

    /// <summary>The guidelines, without computing any vector.</summary>
    private IReadOnlyList<Guideline> Guidelines => _memoryFile?.Guidelines ?? _memory.Guidelines;

    /// <summary>Judges one trace; failures come back in the data, only cancellation throws.</summary>
    private protected async Task<VerdictData> JudgeAsync(Trace trace, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(trace);
        cancellationToken.ThrowIfCancellationRequested();
        using var activity = JudgeTelemetry.Start(Name, _model.Id, trace.Id);
        var (verdict, prompt) = await JudgeWithPromptAsync(trace, cancellationToken).ConfigureAwait(false);
        JudgeTelemetry.Record(activity, verdict, _model.Id, prompt, Options);
        return verdict;
    }

    private Task<(VerdictData Verdict, JudgePrompt? Prompt)> JudgeWithPromptAsync(Trace trace, CancellationToken cancellationToken) =>
        PairwiseTrace.IsPairwise(trace) ? JudgePairAsync(trace, cancellationToken) : JudgeOnceAsync(trace, cancellationToken);

    private async Task<(VerdictData Verdict, JudgePrompt? Prompt)> JudgeOnceAsync(Trace trace, CancellationToken cancellationToken)
    {
        var started = Options.TimeProvider.GetTimestamp();
        var (prompt, failed) = await TryBuildPromptAsync(trace, started, cancellationToken).ConfigureAwait(false);
        if (prompt is null)
        {
            return (failed!, null);
        }

        var judgement = await _model.JudgeAsync(prompt, cancellationToken).ConfigureAwait(false);
        return (Verdict(trace.Id, judgement, Retrieved(prompt), Options.TimeProvider.GetElapsedTime(started)), prompt);
    }

    /// <summary>The prompt for <paramref name="trace"/>, or the error verdict saying why it could not be built (a missing field, a failed retrieval).</summary>
    private async Task<(JudgePrompt? Prompt, VerdictData? Failed)> TryBuildPromptAsync(Trace trace, long started, CancellationToken cancellationToken)
    {
        try
        {
            return (await BuildPromptAsync(trace, cancellationToken).ConfigureAwait(false), null);
        }
        catch (RubricRenderException e) when (!cancellationToken.IsCancellationRequested)
        {
            var kind = e.MissingField is null ? JudgeErrorKind.RenderFailure : JudgeErrorKind.MissingVariable;
            return (null, Failure(trace.Id, new JudgeError(kind, e.Message), started));
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            var message = $"Judge '{Name}' could not retrieve examples for trace '{trace.Id}': {TransientFailures.Describe(e, SecretRedactor)}";
            return (null, Failure(trace.Id, new JudgeError(JudgeErrorKind.ModelFailure, message), started));
        }
    }

    private VerdictData Failure(string traceId, JudgeError error, long started) =>
        Verdict(traceId, new ModelJudgement(null, null, error, _model.Id, default, 0), [], Options.TimeProvider.GetElapsedTime(started));

    private static string[] Retrieved(JudgePrompt prompt) => [.. prompt.Examples.Select(e => e.Example.TraceId)];

    /// <summary>
    /// A new judge of this judge's runtime type with the same state, which alignment and the <c>With...</c>
    /// methods then give another definition, memory or embedder. <see cref="Judge{T}"/> copies itself; a class
    /// declared with <c>[Judge]</c> gets an override from the generator; any other class that derives from
    /// <see cref="Judge{T}"/> overrides it with <c>new MyJudge(this)</c> and a copy constructor
    /// (<c>protected MyJudge(MyJudge original) : base(original)</c>) that decides what its own fields become.
    /// </summary>
    /// <exception cref="InvalidOperationException">The judge's class derives from <see cref="Judge{T}"/> and does not override this method.</exception>
    protected abstract Judge CreateCopy();

    /// <summary>A copy of this judge (same runtime type, made by <see cref="CreateCopy"/>) with another definition, memory, embedder or model.</summary>
    internal Judge Copy(JudgeDefinition? definition = null, JudgeMemory? memory = null, IEmbeddingGenerator<string, Embedding<float>>? embedder = null, IJudgeModel? model = null)
    {
        var copy = CreateCopy();
        if (copy is null || copy.GetType() != GetType() || ReferenceEquals(copy, this))
        {
            throw new InvalidOperationException(
                $"'{GetType().FullName}.CreateCopy()' must return a new '{GetType().Name}' (it returned {(copy is null ? "null" : ReferenceEquals(copy, this) ? "the judge itself" : $"a '{copy.GetType().FullName}'")}): "
                + "alignment and the With... methods give back a judge of the type they were given.");
        }

        copy.Definition = definition ?? Definition;
        if (memory is not null)
        {
            // A memory given replaces the file's: the copy is no longer that file's judge.
            copy._memory = memory;
            copy._memoryFile = null;
        }

        copy.Embedder = embedder ?? Embedder;
        copy._model = model ?? _model;
        return copy;
    }

    /// <summary>
    /// For a [Judge] declaration the generator could not complete (not partial, say): it compiles, so the
    /// build reports only the MAJ diagnostic that says why, but it cannot be constructed.
    /// </summary>
    private protected Judge() => throw new InvalidOperationException(
        $"'{GetType().FullName}' cannot be constructed: the MemAlign generator could not complete it, and the build reported why (MAJ diagnostics). "
        + "A [Judge] class must be partial, derive from Judge<T> and carry a valid [Rubric].");

    private async Task<IReadOnlyList<RetrievedExample>> RetrieveAsync(JudgeMemory memory, Trace trace, CancellationToken cancellationToken)
    {
        if (memory.Examples.Count == 0)
        {
            return [];
        }

        var embedder = Embedder ?? throw new InvalidOperationException(
            $"Judge '{Name}' has examples in memory but no embedder to compare traces with; it must come from AlignAsync or WithMemory with its embedding model.");
        var embeddings = await embedder.GenerateAsync([RetrievalText(Definition, trace, EmbeddingTokenLimit.For(embedder))], new EmbeddingGenerationOptions { Dimensions = memory.EmbeddingDimensions }, cancellationToken).ConfigureAwait(false);
        // A trace never recalls its own example: its labels would be shown to the reviewer labelling it and
        // agreement measured on traces the judge was aligned on would be inflated.
        return memory.Index.Search(embeddings[0].Vector.Span, memory.RetrievalK, excludedTraceId: trace.Id);
    }

    private IEmbeddingGenerator<string, Embedding<float>> FileEmbedder(JudgeMemoryFile file) => Embedder ?? throw new InvalidOperationException(
        $"Judge '{Name}' was aligned with embeddings from '{file.EmbeddingModelId}' (its memory file{(file.FilePath is null ? "" : $" '{file.FilePath}'")} names that model), "
        + $"and only the local embedder ('{LocalEmbeddingGenerator.ModelName}') comes without being given: pass an embedder for '{file.EmbeddingModelId}' "
        + "with judge.WithEmbedder(embedder).");

    /// <summary>
    /// The text of <paramref name="trace"/> a judge compares with its memory's examples (the field its examples embed, a
    /// conversation shortened to <paramref name="limit"/> as alignment shortened the examples').
    /// </summary>
    internal static string RetrievalText(JudgeDefinition definition, Trace trace, EmbeddingTokenLimit limit)
    {
        var name = FeedbackExtractor.EmbeddedField(definition);
        var text = trace.GetField(name) is null ? "" : FeedbackExtractor.FieldText(trace, name, limit);
        return text.Length > MaxQueryTokens ? TokenCounter.Truncate(text, MaxQueryTokens) : text;
    }

    private VerdictData Verdict(string traceId, ModelJudgement judgement, IReadOnlyList<string> retrieved, TimeSpan latency) => new(
        Name,
        traceId,
        judgement.Model,
        judgement.Error is null ? judgement.Value : null,
        judgement.Error is null ? judgement.Rationale : null,
        judgement.Error,
        judgement.Usage,
        judgement.ModelCalls,
        latency,
        retrieved,
        Options.TimeProvider.GetUtcNow(),
        judgement.Error is null ? judgement.Confidence : null)
    {
        AnsweredBy = judgement.AnsweredBy,
        NotApplicable = judgement.Error is null && Definition.ValueType.IsNotApplicable(judgement.Value),
    };
}
