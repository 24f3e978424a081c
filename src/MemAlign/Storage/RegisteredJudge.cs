namespace MemAlign.Storage;

/// <summary>A summary of one registered judge version, without its memory.</summary>
/// <param name="Name">The judge's name.</param>
/// <param name="Version">The version, from 1.</param>
/// <param name="CreatedAt">When it was registered.</param>
/// <param name="Model">The definition's model, if any.</param>
/// <param name="ValueType">What it returns.</param>
/// <param name="Guidelines">Guidelines in its semantic memory.</param>
/// <param name="Examples">Examples in its episodic memory.</param>
/// <param name="BaseVersion">The version it was made from (the latest when it was registered), or <see langword="null"/> for a first version.</param>
public sealed record JudgeVersionInfo(string Name, int Version, DateTimeOffset CreatedAt, string? Model, FeedbackValueType ValueType, int Guidelines, int Examples, int? BaseVersion = null);

/// <summary>
/// A registered judge version: a self-contained snapshot of its definition, memory (guidelines with their
/// sources, examples with text and embeddings, embedding model and dimensions), label schema and settings.
/// Plain data: a judge is built from it with the clients the caller chooses, such as
/// <c>new Helpfulness(chatClient).WithDefinition(registered.Definition).WithMemory(registered.Memory, embedder)</c>,
/// and making it makes no model or embedding call.
/// </summary>
public sealed class RegisteredJudge
{
    /// <summary>Creates the record (stores do, when they read a version).</summary>
    /// <param name="info">Name, version, time, counts.</param>
    /// <param name="definition">The judge's definition.</param>
    /// <param name="memory">Its memory.</param>
    /// <param name="settings">The extras recorded with it.</param>
    /// <param name="labelSchema">The label schema registered with it, if any (its title, instruction and comment policy are used; its name and value type are the judge's).</param>
    public RegisteredJudge(JudgeVersionInfo info, JudgeDefinition definition, JudgeMemory memory, IReadOnlyDictionary<string, string> settings, LabelSchema? labelSchema = null)
    {
        ArgumentNullException.ThrowIfNull(info);
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(memory);
        ArgumentNullException.ThrowIfNull(settings);
        Info = info;
        Definition = definition;
        Memory = memory;
        Settings = settings;
        LabelSchema = new(definition.Name, definition.ValueType, labelSchema?.Title, labelSchema?.Instruction, labelSchema?.Comment ?? LabelComment.Optional);
    }

    /// <summary>Name, version, time, counts.</summary>
    public JudgeVersionInfo Info { get; }

    /// <summary>The judge's definition.</summary>
    public JudgeDefinition Definition { get; }

    /// <summary>The judge's memory, as registered.</summary>
    public JudgeMemory Memory { get; }

    /// <summary>The rubric followed by the distilled guidelines, as the judge's <c>Instructions</c> reads.</summary>
    public string Instructions => Prompting.JudgePromptBuilder.Instructions(Definition, Memory.Guidelines);

    /// <summary>The extras recorded with it (optimizer settings, say).</summary>
    public IReadOnlyDictionary<string, string> Settings { get; }

    /// <summary>
    /// How reviewers are asked for this judge's labels: the label schema registered with it (its title,
    /// Markdown instruction and comment policy), or a plain one in the judge's value type, comment optional, when none was.
    /// </summary>
    public LabelSchema LabelSchema { get; }
}
