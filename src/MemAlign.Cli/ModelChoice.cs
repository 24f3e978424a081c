using MemAlign.OpenAI;
using MemAlign.Storage;
using Microsoft.Extensions.AI;

namespace MemAlign.Cli;

/// <summary>
/// Which models a command uses: --model, else the judge's own model, when OPENAI_API_KEY or OPENAI_BASE_URL
/// is set; otherwise the local models (local judge, extractive distiller, hashing embedder), said in one line.
/// </summary>
internal sealed class ModelChoice
{
    private readonly string? _model;
    private readonly OpenAISettings _settings;
    private readonly CliOutput _output;
    private bool _noticed;

    public ModelChoice(string? model, CliOutput output)
    {
        _model = model;
        _output = output;
        try
        {
            _settings = OpenAISettings.Parse(Environment.GetEnvironmentVariable(OpenAISettings.ApiKeyVariable), Environment.GetEnvironmentVariable(OpenAISettings.BaseUrlVariable));
        }
        catch (ModelConfigurationException e)
        {
            throw new UsageException($"{OpenAISettings.BaseUrlVariable}: {e.Message}");
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
            return MemAlign.Judge.Create(definition, ModelProviders.CreateChatClient(model, _settings));
        }

        Offline();
        return MemAlign.Judge.CreateLocal(definition);
    }

    /// <summary>The optimizer: the reflection model when online, the offline distiller otherwise; labels resolved by <paramref name="labels"/>.</summary>
    public IAlignmentOptimizer Optimizer(JudgeDefinition definition, LabelResolution? labels = null)
    {
        var options = new MemAlignOptions { LabelResolution = labels ?? LabelResolution.Default };
        if (ModelFor(definition) is { } model)
        {
            return new MemAlignOptimizer(options with { ReflectionModel = ModelProviders.CreateChatClient(model, _settings) });
        }

        Offline();
        return new MemAlignOptimizer(options);
    }

    /// <summary>The embedder a memory was made with: the local one, or an OpenAI-compatible embedding model.</summary>
    public IEmbeddingGenerator<string, Embedding<float>> Embedder(JudgeMemory memory) =>
        memory.EmbeddingModelId == LocalEmbeddingGenerator.ModelName
            ? new LocalEmbeddingGenerator(memory.EmbeddingDimensions)
            : ModelProviders.CreateEmbeddingGenerator(
                memory.EmbeddingModelId.Contains(":/", StringComparison.Ordinal) ? memory.EmbeddingModelId : "openai:/" + memory.EmbeddingModelId, _settings, memory.EmbeddingDimensions);

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
            _output.Notice("No model configured (OPENAI_API_KEY / OPENAI_BASE_URL): using the local models (local judge, extractive distiller, hashing embedder).");
        }
    }
}
