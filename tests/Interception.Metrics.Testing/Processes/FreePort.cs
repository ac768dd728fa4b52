using System.Net;
using System.Net.Sockets;

namespace Interception.Metrics.Testing;

/// <summary>Finds loopback ports that nothing listens on (the OS picks them, so parallel tests do not collide).</summary>
public static class FreePort
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
