using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;

namespace Interception.Metrics.StatsD.Transport;

/// <summary>
/// A connected UDP socket to the agent, used by the sender's loop only. Never throws: a failed send returns
/// false. The socket is connected so that the kernel reports "connection refused" while the agent is down,
/// which lets the loss be counted; it keeps working when the agent comes back.
/// </summary>
internal sealed class UdpTransport(string host, int port, ILogger logger) : IDisposable
{
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan LogInterval = TimeSpan.FromMinutes(1);

    private static readonly Action<ILogger, string, int, long, Exception?> LogUnreachable = LoggerMessage.Define<string, int, long>(
        LogLevel.Warning,
        new EventId(1, "StatsDAgentUnreachable"),
        "StatsD agent {Host}:{Port} is unreachable; metrics are dropped and counted until it answers again ({Failures} failed sends since the last message).");

    private Socket? _socket;
    private long _retryAt;
    private long _loggedAt = long.MinValue;
    private long _failuresSinceLog;
    private bool _disposed;

    /// <summary>Sends one datagram; false when it could not be handed to the network.</summary>
    public bool TrySend(ReadOnlySpan<byte> datagram)
    {
        var socket = _socket ?? Connect();
        if (socket is null)
        {
            return false;
        }

        try
        {
            // The non-throwing overload: an agent that is down refuses every datagram, and an exception per
            // refusal would cost the sender far more than the send itself.
            socket.Send(datagram, SocketFlags.None, out var error);
            if (error == SocketError.Success)
            {
                return true;
            }

            Report(null, error);
            if (error != SocketError.ConnectionRefused)
            {
                // Anything but "nobody listens" may mean a stale address or a broken socket: start afresh.
                Reset();
            }

            return false;
        }
        catch (ObjectDisposedException)
        {
            return false;
        }
    }

    public void Dispose()
    {
        _disposed = true;
        Reset();
    }

    private Socket? Connect()
    {
        if (_disposed || Environment.TickCount64 < _retryAt)
        {
            return null;
        }

        Socket? socket = null;
        try
        {
            var address = IPAddress.TryParse(host, out var literal)
                ? literal
                : Dns.GetHostAddresses(host).OrderBy(a => a.AddressFamily == AddressFamily.InterNetwork ? 0 : 1).First();
            socket = new Socket(address.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
            socket.Connect(new IPEndPoint(address, port));
            _socket = socket;
            return socket;
        }
        catch (Exception exception) when (exception is SocketException or InvalidOperationException or ArgumentException)
        {
            socket?.Dispose();
            _retryAt = Environment.TickCount64 + (long)RetryDelay.TotalMilliseconds;
            Report(exception, SocketError.SocketError);
            return null;
        }
    }

    private void Reset()
    {
        _socket?.Dispose();
        _socket = null;
    }

    /// <summary>Counts a failure and logs at most once per interval; the exception is built only to be logged.</summary>
    private void Report(Exception? exception, SocketError error)
    {
        _failuresSinceLog++;
        var now = Environment.TickCount64;
        if (_loggedAt != long.MinValue && now - _loggedAt < (long)LogInterval.TotalMilliseconds)
        {
            return;
        }

        _loggedAt = now;
        LogUnreachable(logger, host, port, _failuresSinceLog, exception ?? new SocketException((int)error));
        _failuresSinceLog = 0;
    }
}
