using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.Server.Kestrel.Transport.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Interception.Metrics.Prometheus;

/// <summary>
/// Runs the standalone <c>/metrics</c> server on Kestrel, on its own (no generic host, so it never takes part in the
/// application's lifetime or Ctrl+C handling), and turns a failure to listen into an exception naming what to change.
/// Whatever happens while starting or stopping, the server and its services are disposed.
/// </summary>
internal sealed class MetricServerHost : IDisposable, IAsyncDisposable
{
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(5);

    private readonly IServer _server;
    private readonly IDisposable _services;
    private readonly ILogger _logger;
    private int _disposed;

    private MetricServerHost(IServer server, IDisposable services, ILogger logger, string address)
    {
        _server = server;
        _services = services;
        _logger = logger;
        Address = address;
    }

    /// <summary>The URL served, such as <c>http://127.0.0.1:9464/metrics</c>.</summary>
    public string Address { get; }

    /// <summary>The addresses Kestrel listens on, such as <c>http://127.0.0.1:9464</c>.</summary>
    public IReadOnlyCollection<string> ListenAddresses =>
        _server.Features.Get<IServerAddressesFeature>()?.Addresses.ToArray() ?? [];

    /// <summary>Starts listening.</summary>
    /// <exception cref="InvalidOperationException">The port is in use, or listening failed for a reason that is not the configuration's.</exception>
    /// <exception cref="ArgumentException">The host or port cannot be listened on here; <see cref="ArgumentException.ParamName"/> is the option at fault.</exception>
    public static MetricServerHost Start(IMetricsExposition exposition, PrometheusServerOptions options, ILogger logger)
    {
        var endpoint = ListenAddress.Authority(options.Host, options.Port);
        var services = new ServiceCollection().BuildServiceProvider();
        var kestrel = new KestrelServerOptions { AddServerHeader = false, ApplicationServices = services };
        var loopbackOnly = Listen(kestrel, options.Host, options.Port);
        var server = new KestrelServer(
            Options.Create(kestrel),
            new SocketTransportFactory(Options.Create(new SocketTransportOptions()), NullLoggerFactory.Instance),
            NullLoggerFactory.Instance);
        var application = new MetricsServerApplication(new MetricsRequestHandler(exposition, options, loopbackOnly, logger), logger);
        return Start(server, services, application, logger, endpoint, $"http://{endpoint}{options.Path}");
    }

    /// <summary>Starts <paramref name="server"/>; when that fails, disposes it and <paramref name="services"/> before the error propagates.</summary>
    public static MetricServerHost Start(
        IServer server, IDisposable services, IHttpApplication<HttpContext> application, ILogger logger, string endpoint, string address)
    {
        try
        {
            // Off any synchronization context: the backend is created while a container is built, which may block.
            Task.Run(() => server.StartAsync(application, CancellationToken.None)).GetAwaiter().GetResult();
        }
        catch (Exception exception)
        {
            server.Dispose();
            services.Dispose();
            if (exception is IOException or SocketException or InvalidOperationException)
            {
                throw ListenFailure(exception, endpoint);
            }

            throw;
        }

        return new MetricServerHost(server, services, logger, address);
    }

    /// <summary>
    /// Stops listening, waiting up to five seconds for requests in flight, and blocks the calling thread meanwhile. A
    /// failure to stop is logged, not thrown: the server and its services are disposed in any case.
    /// </summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            // Off any synchronization context, as in Start.
            Task.Run(StopAndDisposeAsync).GetAwaiter().GetResult();
        }
    }

    /// <summary>As <see cref="Dispose"/>, without blocking a thread.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            await StopAndDisposeAsync().ConfigureAwait(false);
        }
    }

    private async Task StopAndDisposeAsync()
    {
        try
        {
            using var timeout = new CancellationTokenSource(StopTimeout);
            await _server.StopAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            try
            {
                _logger.LogWarning(exception, "Stopping the Prometheus metrics server at {Address} failed; it is disposed anyway.", Address);
            }
            catch (Exception)
            {
                // Disposal goes on whatever the logger does.
            }
        }
        finally
        {
            _server.Dispose();
            _services.Dispose();
        }
    }

    /// <summary>Adds the listen endpoints for <paramref name="host"/>; returns whether they are all loopback.</summary>
    private static bool Listen(KestrelServerOptions kestrel, string host, int port)
    {
        if (host is "*" or "+")
        {
            kestrel.ListenAnyIP(port);
            return false;
        }

        if (ListenAddress.IsLocalhost(host))
        {
            // 127.0.0.1 and [::1]; Kestrel carries on with one of them when the machine has no IPv6.
            kestrel.ListenLocalhost(port);
            return true;
        }

        IPAddress[] addresses;
        if (ListenAddress.IsAnyAddress(host))
        {
            addresses = [host == "0.0.0.0" ? IPAddress.Any : IPAddress.IPv6Any];
        }
        else if (ListenAddress.TryParseAddress(host, out var literal))
        {
            addresses = [literal];
        }
        else
        {
            addresses = Resolve(host);
        }

        foreach (var address in addresses)
        {
            kestrel.Listen(address, port);
        }

        return addresses.All(IPAddress.IsLoopback);
    }

    private static IPAddress[] Resolve(string host)
    {
        try
        {
            var addresses = Dns.GetHostAddresses(host).Distinct().ToArray();
            return addresses.Length > 0
                ? addresses
                : throw HostError($"cannot listen on '{host}': the host name has no address; use 127.0.0.1, localhost, an address of this machine, or * for every interface.", null);
        }
        catch (SocketException exception)
        {
            throw HostError($"cannot listen on '{host}': the host name does not resolve ({exception.Message.TrimEnd('.')}); use 127.0.0.1, localhost, an address of this machine, or * for every interface.", exception);
        }
    }

    private static Exception ListenFailure(Exception exception, string endpoint)
    {
        var socketError = Causes(exception).OfType<SocketException>().Select(e => (SocketError?)e.SocketErrorCode).FirstOrDefault();
        if (socketError == SocketError.AddressAlreadyInUse || Causes(exception).Any(e => e is AddressInUseException))
        {
            return new InvalidOperationException(
                $"The Prometheus metrics server cannot start: {endpoint} is already in use. Choose a free port (Metrics:Backends:Prometheus:Server:Port) or stop the process that listens on it.",
                exception);
        }

        var reason = Causes(exception).Last().Message.TrimEnd('.');
        return socketError switch
        {
            SocketError.AddressNotAvailable or SocketError.AddressFamilyNotSupported =>
                HostError($"cannot listen on {endpoint}: the address is not one of this machine's ({reason}); use 127.0.0.1, localhost, an address of this machine, or * for every interface.", exception),
            SocketError.AccessDenied =>
                new ServerOptionException(nameof(PrometheusServerOptions.Port), $"cannot listen on {endpoint}: permission denied ({reason}); ports below 1024 need elevated rights, so choose a port from 1024 to 65535.", exception),
            _ => new InvalidOperationException(
                $"The Prometheus metrics server cannot listen on {endpoint}: {reason}. Check Metrics:Backends:Prometheus:Server:Host and Metrics:Backends:Prometheus:Server:Port.",
                exception),
        };
    }

    private static ServerOptionException HostError(string reason, Exception? inner) =>
        new(nameof(PrometheusServerOptions.Host), reason, inner);

    private static IEnumerable<Exception> Causes(Exception exception)
    {
        for (Exception? current = exception; current is not null; current = current.InnerException)
        {
            yield return current;
        }
    }
}
