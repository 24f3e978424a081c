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
/// sources, examples with text and embeddings, embedding model and dimensions) and optimizer settings.
/// Plain data: a judge is built from it with the clients the caller chooses, such as
/// <c>new Helpfulness(chatClient).WithDefinition(registered.Definition).WithMemory(registered.Memory, embedder)</c>,
/// and making it makes no model or embedding call.
/// </summary>
public sealed class RegisteredJudge
{
    /// <summary>Creates the record (stores do, when they read a version).</summary>
    public RegisteredJudge(JudgeVersionInfo info, JudgeDefinition definition, JudgeMemory memory, IReadOnlyDictionary<string, string> settings)
    {
        ArgumentNullException.ThrowIfNull(info);
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(memory);
        ArgumentNullException.ThrowIfNull(settings);
        Info = info;
        Definition = definition;
        Memory = memory;
        Settings = settings;
    }

    /// <summary>Name, version, time, counts.</summary>
    public JudgeVersionInfo Info { get; }

    /// <summary>The judge's definition.</summary>
    public JudgeDefinition Definition { get; }

    /// <summary>The judge's memory, as registered.</summary>
    public JudgeMemory Memory { get; }

    /// <summary>The rubric followed by the distilled guidelines, as the judge's <c>Instructions</c> reads.</summary>
    public string Instructions => Prompting.JudgePromptBuilder.Instructions(Definition, Memory.Guidelines);

    /// <summary>The optimizer settings recorded with it (retrieval k, reflection model, ...).</summary>
    public IReadOnlyDictionary<string, string> Settings { get; }

    /// <summary>
    /// How reviewers are asked for this judge's labels: the label schema registered with it (its title,
    /// Markdown instruction and comment policy), or a plain one in the judge's value type when none was.
    /// </summary>
    public LabelSchema LabelSchema =>
        new(Definition.Name, Definition.ValueType,
            Settings.GetValueOrDefault(LabelTitleSetting),
            Settings.GetValueOrDefault(LabelInstructionSetting),
            Settings.TryGetValue(LabelCommentSetting, out var comment) && Enum.TryParse<LabelComment>(comment, out var parsed) ? parsed : LabelComment.Optional);

    /// <summary>The registration settings that record <paramref name="schema"/> with its judge (see <see cref="LabelSchema"/>).</summary>
    public static IReadOnlyDictionary<string, string> LabelSchemaSettings(LabelSchema schema)
    {
        ArgumentNullException.ThrowIfNull(schema);
        var settings = new Dictionary<string, string>(StringComparer.Ordinal) { [LabelCommentSetting] = schema.Comment.ToString() };
        if (schema.Title is { } title)
        {
            settings[LabelTitleSetting] = title;
        }

        if (schema.Instruction is { } instruction)
        {
            settings[LabelInstructionSetting] = instruction;
        }

        return settings;
    }

    private const string LabelTitleSetting = "label_title";
    private const string LabelInstructionSetting = "label_instruction";
    private const string LabelCommentSetting = "label_comment";
}
