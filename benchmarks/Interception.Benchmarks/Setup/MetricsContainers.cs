using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Autofac;
using Interception.Metrics;
using Microsoft.Extensions.Configuration;

namespace Interception.Benchmarks.Setup;

/// <summary>Builds real Autofac containers with <see cref="MetricsModule"/>, configured from in-memory configuration.</summary>
public static class MetricsContainers
{
    /// <summary>Builds a container for <paramref name="setup"/> with the registrations of <paramref name="register"/>.</summary>
    /// <param name="setup">Which backends are on.</param>
    /// <param name="register">The components.</param>
    /// <param name="settings">More <c>Metrics:…</c> settings, such as <c>("Metrics:Tracing:Enabled", "false")</c>.</param>
    public static IContainer Build(MetricsSetup setup, Action<ContainerBuilder> register, params (string Key, string Value)[] settings)
    {
        ArgumentNullException.ThrowIfNull(register);
        var prometheus = setup is MetricsSetup.Prometheus or MetricsSetup.FanOut;
        var meter = setup is MetricsSetup.Meter or MetricsSetup.FanOut;
        var statsD = setup is MetricsSetup.StatsD or MetricsSetup.FanOut;
        var values = new Dictionary<string, string?>
        {
            ["Metrics:Enabled"] = Text(setup != MetricsSetup.Disabled),
            ["Metrics:Backends:Prometheus:Enabled"] = Text(prometheus),
            ["Metrics:Backends:InMemory:Enabled"] = Text(setup == MetricsSetup.InMemory),
            ["Metrics:Backends:Meter:Enabled"] = Text(meter),
            ["Metrics:Backends:StatsD:Enabled"] = Text(statsD),

            // The suite's Castle contenders stay on Castle; GeneratedDecoratorBenchmarks asks for Auto where it wants the generated path.
            ["Metrics:Proxy"] = "DynamicProxy",
        };
        if (statsD)
        {
            values["Metrics:Backends:StatsD:Host"] = "127.0.0.1";
            values["Metrics:Backends:StatsD:Port"] = UnusedUdpPort().ToString(CultureInfo.InvariantCulture);
        }

        foreach (var (key, value) in settings)
        {
            values[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var builder = new ContainerBuilder();
        builder.RegisterModule(new MetricsModule(configuration));
        if (setup == MetricsSetup.Null)
        {
            builder.RegisterInstance(new NullMetricsBackend()).As<IMetricsBackend>();
        }

        register(builder);
        return builder.Build();
    }

    private static string Text(bool value) => value ? "true" : "false";

    /// <summary>A loopback UDP port that was free a moment ago: nobody listens on it.</summary>
    private static int UnusedUdpPort()
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)socket.LocalEndPoint!).Port;
    }
}
