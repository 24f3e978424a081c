using MemAlign.MiniLM;
using MemAlign.OpenAI;
using MemAlign.Storage;
using Microsoft.Extensions.AI;

namespace MemAlign.Cli;

/// <summary>
/// Which models a command uses: --model, else the settings file's model, else the judge's own model, when
/// OPENAI_API_KEY or OPENAI_BASE_URL (or the settings file's baseUrl) is set; otherwise the local models (local judge, extractive distiller), said in one line. New memories are
/// embedded with all-MiniLM-L6-v2 (offline, memoised for the process); a memory keeps the embedder it was made with.
/// </summary>
internal sealed class ModelChoice
{
    private readonly string? _model;
    private readonly OpenAISettings _settings;
    private readonly CliOutput _output;
    private readonly IReadOnlyDictionary<string, ModelSettings> _models;
    private bool _noticed;

    // Loaded on first use and shared by every judge and optimizer of the command, so a text is embedded once.
    private readonly Lazy<IEmbeddingGenerator<string, Embedding<float>>> _miniLM = new(MiniLMEmbeddingGenerator.CreateMemoised);

    /// <param name="model">--model, else the settings file's model.</param>
    /// <param name="file">The settings file, whose baseUrl is used when OPENAI_BASE_URL is not set.</param>
    /// <param name="output">Where the "using the local models" notice goes.</param>
    public ModelChoice(string? model, ToolSettings file, CliOutput output)
    {
        _model = model;
        _output = output;
        _models = file.Models;
        var environment = Environment.GetEnvironmentVariable(OpenAISettings.BaseUrlVariable);
        var fromFile = string.IsNullOrWhiteSpace(environment) && file.BaseUrl is not null;
        try
        {
            _settings = OpenAISettings.Parse(Environment.GetEnvironmentVariable(OpenAISettings.ApiKeyVariable), fromFile ? file.BaseUrl : environment);
        }
        catch (ModelConfigurationException e)
        {
            throw new UsageException($"{(fromFile ? $"{file.File}: baseUrl" : OpenAISettings.BaseUrlVariable)}: {e.Message}");
        }
    }

    /// <summary>Whether a model can be called.</summary>
    public bool IsOnline => _settings.IsConfigured;

    /// <summary>The judge as registered, on a model or on the local judge, with its memory.</summary>
    public Judge Judge(RegisteredJudge registered) => Baseline(registered.Definition).WithMemory(registered.Memory, Embedder(registered.Memory));

    /// <summary>The judge's definition with no memory: the baseline an experiment compares against.</summary>
    public Judge Baseline(JudgeDefinition definition)
    {
        if (ModelFor(definition) is { } model)
        {
            return MemAlign.Judge.Create(definition, ModelProviders.CreateChatClient(model, _settings), Options(model));
        }

        Offline();
        return MemAlign.Judge.CreateLocal(definition);
    }

    /// <summary>
    /// The optimizer for <paramref name="memory"/>: the reflection model when online, the offline distiller otherwise;
    /// it embeds with the model that made the memory's examples (the optimizer refuses to mix embedders), and a
    /// memory without examples starts on all-MiniLM-L6-v2. Several labels on a trace become one by <paramref name="labels"/>.
    /// </summary>
    public IAlignmentOptimizer Optimizer(JudgeDefinition definition, JudgeMemory memory, LabelResolution? labels = null)
    {
        var embedder = memory.Examples.Count > 0 ? Embedder(memory) : _miniLM.Value;
        var options = new MemAlignOptions { EmbeddingGenerator = embedder, LabelResolution = labels ?? LabelResolution.Default };
        if (ModelFor(definition) is { } model)
        {
            return new MemAlignOptimizer(options with { ReflectionModel = ModelProviders.CreateChatClient(model, _settings) });
        }

        Offline();
        return new MemAlignOptimizer(options);
    }

    /// <summary>
    /// The embedder a memory was made with, by its embedding model id: the hashed local one, MiniLM (memoised),
    /// or an OpenAI-compatible embedding model.
    /// </summary>
    public IEmbeddingGenerator<string, Embedding<float>> Embedder(JudgeMemory memory) => Embedder(memory.EmbeddingModelId, memory.EmbeddingDimensions);

    /// <summary>The embedder of the model a memory file names (see <see cref="Embedder(JudgeMemory)"/>).</summary>
    public IEmbeddingGenerator<string, Embedding<float>> Embedder(string modelId, int dimensions) => modelId switch
    {
        LocalEmbeddingGenerator.ModelName => new LocalEmbeddingGenerator(dimensions),
        MiniLMEmbeddingGenerator.ModelName => _miniLM.Value,
        var id => ModelProviders.CreateEmbeddingGenerator(id.Contains(":/", StringComparison.Ordinal) ? id : "openai:/" + id, _settings, dimensions),
    };

    /// <summary>How a judge calls <paramref name="model"/>: the defaults, with what the settings file's <c>models</c> sets for it.</summary>
    private JudgeOptions Options(string model) =>
        _models.TryGetValue(WithoutProvider(model), out var settings) ? settings.ApplyTo(JudgeOptions.Default) : JudgeOptions.Default;

    private static string WithoutProvider(string model) => model[(model.IndexOf(":/", StringComparison.Ordinal) is var at and >= 0 ? at + 2 : 0)..];

    /// <summary>The model a command runs <paramref name="definition"/> on, as prices name it (without its provider, such as gpt-4.1-mini), or null offline.</summary>
    public string? ModelName(JudgeDefinition definition) =>
        ModelFor(definition) is { } model ? WithoutProvider(model) : null;

    private string? ModelFor(JudgeDefinition definition)
    {
        var model = _model ?? definition.Model;
        if (!IsOnline)
        {
            return null;
        }

        return model ?? throw new UsageException(
            $"Judge '{definition.Name}' names no model; pass --model openai:/<model>, or unset OPENAI_API_KEY and OPENAI_BASE_URL to use the local models.");
    }

    private void Offline()
    {
        if (!_noticed)
        {
            _noticed = true;
            _output.Notice("No model configured (OPENAI_API_KEY / OPENAI_BASE_URL): using the local models (local judge, extractive distiller; all-MiniLM-L6-v2 embeddings).");
        }
    }
}
