using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Autofac;
using Interception.Metrics.Autofac.Tests.TestSupport;
using Interception.Metrics.Reliability.Tests.TestSupport;

namespace Interception.Metrics.Reliability.Tests.Faults;

/// <summary>
/// A container that cannot start fails at build with an error naming what is wrong, and leaves nothing running:
/// no metrics server holds its port, so the application can fix the cause and build again in the same process.
/// </summary>
public sealed class StartupFailureTests
{
    [Fact]
    public void Build_MetricsPortAlreadyTaken_FailsNamingHostAndPortAndLeavesNothingListening()
    {
        var holder = new TcpListener(IPAddress.Loopback, 0);
        holder.Start();
        var port = ((IPEndPoint)holder.LocalEndpoint).Port;
        (string, string?)[] settings = [.. ServerSettings(port), ("Metrics:Backends:StatsD:Enabled", "true"), ("Metrics:Backends:StatsD:Port", "9")];

        Exception thrown;
        try
        {
            thrown = Assert.ThrowsAny<Exception>(() => MetricsContainer.Build(_ => { }, settings).Dispose());
        }
        finally
        {
            holder.Stop();
        }

        var messages = Messages(thrown);
        Assert.Contains($"127.0.0.1:{port} is already in use", messages, StringComparison.Ordinal);
        Assert.Contains("Metrics:Backends:Prometheus:Server:Port", messages, StringComparison.Ordinal);

        // Nothing of the failed container holds the port: once the other owner is gone, nothing listens on it and
        // it can be bound again.
        Assert.False(Ports.IsListening(port), $"something still listens on {port}");
        Assert.True(Ports.CanBind(port), $"{port} is still held");
    }

    [Fact]
    public void Build_BackendAfterServerFailsToConfigure_ServerAlreadyStartedIsStopped()
    {
        var port = FreePort.Next();

        var error = ConfigurationFailure.Of(
            [.. ServerSettings(port), ("Metrics:Backends:StatsD:Enabled", "true"), ("Metrics:Backends:Meter:Enabled", "true"), ("Metrics:Backends:Meter:MeterName", " ")]);

        Assert.Equal("Metrics:Backends:Meter:MeterName", error.Key);
        Assert.False(Ports.IsListening(port), $"the Prometheus server created before the failure still listens on {port}");
        Assert.True(Ports.CanBind(port));
    }

    [Fact]
    public void Build_ApplicationBackendThrowsOnCreation_ServerAlreadyStartedIsStopped()
    {
        var port = FreePort.Next();
        var builder = new ContainerBuilder();
        builder.RegisterModule(new MetricsModule(MetricsContainer.Configuration(ServerSettings(port))));
        builder.Register<IMetricsBackend>(_ => throw new InvalidOperationException("the application's backend cannot start"));

        var thrown = Assert.ThrowsAny<Exception>(() => builder.Build().Dispose());

        Assert.Contains("the application's backend cannot start", Messages(thrown), StringComparison.Ordinal);
        Assert.False(Ports.IsListening(port), $"the Prometheus server created before the failure still listens on {port}");
        Assert.True(Ports.CanBind(port));
    }

    private static (string Key, string? Value)[] ServerSettings(int port) =>
    [
        ("Metrics:Backends:Prometheus:Server:Enabled", "true"),
        ("Metrics:Backends:Prometheus:Server:Port", port.ToString(CultureInfo.InvariantCulture)),
    ];

    private static string Messages(Exception exception)
    {
        var messages = new List<string>();
        for (Exception? e = exception; e is not null; e = e.InnerException)
        {
            messages.Add(e.Message);
        }

        return string.Join(Environment.NewLine, messages);
    }
}
