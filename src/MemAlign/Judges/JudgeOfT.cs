using System.ComponentModel;
using MemAlign.Models;
using Microsoft.Extensions.AI;

namespace MemAlign;

// RS0022: Judge<T>'s constructors make Judge, whose own constructors are private protected, inheritable through
// it. That is the design: users derive from Judge<T>, never from Judge directly.
#pragma warning disable RS0022

/// <summary>
/// An LLM judge that returns values of type <typeparamref name="T"/>: <c>bool</c> (pass/fail), <c>int</c>
/// or <c>double</c> on a scale, an enum or <c>string</c> options (categorical), or <c>string</c> (free text).
/// </summary>
/// <remarks>
/// Works on its own from a <see cref="JudgeDefinition"/>; a class marked <c>[Judge]</c> and
/// <c>[Rubric]</c> gets its definition, a constructor and a typed <c>EvaluateAsync</c> generated.
/// An aligned judge also carries a <see cref="JudgeMemory"/>: each evaluation retrieves the most similar
/// labelled examples and adds them, and the distilled guidelines, to its prompt.
/// </remarks>
/// <typeparam name="T">The value type.</typeparam>
public class Judge<T> : Judge
{
    /// <summary>Creates a judge that calls <paramref name="chatClient"/>.</summary>
    /// <exception cref="ArgumentException">The definition's value type cannot be held by <typeparamref name="T"/>, or the options are invalid.</exception>
    public Judge(JudgeDefinition definition, IChatClient chatClient, JudgeOptions? options = null)
        : this(definition, options, opts => new ChatJudgeModel(chatClient ?? throw new ArgumentNullException(nameof(chatClient)), opts, definition?.Model))
    {
    }

    /// <summary>
    /// Creates the aligned judge whose memory is <paramref name="memory"/>, an aligned memory file (a generated
    /// judge passes the <c>*.memalign.json</c> compiled into its assembly): its guidelines and examples are the
    /// file's, and no store is needed. The examples' vectors are computed from their text by the file's
    /// embedding model at first use and kept for the process; the local embedder's model needs nothing more,
    /// any other is given with <c>WithEmbedder</c>. Without a file (<see langword="null"/>) the judge starts unaligned.
    /// </summary>
    /// <remarks>
    /// A file made for another judge (another name) is refused. A file aligned for an earlier wording of the
    /// rubric still loads (the build warns that it is stale: see <see cref="JudgeMemoryFile.IsAlignedFor"/>);
    /// one aligned for another value type loads only if every example's value is one the judge allows.
    /// </remarks>
    /// <exception cref="InvalidOperationException">The file belongs to another judge, or holds values the judge's value type does not allow.</exception>
    /// <exception cref="ArgumentException">The definition's value type cannot be held by <typeparamref name="T"/>, or the options are invalid.</exception>
    protected Judge(JudgeDefinition definition, IChatClient chatClient, JudgeOptions? options, JudgeMemoryFile? memory)
        : this(definition, options, opts => new ChatJudgeModel(chatClient ?? throw new ArgumentNullException(nameof(chatClient)), opts, definition?.Model), memory)
    {
    }

    /// <summary>
    /// Not for use: it lets a <c>[Judge]</c> declaration that the MemAlign generator cannot complete (one
    /// that is not partial, say) compile, so that the build reports only the MAJ diagnostic saying why.
    /// </summary>
    /// <exception cref="InvalidOperationException">Always.</exception>
    [EditorBrowsable(EditorBrowsableState.Never)]
    protected Judge()
    {
    }

    /// <summary>
    /// A copy of <paramref name="original"/>: its definition, model, options, memory and embedder. A class that
    /// derives from <see cref="Judge{T}"/> calls it from its own copy constructor, which <see cref="CreateCopy"/> calls.
    /// </summary>
    protected Judge(Judge<T> original)
        : base(original)
    {
    }

    internal Judge(JudgeDefinition definition, JudgeOptions? options, Func<JudgeOptions, IJudgeModel> createModel, JudgeMemoryFile? memoryFile = null)
        : base(Checked(definition), options, createModel, memoryFile)
    {
    }

    /// <summary>
    /// Judges one trace, with the value typed. A missing field, an unreachable model or replies that stay
    /// invalid give an error verdict (see <see cref="JudgeVerdict.Error"/>), never an exception, so a batch keeps going.
    /// </summary>
    /// <exception cref="OperationCanceledException">Cancellation was requested.</exception>
    public new async Task<JudgeVerdict<T>> EvaluateAsync(Trace trace, CancellationToken cancellationToken = default)
    {
        var data = await JudgeAsync(trace, cancellationToken).ConfigureAwait(false);
        var value = data.Feedback is { } feedback ? FeedbackValueConverter<T>.ToValue(feedback) : default!;
        return new JudgeVerdict<T>(data, value);
    }

    /// <summary>
    /// A new <see cref="Judge{T}"/> with this judge's state. A class that derives from <see cref="Judge{T}"/>
    /// overrides it (the generator does for <c>[Judge]</c> classes): copies are never made behind its back,
    /// so its own fields are never shared or lost silently.
    /// </summary>
    /// <exception cref="InvalidOperationException">This judge's class derives from <see cref="Judge{T}"/> and does not override it.</exception>
    protected override Judge CreateCopy() => GetType() == typeof(Judge<T>)
        ? new Judge<T>(this)
        : throw new InvalidOperationException(
            $"'{GetType().FullName}' derives from Judge<{typeof(T).Name}> but does not override CreateCopy(), which alignment and WithMemory, WithGuidelines "
            + $"and WithDefinition need to copy it: add a copy constructor 'protected {GetType().Name}({GetType().Name} original) : base(original)' that copies "
            + $"your own fields as you intend, and 'protected override Judge CreateCopy() => new {GetType().Name}(this);'.");

    private static JudgeDefinition Checked(JudgeDefinition definition)
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

        return definition;
    }
}
