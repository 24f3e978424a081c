using Microsoft.Extensions.AI;

namespace MemAlign.OpenAI;

/// <summary>Response caching for judges' chat clients.</summary>
public static class ResponseCaching
{
    /// <summary>
    /// Wraps <paramref name="client"/> so that a request identical to an earlier one (same messages,
    /// options, schema and model) is answered from <paramref name="directory"/> without calling the model.
    /// </summary>
    public static IChatClient WithDiskCache(this IChatClient client, string directory)
    {
        ArgumentNullException.ThrowIfNull(client);
        return new DistributedCachingChatClient(client, new DiskResponseCache(directory));
    }
}
