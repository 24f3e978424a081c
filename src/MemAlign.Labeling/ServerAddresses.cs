using System.Net;
using System.Net.NetworkInformation;

namespace MemAlign.Labeling;

/// <summary>
/// Where the server listens, the address its links carry, the host names it answers to (a request naming any other is
/// refused: a web page cannot reach it through a DNS name it rebinds to this machine), and what to warn about when it
/// is reachable beyond this machine.
/// </summary>
internal sealed class ServerAddresses
{
    private readonly string _host;
    private readonly Uri? _publicUrl;

    private ServerAddresses(IPAddress listen, string host, Uri? publicUrl, bool secure)
    {
        Listen = listen;
        _host = host;
        _publicUrl = publicUrl;
        Secure = secure;
    }

    /// <summary>The address to listen on.</summary>
    public IPAddress Listen { get; }

    /// <summary>Whether the cookies are for HTTPS only, and requests are taken to come over HTTPS (through a proxy).</summary>
    public bool Secure { get; }

    /// <exception cref="ArgumentException">The host is not an IP address or localhost, or the public URL is not an absolute http(s) URL without a path.</exception>
    public static ServerAddresses Of(LabelingServerOptions options)
    {
        // Only addresses: a host name would make Kestrel listen wherever it resolves. "localhost" is the loopback address.
        var listen = options.Host == "localhost" ? IPAddress.Loopback
            : IPAddress.TryParse(options.Host, out var address) ? address
            : throw new ArgumentException($"Host '{options.Host}' is not an IP address or localhost.", nameof(options));
        if (options.PublicUrl is { } url
            && (!url.IsAbsoluteUri || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps) || url.AbsolutePath != "/" || url.Query.Length > 0 || url.Fragment.Length > 0))
        {
            throw new ArgumentException($"The public URL '{url}' must be an absolute http or https URL with no path, such as https://labels.example.org/; the app is served at its root.", nameof(options));
        }

        var host = options.Host == "localhost" ? "localhost"
            : EveryAddress(listen) ? Dns.GetHostName()
            : new UriBuilder(Uri.UriSchemeHttp, listen.ToString()).Host;
        return new(listen, host, options.PublicUrl, options.SecureCookies || options.PublicUrl?.Scheme == Uri.UriSchemeHttps);
    }

    /// <summary>The server's own address: never 0.0.0.0, which no browser can open (listening on every address, the machine's name).</summary>
    public Uri Address(int port) => new UriBuilder(Uri.UriSchemeHttp, _host, port).Uri;

    /// <summary>The address the links carry: the public URL, or the server's own.</summary>
    public Uri LinkBase(int port) => _publicUrl ?? Address(port);

    /// <summary>The host names (without port) requests may name.</summary>
    public IReadOnlyList<string> AllowedHosts()
    {
        var hosts = new List<string> { "localhost", "127.0.0.1", "[::1]", _host };
        if (_publicUrl is not null)
        {
            hosts.Add(_publicUrl.Host);
        }

        if (EveryAddress(Listen))
        {
            // Reached from the network by any of the machine's addresses: a literal address cannot be rebound.
            hosts.AddRange(NetworkInterface.GetAllNetworkInterfaces().SelectMany(n => n.GetIPProperties().UnicastAddresses)
                .Select(a => new UriBuilder(Uri.UriSchemeHttp, a.Address.ToString()).Host));
        }
        else
        {
            hosts.Add(new UriBuilder(Uri.UriSchemeHttp, Listen.ToString()).Host);
        }

        return [.. hosts.Distinct(StringComparer.OrdinalIgnoreCase)];
    }

    /// <summary>What the operator should know before sending links: the server is reachable beyond this machine, over plain HTTP.</summary>
    public IReadOnlyList<string> Warnings(int port)
    {
        if (IPAddress.IsLoopback(Listen))
        {
            return [];
        }

        var where = EveryAddress(Listen) ? $"every address of this machine ({Listen})" : Listen.ToString();
        List<string> warnings =
        [
            $"The labeling app listens on {where}, port {port}, beyond this machine, over plain HTTP: anyone who can reach it and sees a link can label " +
            "as that link's reviewer, and the tokens cross the network unencrypted. Serve it behind an HTTPS proxy (a public https URL) or listen on 127.0.0.1.",
        ];
        if (_publicUrl is null && EveryAddress(Listen))
        {
            warnings.Add($"The links name this machine '{_host}'; if reviewers reach it by another name or address, give that as the public URL.");
        }

        return warnings;
    }

    private static bool EveryAddress(IPAddress address) => address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any);
}
