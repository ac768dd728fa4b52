using System.Globalization;
using Autofac;
using Interception.Metrics.Autofac.Tests.TestSupport;
using Interception.Metrics.Reliability.Tests.TestSupport;
using Interception.Metrics.StatsD.Tests.Support;
using Xunit.Abstractions;

namespace Interception.Metrics.Reliability.Tests.Faults;

/// <summary>
/// What the StatsD backend drops reaches the Prometheus exposition of the same application as the counter
/// <c>metrics_backend_dropped_total{backend="statsd"}</c>, exactly, and that counter is there at zero from startup.
/// </summary>
public sealed class StatsDDropsTests(ITestOutputHelper output)
{
    private const string Dropped = "metrics_backend_dropped_total";
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    [PeerFact]
    public async Task AgentUnreachable_AfterAFlush_PrometheusCounterEqualsDroppedCount()
    {
        await using var container = StatsDAndPrometheus(UdpListener.FreePort());
        var statsd = container.Resolve<MultiMetricsBackend>().Backends.OfType<StatsDMetricsBackend>().Single();
        var orders = container.Resolve<MetricsFactory>().CreateCounter("shop_orders_total", "Orders.", "region");

        // Several rounds, so that the sender sends several datagrams: nobody listens, so the kernel refuses them.
        for (var round = 0; round < 20; round++)
        {
            for (var i = 0; i < 50; i++)
            {
                orders.WithLabels("eu").Inc();
            }

            await Task.Delay(10);
        }

        await statsd.DisposeAsync(); // sends (and here drops) what is still queued, then stops the sender
        var text = container.Resolve<MetricsCollectorService>().GetMetricsOutput();
        var exposition = PrometheusExposition.Parse(text);

        output.WriteLine($"sent {statsd.SentCount}, dropped {statsd.DroppedCount}");
        Assert.True(statsd.DroppedCount > 0, "datagrams refused by the kernel are counted as drops");
        Assert.Equal(statsd.DroppedCount, exposition.Value(Dropped, ("backend", "statsd")));
        Assert.Equal(statsd.DroppedCount, container.Memory().GetCounter(Dropped, ("backend", "statsd")));
        Assert.Contains($"# TYPE {Dropped} counter", text, StringComparison.Ordinal);
        Assert.Equal(1000, exposition.Value("shop_orders_total", ("region", "eu")));

        var promtool = ExternalTool.Find("promtool");
        var result = await ProcessRunner.RunAsync(promtool, ["check", "metrics"], text, Timeout);
        Assert.True(result.ExitCode == 0 && result.StandardOutput.Trim().Length == 0, $"promtool check metrics: {result}");
    }

    [Fact]
    public async Task AgentListening_NothingDropped_CounterExposedAtZeroWithHelpAndType()
    {
        using var agent = new UdpListener();
        await using var container = StatsDAndPrometheus(agent.Port);
        var statsd = container.Resolve<MultiMetricsBackend>().Backends.OfType<StatsDMetricsBackend>().Single();
        container.Resolve<MetricsFactory>().CreateCounter("shop_orders_total", "Orders.").Inc();
        await agent.ReceiveUntilAsync(l => l.MetricLines.Any(line => line.StartsWith("shop_orders_total:", StringComparison.Ordinal)), Timeout);

        var text = container.Resolve<MetricsCollectorService>().GetMetricsOutput();

        Assert.Equal(0, statsd.DroppedCount);
        Assert.Contains($"# HELP {Dropped} ", text, StringComparison.Ordinal);
        Assert.Contains($"# TYPE {Dropped} counter", text, StringComparison.Ordinal);
        Assert.Contains($"{Dropped}{{backend=\"statsd\"}} 0", text, StringComparison.Ordinal);
    }

    [Fact]
    public void PrometheusOnly_NoBackendDrops_HelpAndTypeWithoutASeries()
    {
        using var container = MetricsContainer.Build(_ => { }, ("Metrics:Backends:InMemory:Enabled", "false"));

        var text = container.Resolve<MetricsCollectorService>().GetMetricsOutput();

        Assert.Contains($"# TYPE {Dropped} counter", text, StringComparison.Ordinal);
        Assert.Empty(PrometheusExposition.Parse(text).Named(Dropped));
    }

    private static IContainer StatsDAndPrometheus(int port) =>
        MetricsContainer.Build(
            _ => { },
            ("Metrics:Backends:Prometheus:Enabled", "true"),
            ("Metrics:Backends:StatsD:Enabled", "true"),
            ("Metrics:Backends:StatsD:Port", port.ToString(CultureInfo.InvariantCulture)),
            ("Metrics:Backends:StatsD:MaxPacketSize", "256"),
            ("Metrics:Backends:StatsD:FlushInterval", "00:00:00.001"));
}
