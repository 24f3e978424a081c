using System.ClientModel;
using System.ClientModel.Primitives;
using Microsoft.Extensions.AI;
using OpenAI;

namespace MemAlign.OpenAI;

/// <summary>
/// Creates Microsoft.Extensions.AI clients from model ids such as <c>openai:/gpt-4.1-mini</c>. The
/// <c>openai</c> provider reaches OpenAI or, with a base URL, any OpenAI-compatible server. Each client
/// carries the settings' <see cref="OpenAISettings.SecretRedactor"/> (as the service <see cref="SecretRedactor"/>),
/// so judges and the optimizer mask the key in every message about it.
/// </summary>
public static class ModelProviders
{
    /// <summary>Creates a chat client for <paramref name="modelId"/>.</summary>
    /// <param name="modelId">Such as <c>openai:/gpt-4.1-mini</c>.</param>
    /// <param name="settings">The key and base URL.</param>
    /// <exception cref="ModelConfigurationException">The provider is unknown or no key or base URL is configured.</exception>
    public static IChatClient CreateChatClient(string modelId, OpenAISettings settings)
    {
        var (id, openAI) = Resolve(modelId, settings);
        // The batch API rides along as a service (GetService(typeof(IBatchChatClient))): a judge on this client can be batched.
        var batch = new OpenAIBatchChatClient(openAI, Options(settings), id.Name, settings.BaseUrl);
        return new SecretCarryingChatClient(openAI.GetChatClient(id.Name).AsIChatClient(), settings.SecretRedactor, batch);
    }

    /// <summary>Creates an embedding generator for <paramref name="modelId"/>, such as <c>openai:/text-embedding-3-small</c>.</summary>
    /// <param name="modelId">The embedding model.</param>
    /// <param name="dimensions">The vector length to ask for, when the model supports shortening (default: the model's own).</param>
    /// <param name="settings">The key and base URL.</param>
    /// <exception cref="ModelConfigurationException">The provider is unknown or no key or base URL is configured.</exception>
    public static IEmbeddingGenerator<string, Embedding<float>> CreateEmbeddingGenerator(string modelId, OpenAISettings settings, int? dimensions = null)
    {
        if (dimensions is <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(dimensions), dimensions, "Embedding dimensions must be positive.");
        }

        var (id, openAI) = Resolve(modelId, settings);
        return new SecretCarryingEmbeddingGenerator(openAI.GetEmbeddingClient(id.Name).AsIEmbeddingGenerator(dimensions), settings.SecretRedactor);
    }

    private static (ModelId Id, OpenAIClient Client) Resolve(string modelId, OpenAISettings settings)
    {
        ArgumentNullException.ThrowIfNull(modelId);
        ArgumentNullException.ThrowIfNull(settings);
        ModelId id;
        try
        {
            id = ModelId.Parse(modelId);
        }
        catch (FormatException e)
        {
            throw new ModelConfigurationException(e.Message, e);
        }

        if (id.Provider != "openai")
        {
            throw new ModelConfigurationException(
                $"Model '{modelId}' names the provider '{id.Provider}', which is not supported; use openai:/<model> "
                + "(with a base URL for any OpenAI-compatible server) or pass an IChatClient.");
        }

        if (!settings.IsConfigured)
        {
            throw new ModelConfigurationException(
                $"Model '{modelId}' needs an API key (or the base URL of a local OpenAI-compatible server such as Ollama); the settings have neither.");
        }

        // A local server may need no key, but the client requires one; it is sent and ignored.
        var credential = new ApiKeyCredential(settings.ApiKey ?? "no-key");
        return (id, new OpenAIClient(credential, Options(settings)));
    }

    private static OpenAIClientOptions Options(OpenAISettings settings)
    {
        var options = new OpenAIClientOptions
        {
            // Judges retry transient failures themselves (with Retry-After and logging), for every
            // IChatClient alike; a second retry layer here would multiply the attempts.
            RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
        };
        if (settings.BaseUrl is not null)
        {
            options.Endpoint = settings.BaseUrl;
        }

        return options;
    }
}
