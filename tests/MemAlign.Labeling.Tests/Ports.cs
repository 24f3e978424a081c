using System.Net;
using System.Net.Sockets;

namespace MemAlign.Labeling.Tests;

internal static class Ports
{
    /// <summary>A loopback port free now (the operating system's pick), for a server the test must know the port of.</summary>
    public static int Free()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}
