using Microsoft.Extensions.AI;

namespace MemAlign.Storage;

/// <summary>A summary of one registered judge version, without its memory.</summary>
/// <param name="Name">The judge's name.</param>
/// <param name="Version">The version, from 1.</param>
/// <param name="CreatedAt">When it was registered.</param>
/// <param name="Model">The definition's model, if any.</param>
/// <param name="ValueType">What it returns.</param>
/// <param name="Guidelines">Guidelines in its semantic memory.</param>
/// <param name="Examples">Examples in its episodic memory.</param>
public sealed record JudgeVersionInfo(string Name, int Version, DateTimeOffset CreatedAt, string? Model, FeedbackValueType ValueType, int Guidelines, int Examples);

/// <summary>
/// A registered judge version: a self-contained snapshot of its definition, memory (guidelines with their
/// sources, examples with text and embeddings, embedding model and dimensions) and optimizer settings.
/// Turning it back into a judge makes no model or embedding call.
/// </summary>
public sealed class RegisteredJudge
{
    internal RegisteredJudge(JudgeVersionInfo info, JudgeDefinition definition, JudgeMemory memory, IReadOnlyDictionary<string, string> settings)
    {
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
    /// The judge, on <paramref name="chatClient"/> (or its definition's model when omitted), with its memory.
    /// The embedder for retrieval is <paramref name="embedder"/>, or the one its memory was made with:
    /// the local embedder, or an <c>openai:/</c> embedding model configured from the environment.
    /// </summary>
    /// <exception cref="ArgumentException">The value type cannot be held by <typeparamref name="T"/>.</exception>
    /// <exception cref="ModelConfigurationException">No model can be created for it.</exception>
    public Judge<T> CreateJudge<T>(IChatClient? chatClient = null, JudgeOptions? options = null, IEmbeddingGenerator<string, Embedding<float>>? embedder = null)
    {
        var judge = chatClient is null ? new Judge<T>(Definition, options) : new Judge<T>(Definition, chatClient, options);
        return Attach(judge, embedder);
    }

    /// <summary>The judge on the offline local model (a similarity-weighted vote of its examples), with its memory.</summary>
    public Judge<T> CreateLocalJudge<T>(JudgeOptions? options = null, IEmbeddingGenerator<string, Embedding<float>>? embedder = null) =>
        Attach(Judge<T>.Local(Definition, options), embedder);

    private Judge<T> Attach<T>(Judge<T> judge, IEmbeddingGenerator<string, Embedding<float>>? embedder) =>
        judge.WithMemory(Memory, embedder ?? EmbedderFor(Memory));

    private static IEmbeddingGenerator<string, Embedding<float>> EmbedderFor(JudgeMemory memory) =>
        memory.EmbeddingModelId == LocalEmbeddingGenerator.ModelName
            ? new LocalEmbeddingGenerator(memory.EmbeddingDimensions)
            : ModelProviders.CreateEmbeddingGenerator(memory.EmbeddingModelId.Contains(":/", StringComparison.Ordinal) ? memory.EmbeddingModelId : "openai:/" + memory.EmbeddingModelId, memory.EmbeddingDimensions);
}
