using System.Collections.Concurrent;

namespace MemAlign;

/// <summary>
/// Keeps secrets (API keys) out of every message MemAlign writes: logs, exceptions and error verdicts.
/// Providers register the keys they are given (MemAlign.OpenAI does); text from outside (a provider's
/// error message) is masked before it is shown. Register the keys of your own clients too.
/// </summary>
public static class Secrets
{
    private const string Mask = "***";
    private static readonly ConcurrentDictionary<string, byte> Known = new(StringComparer.Ordinal);

    /// <summary>Masks <paramref name="secret"/> in every message from now on. Values shorter than 8 characters are ignored: they would mask ordinary words.</summary>
    public static void Register(string? secret)
    {
        if (secret is { Length: >= 8 })
        {
            Known.TryAdd(secret, 0);
        }
    }

    /// <summary><paramref name="text"/> with every registered secret masked.</summary>
    public static string Redact(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        foreach (var secret in Known.Keys)
        {
            text = text.Replace(secret, Mask, StringComparison.Ordinal);
        }

        return text;
    }
}
