using System.Net;
using System.Net.Sockets;
using Prometheus;

namespace Interception.Metrics.Prometheus;

/// <summary>
/// Runs prometheus-net's <see cref="MetricServer"/> for one registry, turning a failure to listen into an
/// exception that names the host and port.
/// </summary>
internal sealed class MetricServerHost : IDisposable
{
    // EADDRINUSE on Linux and macOS; on Windows, http.sys reports a taken prefix or port with these codes.
    private const int LinuxAddressInUse = 98;
    private const int MacAddressInUse = 48;
    private const int WindowsAlreadyExists = 183;
    private const int WindowsSharingViolation = 32;

    private readonly MetricServer _server;
    private int _disposed;

    private MetricServerHost(MetricServer server, string address)
    {
        _server = server;
        Address = address;
    }

    /// <summary>The URL served, such as <c>http://127.0.0.1:9464/metrics</c>.</summary>
    public string Address { get; }

    /// <summary>Starts listening.</summary>
    /// <exception cref="InvalidOperationException">The port is in use, or the host cannot be listened on.</exception>
    public static MetricServerHost Start(CollectorRegistry registry, PrometheusServerOptions options)
    {
        // HttpListener spells "every interface" as + (or *); 0.0.0.0 is rejected as "not supported".
        var host = options.Host is "0.0.0.0" or "*" ? "+" : options.Host;
        var path = options.Path.TrimStart('/');
        if (path.Length > 0 && !path.EndsWith('/'))
        {
            path += "/";
        }

        var server = new MetricServer(host, options.Port, path, registry);
        var endpoint = $"{options.Host}:{options.Port}";
        try
        {
            server.Start();
        }
        catch (HttpListenerException exception)
        {
            ((IDisposable)server).Dispose();
            throw new InvalidOperationException(
                IsAddressInUse(exception)
                    ? $"The Prometheus metrics server cannot start: {endpoint} is already in use. Choose a free port (Metrics:Backends:Prometheus:Server:Port) or stop the process that listens on it. ({exception.Message})"
                    : $"The Prometheus metrics server cannot listen on {endpoint}: {exception.Message}. Check Metrics:Backends:Prometheus:Server:Host and Port.",
                exception);
        }

        return new MetricServerHost(server, $"http://{options.Host}:{options.Port}{options.Path}");
    }

    /// <summary>Stops listening and waits for the server thread to end.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            _server.Stop();
        }
    }

    private static bool IsAddressInUse(HttpListenerException exception) =>
        exception.ErrorCode is LinuxAddressInUse or MacAddressInUse or (int)SocketError.AddressAlreadyInUse
            or WindowsAlreadyExists or WindowsSharingViolation
        // The managed listener reports a prefix that another HttpListener of this process holds this way (code 400).
        || exception.Message.Contains("conflicts with an existing registration", StringComparison.OrdinalIgnoreCase)
        || exception.Message.Contains("already in use", StringComparison.OrdinalIgnoreCase);
}
