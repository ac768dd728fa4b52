using System.Globalization;
using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;
using Autofac;
using Interception.Metrics.Autofac.Tests.TestSupport;
using Interception.Metrics.Reliability.Tests.TestSupport;
using Xunit.Abstractions;

namespace Interception.Metrics.Reliability.Tests.Security;

/// <summary>
/// The <c>/metrics</c> endpoint listens on loopback unless configured otherwise: this machine's other addresses
/// do not reach it. Only loopback and this machine's own addresses are ever contacted.
/// </summary>
public sealed class LoopbackBindingTests(ITestOutputHelper output)
{
    [Fact]
    public void Server_DefaultHost_ListensOnLoopbackOnly()
    {
        var port = FreePort.Next();
        using var container = MetricsContainer.Build(_ => { }, ServerSettings(port));
        var backend = container.Resolve<MultiMetricsBackend>().Backends.OfType<PrometheusMetricsBackend>().Single();

        Assert.Equal($"http://127.0.0.1:{port}/metrics", backend.ServerAddress);
        Assert.True(Ports.IsListening(port));
        var own = OwnAddresses();
        output.WriteLine(own.Length == 0
            ? "This machine has no non-loopback IPv4 address: only the configured address is checked."
            : $"Not reachable through this machine's own addresses: {string.Join(", ", own.Select(a => a.ToString()))}.");
        Assert.All(own, address => Assert.False(Ports.IsListening(address, port), $"the metrics server is reachable on {address}:{port}"));
    }

    [Fact]
    public void Server_EveryInterfaceConfiguredDeliberately_IsReachableOnThisMachinesOwnAddresses()
    {
        // The control for the test above: the same check sees a server that does listen on every interface.
        var own = OwnAddresses();
        if (own.Length == 0)
        {
            output.WriteLine("This machine has no non-loopback IPv4 address: nothing to check.");
            return;
        }

        var port = FreePort.Next();
        using var container = MetricsContainer.Build(_ => { }, [.. ServerSettings(port), ("Metrics:Backends:Prometheus:Server:Host", "*")]);

        Assert.All(own, address => Assert.True(Ports.IsListening(address, port), $"not reachable on {address}:{port}"));
    }

    private static (string Key, string? Value)[] ServerSettings(int port) =>
    [
        ("Metrics:Backends:Prometheus:Server:Enabled", "true"),
        ("Metrics:Backends:Prometheus:Server:Port", port.ToString(CultureInfo.InvariantCulture)),
    ];

    /// <summary>This machine's own IPv4 addresses other than loopback, on interfaces that are up.</summary>
    private static IPAddress[] OwnAddresses() =>
        [.. NetworkInterface.GetAllNetworkInterfaces()
            .Where(i => i.OperationalStatus == OperationalStatus.Up && i.NetworkInterfaceType != NetworkInterfaceType.Loopback)
            .SelectMany(i => i.GetIPProperties().UnicastAddresses)
            .Select(a => a.Address)
            .Where(a => a.AddressFamily == AddressFamily.InterNetwork && !IPAddress.IsLoopback(a))];
}
