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
        _settings = OpenAISettings.FromEnvironment();
    }

    /// <summary>Whether a model can be called.</summary>
    public bool IsOnline => _settings.IsConfigured;

    /// <summary>The judge as registered, on a model or on the local judge.</summary>
    public Judge<T> Judge<T>(RegisteredJudge registered)
    {
        if (ModelFor(registered.Definition) is { } model)
        {
            return registered.CreateJudge<T>(ModelProviders.CreateChatClient(model, _settings));
        }

        Offline();
        return registered.CreateLocalJudge<T>();
    }

    /// <summary>The judge's definition with no memory: the baseline an experiment compares against.</summary>
    public MemAlign.Judge<T> Baseline<T>(JudgeDefinition definition)
    {
        if (ModelFor(definition) is { } model)
        {
            return new MemAlign.Judge<T>(definition, ModelProviders.CreateChatClient(model, _settings));
        }

        Offline();
        return MemAlign.Judge<T>.Local(definition);
    }

    /// <summary>The optimizer: the reflection model when online, the offline distiller otherwise.</summary>
    public MemAlignOptimizer Optimizer(JudgeDefinition definition)
    {
        if (ModelFor(definition) is { } model)
        {
            return new MemAlignOptimizer(new MemAlignOptions { ReflectionModel = ModelProviders.CreateChatClient(model, _settings) });
        }

        Offline();
        return new MemAlignOptimizer();
    }

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
