using Microsoft.Extensions.AI;

namespace MemAlign;

/// <summary>
/// Masks secrets (API keys) in the text MemAlign writes: logs, error verdicts and alignment failures, which
/// may quote a provider's error message. A redactor is a setting, never process-wide state: give one to
/// <see cref="JudgeOptions.SecretRedactor"/> (and so to <see cref="MemAlignOptions.ReflectionCallOptions"/>),
/// or let a client carry its own: a chat client or embedding generator that answers
/// <c>GetService(typeof(SecretRedactor))</c> has its redactor applied to the messages about it (the clients
/// MemAlign.OpenAI creates carry one with the key they were given).
/// </summary>
public sealed class SecretRedactor
{
    private const string Mask = "***";
    private const int MinimumLength = 8;
    private readonly string[] _secrets;

    private SecretRedactor(IEnumerable<string> secrets)
    {
        // Longest first, so a secret that contains another is masked whole.
        _secrets = secrets.Distinct(StringComparer.Ordinal).OrderByDescending(s => s.Length).ToArray();
    }

    /// <summary>Masks nothing (the default).</summary>
    public static SecretRedactor None { get; } = new([]);

    /// <summary>A redactor that masks <paramref name="secrets"/>. Values shorter than 8 characters and blanks are ignored: they would mask ordinary words.</summary>
    /// <param name="secrets">The secrets, such as API keys; <see langword="null"/> entries are ignored.</param>
    public static SecretRedactor For(params IEnumerable<string?> secrets)
    {
        ArgumentNullException.ThrowIfNull(secrets);
        var kept = secrets.OfType<string>().Select(s => s.Trim()).Where(s => s.Length >= MinimumLength).ToList();
        return kept.Count == 0 ? None : new SecretRedactor(kept);
    }

    /// <summary><paramref name="text"/> with every secret masked as <c>***</c>.</summary>
    public string Redact(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        foreach (var secret in _secrets)
        {
            text = text.Replace(secret, Mask, StringComparison.Ordinal);
        }

        return text;
    }

    /// <summary>A redactor that masks this one's secrets and <paramref name="other"/>'s.</summary>
    public SecretRedactor With(SecretRedactor? other) =>
        other is null || other._secrets.Length == 0 || ReferenceEquals(other, this) ? this
        : _secrets.Length == 0 ? other
        : new SecretRedactor(_secrets.Concat(other._secrets));

    /// <summary>The redactor a client carries (see the class remarks), or <see langword="null"/>.</summary>
    internal static SecretRedactor? Of(object? client) => client switch
    {
        IChatClient chat => chat.GetService<SecretRedactor>(),
        IEmbeddingGenerator embedder => embedder.GetService<SecretRedactor>(),
        _ => null,
    };

    /// <summary>How many secrets it masks, never which.</summary>
    public override string ToString() => $"SecretRedactor ({_secrets.Length} secret(s))";
}
