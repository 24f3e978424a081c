using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace MemAlign.Labeling;

/// <summary>
/// The secrets in the reviewers' links: the token decides the reviewer, so labels are attributed to the person the
/// link was given to. Compared in constant time; never logged.
/// </summary>
internal sealed class ReviewerTokens
{
    private readonly (string Reviewer, byte[] Token)[] _tokens;
    private readonly byte[] _operator;

    private ReviewerTokens((string Reviewer, byte[] Token)[] tokens, byte[] operatorToken)
    {
        _tokens = tokens;
        _operator = operatorToken;
    }

    /// <summary>The operator's token: it shows each reviewer's progress and their agreement, and labels nothing.</summary>
    public string Operator => Encoding.ASCII.GetString(_operator);

    /// <summary>Whether <paramref name="token"/> is the operator's (compared in constant time).</summary>
    public bool IsOperator(string? token) =>
        !string.IsNullOrEmpty(token) && token.Length <= MaxLength && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(token), _operator);

    /// <summary>The token of each reviewer, in the order given.</summary>
    public IReadOnlyList<(string Reviewer, string Token)> All => _tokens.Select(t => (t.Reviewer, Encoding.ASCII.GetString(t.Token))).ToList();

    /// <summary>A token per reviewer: the one given, else 128 random bits from the operating system's CSPRNG, URL-safe.</summary>
    /// <exception cref="ArgumentException">A given token is too short, too long or not URL-safe, given for someone who is not a reviewer, or given twice.</exception>
    public static ReviewerTokens Create(IReadOnlyList<string> reviewers, IReadOnlyDictionary<string, string> given)
    {
        foreach (var reviewer in given.Keys.Where(r => !reviewers.Contains(r, StringComparer.Ordinal)))
        {
            throw new ArgumentException($"A token was given for '{reviewer}', who is not a reviewer of this session ({string.Join(", ", reviewers)}).", nameof(given));
        }

        var tokens = reviewers.Select(r => (r, given.TryGetValue(r, out var token) ? Check(token) : Generate())).ToList();
        if (tokens.Select(t => t.Item2).Distinct(StringComparer.Ordinal).Count() != tokens.Count)
        {
            throw new ArgumentException("Two reviewers were given the same token; each needs their own, as the token decides whose labels they are.", nameof(given));
        }

        // The operator's token is always fresh: it is not a reviewer's, and no reviewer's token can be it.
        string operatorToken;
        do
        {
            operatorToken = Generate();
        }
        while (tokens.Any(t => t.Item2 == operatorToken));

        return new([.. tokens.Select(t => (t.r, Encoding.ASCII.GetBytes(t.Item2)))], Encoding.ASCII.GetBytes(operatorToken));
    }

    /// <summary>The reviewer holding <paramref name="token"/>, or <see langword="null"/>; every token is compared, in constant time.</summary>
    public string? ReviewerOf(string? token)
    {
        if (string.IsNullOrEmpty(token) || token.Length > MaxLength)
        {
            return null;
        }

        var presented = Encoding.UTF8.GetBytes(token);
        string? found = null;
        foreach (var (reviewer, expected) in _tokens)
        {
            if (CryptographicOperations.FixedTimeEquals(presented, expected))
            {
                found = reviewer;
            }
        }

        return found;
    }

    /// <summary>A new token: 16 bytes from the CSPRNG, base64url (22 characters).</summary>
    public static string Generate() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(16));

    private const int MinLength = 16;
    private const int MaxLength = 256;

    private static string Check(string token)
    {
        if (token is null || token.Length is < MinLength or > MaxLength || !token.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
        {
            throw new ArgumentException($"An access token must be {MinLength} to {MaxLength} URL-safe characters (letters, digits, '-', '_'); leave it out to get a random one.", nameof(token));
        }

        return token;
    }
}
