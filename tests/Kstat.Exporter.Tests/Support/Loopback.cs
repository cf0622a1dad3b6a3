using System.Net;
using System.Net.Sockets;

namespace Kstat.Exporter.Tests.Support;

/// <summary>Loopback ports for the endpoints under test.</summary>
internal static class Loopback
{
    /// <summary>A port nothing listens on now: the kernel's choice for a socket bound to port 0, released at once.</summary>
    public static int FreePort()
    {
        using var socket = new TcpListener(IPAddress.Loopback, 0);
        socket.Start();
        return ((IPEndPoint)socket.LocalEndpoint).Port;
    }
}
