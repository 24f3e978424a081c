namespace MemAlign.Labeling;

/// <summary>What <see cref="LabelingServer.StartAsync"/> serves, where, and to whom: the app on a server of its own, with a link per reviewer.</summary>
public sealed record LabelingServerOptions : LabelingAppOptions
{
    /// <summary>The address to listen on: an IP address or <c>localhost</c> (default 127.0.0.1, reachable from this machine only).</summary>
    public string Host { get; init; } = "127.0.0.1";

    /// <summary>The port; 0 (the default) takes any free one.</summary>
    public int Port { get; init; }

    /// <summary>
    /// The address reviewers reach the server at, when it is not the one it listens on (a name on the network, or an
    /// HTTPS proxy in front of it): the links carry it, and requests naming its host are answered. An absolute http or
    /// https URL with no path; the app is served at its root. <see langword="null"/> (the default): the listening address.
    /// </summary>
    public Uri? PublicUrl { get; init; }

    /// <summary>
    /// Whether the cookies (the reviewer's token, the antiforgery cookie) are sent over HTTPS only, for a server behind
    /// an HTTPS proxy. Always so when <see cref="PublicUrl"/> is https; requests are then taken to have come over HTTPS.
    /// </summary>
    public bool SecureCookies { get; init; }

    /// <summary>
    /// The reviewer whose labels the link carries when the session names no reviewers (anyone with the link may label);
    /// required then, and ignored otherwise. The library never guesses it (the memalign tool passes the user name).
    /// </summary>
    public string? Reviewer { get; init; }

    /// <summary>
    /// Access tokens by reviewer, for reviewers who should keep a token across restarts (16 to 256 URL-safe characters:
    /// letters, digits, '-' and '_'). Every reviewer not given one gets a fresh random one (128 bits from a CSPRNG).
    /// </summary>
    public IReadOnlyDictionary<string, string> Tokens { get; init; } = new Dictionary<string, string>();
}
