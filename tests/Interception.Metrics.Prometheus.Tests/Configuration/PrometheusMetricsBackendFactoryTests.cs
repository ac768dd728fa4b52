using System.Net;
using System.Reflection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using MetricType = Interception.Metrics.MetricType;

namespace Interception.Metrics.Prometheus.Tests.Configuration;

public sealed class PrometheusMetricsBackendFactoryTests
{
    private const string Root = "Metrics:Backends:Prometheus";

    private static readonly MetricsBackendContext Context =
        new(123, [0.5, 5], NullLoggerFactory.Instance, TimeProvider.System);

    private readonly PrometheusMetricsBackendFactory _factory = new();

    [Fact]
    public void Assembly_NamesTheFactory()
    {
        var attribute = typeof(PrometheusMetricsBackendFactory).Assembly.GetCustomAttribute<MetricsBackendFactoryAttribute>();

        Assert.Equal(typeof(PrometheusMetricsBackendFactory), attribute?.FactoryType);
        Assert.Equal("Prometheus", _factory.Name);
    }

    [Fact]
    public void Create_OnlyEnabled_UsesTheContextAndStartsNoServer()
    {
        using var backend = Create(("Enabled", "true"));

        Assert.Equal(123, backend.CardinalityLimit);
        Assert.Null(backend.ServerAddress);
        backend.InitializeMetric(new MetricDefinition("lat_seconds", MetricType.Histogram, "Latency."));
        Assert.Contains("lat_seconds_bucket{le=\"5\"} 0", backend.GetMetricsOutput(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_ServerEnabled_ServesTheConfiguredHostPortAndPath()
    {
        var port = FreePort.Next();
        using var backend = Create(
            ("Server:Enabled", "true"),
            ("Server:Host", "127.0.0.1"),
            ("Server:Port", port.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("Server:Path", "/prom"));
        using var http = new HttpClient();

        using var response = await http.GetAsync(new Uri($"http://127.0.0.1:{port}/prom"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal($"http://127.0.0.1:{port}/prom", backend.ServerAddress);
    }

    [Fact]
    public void Create_ServerDisabled_StillValidatesItsKeys()
    {
        var exception = Assert.Throws<MetricsConfigurationException>(() => Create(("Server:Enabled", "false"), ("Server:Port", "0")));

        Assert.Equal($"{Root}:Server:Port", exception.Key);
    }

    [Theory]
    [InlineData("Bogus", "1", "Bogus")]
    [InlineData("Server:Prot", "9464", "Server:Prot")]
    [InlineData("Enabled", "yes", "Enabled")]
    [InlineData("Server:Enabled", "maybe", "Server:Enabled")]
    [InlineData("Server:Port", "0", "Server:Port")]
    [InlineData("Server:Port", "65536", "Server:Port")]
    [InlineData("Server:Port", "http", "Server:Port")]
    [InlineData("Server:Host", " ", "Server:Host")]
    [InlineData("Server:Host", "::1::2", "Server:Host")]
    [InlineData("Server:Host", "no such host", "Server:Host")]
    [InlineData("Server:Path", "metrics", "Server:Path")]
    [InlineData("Server:Path", "/metrics?x", "Server:Path")]
    [InlineData("Server", "on", "Server")]
    [InlineData("Exemplars", "sometimes", "Exemplars")]
    [InlineData("ExemplarMinInterval", "soon", "ExemplarMinInterval")]
    [InlineData("ExemplarMinInterval", "-00:00:01", "ExemplarMinInterval")]
    public void Create_InvalidSetting_ThrowsNamingTheKey(string key, string value, string expectedKey)
    {
        var exception = Assert.Throws<MetricsConfigurationException>(() => Create((key, value)));

        Assert.Equal($"{Root}:{expectedKey}", exception.Key);
        Assert.Contains($"'{Root}:{expectedKey}'", exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/a%20b")]
    [InlineData("/metrics%2F")]
    public void Create_ServerPathWithPercentEscape_FailsAtThePathKeyWithOneFullStop(string path)
    {
        var port = FreePort.Next().ToString(System.Globalization.CultureInfo.InvariantCulture);

        var exception = Assert.Throws<MetricsConfigurationException>(() =>
            Create(("Server:Enabled", "true"), ("Server:Port", port), ("Server:Path", path)).Dispose());

        Assert.Equal($"{Root}:Server:Path", exception.Key);
        Assert.Contains($"'{path}'", exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Host", exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("..", exception.Message, StringComparison.Ordinal);
        Assert.EndsWith(".", exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(". ", exception.Message.Split(": ", 2)[1].TrimEnd('.'), StringComparison.Ordinal);
    }

    [Fact]
    public void Create_ServerHostNotAnAddressOfThisMachine_FailsAtTheHostKey()
    {
        // 203.0.113.0/24 is reserved for documentation: no machine has it, so binding fails without any traffic.
        var port = FreePort.Next().ToString(System.Globalization.CultureInfo.InvariantCulture);

        var exception = Assert.Throws<MetricsConfigurationException>(() =>
            Create(("Server:Enabled", "true"), ("Server:Host", "203.0.113.7"), ("Server:Port", port)).Dispose());

        Assert.Equal($"{Root}:Server:Host", exception.Key);
        Assert.Contains($"203.0.113.7:{port}", exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Port", exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("..", exception.Message, StringComparison.Ordinal);
        Assert.NotNull(exception.InnerException);
    }

    [Fact]
    public void Create_ExemplarKeys_ReachTheBackend()
    {
        using var on = Create(("ExemplarMinInterval", "01:00:00"));
        using var off = Create(("Exemplars", "false"));
        on.InitializeMetric(new MetricDefinition("lat_seconds", MetricType.Histogram, "Latency."));
        off.InitializeMetric(new MetricDefinition("lat_seconds", MetricType.Histogram, "Latency."));
        var first = new System.Diagnostics.Activity("first") { ActivityTraceFlags = System.Diagnostics.ActivityTraceFlags.Recorded }.Start();
        on.RecordHistogram("lat_seconds", 1);
        off.RecordHistogram("lat_seconds", 1);
        first.Stop();
        var second = new System.Diagnostics.Activity("second") { ActivityTraceFlags = System.Diagnostics.ActivityTraceFlags.Recorded }.Start();
        on.RecordHistogram("lat_seconds", 1);
        second.Stop();

        var limited = on.GetMetricsOutput(MetricsExpositionFormat.OpenMetrics);
        Assert.Contains(first.TraceId.ToHexString(), limited, StringComparison.Ordinal);
        Assert.DoesNotContain(second.TraceId.ToHexString(), limited, StringComparison.Ordinal);
        Assert.DoesNotContain(" # {", off.GetMetricsOutput(MetricsExpositionFormat.OpenMetrics), StringComparison.Ordinal);
    }

    [Fact]
    public void Create_UnknownKey_ListsTheValidKeys()
    {
        var exception = Assert.Throws<MetricsConfigurationException>(() => Create(("Server:Adress", "x")));

        Assert.Contains("Enabled, Host, Port, Path", exception.Message, StringComparison.Ordinal);
    }

    private PrometheusMetricsBackend Create(params (string Key, string Value)[] settings)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>($"{Root}:{s.Key}", s.Value)))
            .Build();
        return Assert.IsType<PrometheusMetricsBackend>(_factory.Create(configuration.GetSection(Root), Context));
    }
}
