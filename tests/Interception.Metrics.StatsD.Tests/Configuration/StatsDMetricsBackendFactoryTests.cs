using System.Reflection;
using Interception.Metrics.StatsD.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;

namespace Interception.Metrics.StatsD.Tests.Configuration;

public sealed class StatsDMetricsBackendFactoryTests
{
    private static readonly MetricsBackendContext Context =
        new(MetricsBackend.DefaultCardinalityLimit, MetricCatalogue.DefaultBuckets, NullLoggerFactory.Instance, TimeProvider.System);

    [Fact]
    public void Assembly_NamesTheFactory_UnderTheNameStatsD()
    {
        var attribute = typeof(StatsDMetricsBackend).Assembly.GetCustomAttribute<MetricsBackendFactoryAttribute>();

        Assert.Equal(typeof(StatsDMetricsBackendFactory), attribute?.FactoryType);
        Assert.Equal("StatsD", new StatsDMetricsBackendFactory().Name);
    }

    [Fact]
    public async Task Create_FromConfiguration_SendsToTheConfiguredAgentWithThePrefix()
    {
        using var listener = new UdpListener();
        var section = Section(new()
        {
            ["Enabled"] = "true",
            ["Host"] = "127.0.0.1",
            ["Port"] = listener.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Prefix"] = "svc",
            ["MaxQueueSize"] = "1000",
            ["FlushInterval"] = "00:00:00.010",
        });

        var backend = Assert.IsType<StatsDMetricsBackend>(new StatsDMetricsBackendFactory().Create(section, Context));
        await using (backend)
        {
            backend.InitializeMetric(TestMetrics.Connections);
            backend.SetGauge("database_connections_active", 7);
        }

        await listener.ReceiveUntilAsync(l => l.Lines.Count >= 1, TimeSpan.FromSeconds(10));
        Assert.Equal(["svc.database_connections_active:7|g"], listener.Lines);
    }

    [Theory]
    [InlineData("Hots", "localhost", "Metrics:Backends:StatsD:Hots")]
    [InlineData("Port", "0", "Metrics:Backends:StatsD:Port")]
    [InlineData("Port", "65536", "Metrics:Backends:StatsD:Port")]
    [InlineData("Port", "eighty", "Metrics:Backends:StatsD:Port")]
    [InlineData("MaxQueueSize", "-1", "Metrics:Backends:StatsD:MaxQueueSize")]
    [InlineData("MaxPacketSize", "100", "Metrics:Backends:StatsD:MaxPacketSize")]
    [InlineData("FlushInterval", "01:00:00", "Metrics:Backends:StatsD:FlushInterval")]
    [InlineData("Host", " ", "Metrics:Backends:StatsD:Host")]
    public void Create_InvalidKeyOrValue_ThrowsNamingTheKey(string key, string value, string expectedKey)
    {
        var section = Section(new() { ["Enabled"] = "true", [key] = value });

        var exception = Assert.Throws<MetricsConfigurationException>(() => new StatsDMetricsBackendFactory().Create(section, Context));

        Assert.Equal(expectedKey, exception.Key);
        Assert.Contains(expectedKey, exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(" 127.0.0.1 ", " svc ")]
    [InlineData("\t127.0.0.1\n", "svc")]
    public async Task Create_HostAndPrefixWithSurroundingWhiteSpace_AreTrimmedAndMetricsArrive(string host, string prefix)
    {
        using var listener = new UdpListener();
        var section = Section(new()
        {
            ["Host"] = host,
            ["Port"] = listener.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Prefix"] = prefix,
        });

        var backend = Assert.IsType<StatsDMetricsBackend>(new StatsDMetricsBackendFactory().Create(section, Context));
        await using (backend)
        {
            backend.InitializeMetric(TestMetrics.Connections);
            backend.SetGauge("database_connections_active", 7);
        }

        await listener.ReceiveUntilAsync(l => l.Lines.Count >= 1, TimeSpan.FromSeconds(10));
        Assert.Equal(["svc.database_connections_active:7|g"], listener.Lines);
        Assert.Equal(1, backend.SentCount);
    }

    [Theory]
    [InlineData("127.0.0.1:8125")]
    [InlineData("statsd host")]
    [InlineData("udp://127.0.0.1")]
    [InlineData("127.0.0.1 8125")]
    public void Create_HostThatIsNotAHostNameOrAddress_ThrowsNamingTheKey(string host)
    {
        var section = Section(new() { ["Enabled"] = "true", ["Host"] = host });

        var exception = Assert.Throws<MetricsConfigurationException>(() => new StatsDMetricsBackendFactory().Create(section, Context));

        Assert.Equal("Metrics:Backends:StatsD:Host", exception.Key);
        Assert.Contains($"'{host}'", exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Host")]
    [InlineData("Prefix")]
    [InlineData("Port")]
    [InlineData("FlushInterval")]
    public void Create_SectionWhereAValueBelongs_ThrowsNamingTheKey(string key)
    {
        var section = Section(new() { [key + ":0"] = "10.0.0.1", [key + ":1"] = "10.0.0.2" });

        var exception = Assert.Throws<MetricsConfigurationException>(() => new StatsDMetricsBackendFactory().Create(section, Context));

        Assert.Equal("Metrics:Backends:StatsD:" + key, exception.Key);
        Assert.Contains("expected a single value", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_UnknownKey_ListsTheValidKeys()
    {
        var section = Section(new() { ["Hots"] = "localhost" });

        var exception = Assert.Throws<MetricsConfigurationException>(() => new StatsDMetricsBackendFactory().Create(section, Context));

        Assert.Contains("Host, Port, Prefix, MaxQueueSize", exception.Message, StringComparison.Ordinal);
    }

    private static IConfigurationSection Section(Dictionary<string, string?> values) =>
        new ConfigurationBuilder()
            .AddInMemoryCollection(values.ToDictionary(kv => "Metrics:Backends:StatsD:" + kv.Key, kv => kv.Value))
            .Build()
            .GetSection("Metrics:Backends:StatsD");
}
