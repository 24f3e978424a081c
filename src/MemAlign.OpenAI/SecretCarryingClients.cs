using MemAlign.Evaluation;
using Microsoft.Extensions.AI;

namespace MemAlign.OpenAI;

// The clients ModelProviders creates answer GetService(typeof(SecretRedactor)) with the redactor of the key they
// were given, so judges and the optimizer mask it in every message about them without being told.

/// <summary>A chat client that carries the redactor of its key, and the batch API of its model.</summary>
internal sealed class SecretCarryingChatClient(IChatClient inner, SecretRedactor redactor, IBatchChatClient batch) : DelegatingChatClient(inner)
{
    public override object? GetService(Type serviceType, object? serviceKey = null) => serviceKey is null && serviceType == typeof(SecretRedactor) ? redactor
        : serviceKey is null && serviceType == typeof(IBatchChatClient) ? batch
        : base.GetService(serviceType, serviceKey);
}

/// <summary>An embedding generator that carries the redactor of its key.</summary>
internal sealed class SecretCarryingEmbeddingGenerator(IEmbeddingGenerator<string, Embedding<float>> inner, SecretRedactor redactor)
    : DelegatingEmbeddingGenerator<string, Embedding<float>>(inner)
{
    public override object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceKey is null && serviceType == typeof(SecretRedactor) ? redactor : base.GetService(serviceType, serviceKey);
}
