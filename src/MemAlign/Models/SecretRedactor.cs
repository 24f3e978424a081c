using System.Collections.Concurrent;

namespace MemAlign.Models;

/// <summary>
/// Keeps API keys out of every message the library writes (logs, exceptions, error verdicts): keys the
/// library reads are registered here, and text from outside (provider error messages) is passed
/// through <see cref="Redact"/> before it is shown.
/// </summary>
internal static class SecretRedactor
{
    private const string Mask = "***";
    private static readonly ConcurrentDictionary<string, byte> Secrets = new(StringComparer.Ordinal);

    public static void Register(string? secret)
    {
        // Very short values would mask ordinary words; real keys are long.
        if (secret is { Length: >= 8 })
        {
            Secrets.TryAdd(secret, 0);
        }
    }

    public static string Redact(string text)
    {
        foreach (var secret in Secrets.Keys)
        {
            text = text.Replace(secret, Mask, StringComparison.Ordinal);
        }

        return text;
    }
}
