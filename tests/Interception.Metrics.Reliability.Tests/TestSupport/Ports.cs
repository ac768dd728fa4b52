using System.Net;
using System.Net.Sockets;

namespace Interception.Metrics.Reliability.Tests.TestSupport;

/// <summary>Checks on loopback TCP ports.</summary>
internal static class Ports
{
    /// <summary>Whether something accepts TCP connections on 127.0.0.1:<paramref name="port"/>.</summary>
    public static bool IsListening(int port) => IsListening(IPAddress.Loopback, port);

    /// <summary>Whether something accepts TCP connections on <paramref name="address"/>:<paramref name="port"/> (a 2-second connect).</summary>
    public static bool IsListening(IPAddress address, int port)
    {
        using var client = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            client.ConnectAsync(new IPEndPoint(address, port), timeout.Token).AsTask().GetAwaiter().GetResult();
            return true;
        }
        catch (Exception exception) when (exception is SocketException or OperationCanceledException)
        {
            return false;
        }
    }

    /// <summary>Whether this process can listen on 127.0.0.1:<paramref name="port"/> now, that is nobody holds it.</summary>
    public static bool CanBind(int port)
    {
        var listener = new TcpListener(IPAddress.Loopback, port);
        try
        {
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
        finally
        {
            listener.Stop();
        }
    }
}
