namespace MemAlign.Labeling;

/// <summary>
/// The names of the server's cookies. Browsers share cookies across ports of one host, so the names carry the
/// port: two servers on one machine (two sessions, or a restart on a new port) never read each other's.
/// </summary>
internal sealed class ServerCookies
{
    public int Port { get; set; }

    /// <summary>Whether the cookies are sent over HTTPS only (the server is reached through an HTTPS proxy).</summary>
    public bool Secure { get; init; }

    public string Token => $"memalign-token-{Port}";

    public string Antiforgery => $"memalign-antiforgery-{Port}";
}
