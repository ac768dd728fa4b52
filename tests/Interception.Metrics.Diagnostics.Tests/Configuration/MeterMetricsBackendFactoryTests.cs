using System.Diagnostics.Metrics;
using System.Reflection;
using Interception.Metrics.Diagnostics.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;

namespace Interception.Metrics.Diagnostics.Tests.Configuration;

public sealed class MeterMetricsBackendFactoryTests
{
    private static readonly MetricsBackendContext Context =
        new(MetricsBackend.DefaultCardinalityLimit, [0.05, 0.5, 5], NullLoggerFactory.Instance, TimeProvider.System);

    [Fact]
    public void Assembly_NamesTheFactory_UnderTheNameMeter()
    {
        var attribute = typeof(MeterMetricsBackend).Assembly.GetCustomAttribute<MetricsBackendFactoryAttribute>();

        Assert.Equal(typeof(MeterMetricsBackendFactory), attribute?.FactoryType);
        Assert.Equal("Meter", new MeterMetricsBackendFactory().Name);
    }

    [Fact]
    public void Create_MeterName_CreatesThatMeterWithTheConfiguredBucketsAsAdvice()
    {
        var meterName = "Interception.Tests." + Guid.NewGuid().ToString("N");
        using var listener = new RecordingListener(meterName);

        var backend = Assert.IsType<MeterMetricsBackend>(
            new MeterMetricsBackendFactory().Create(Section(new() { ["Enabled"] = "true", ["MeterName"] = meterName }), Context));
        using (backend)
        {
            backend.InitializeMetric(new MetricDefinition("job_seconds", MetricType.Histogram, "Jobs."));

            Assert.Equal(meterName, backend.Meter.Name);
            Assert.Equal([0.05, 0.5, 5], ((Histogram<double>)listener.Instrument("job_seconds")).Advice?.HistogramBucketBoundaries);
        }
    }

    [Fact]
    public void Create_NoMeterName_UsesTheDefault()
    {
        using var backend = (MeterMetricsBackend)new MeterMetricsBackendFactory().Create(Section(new() { ["Enabled"] = "true" }), Context);

        Assert.Equal("Interception.Metrics", backend.Meter.Name);
    }

    [Theory]
    [InlineData("MeterName", "", "Metrics:Backends:Meter:MeterName")]
    [InlineData("MeterName", "  ", "Metrics:Backends:Meter:MeterName")]
    [InlineData("Name", "x", "Metrics:Backends:Meter:Name")]
    public void Create_InvalidKeyOrValue_ThrowsNamingTheKey(string key, string value, string expectedKey)
    {
        var exception = Assert.Throws<MetricsConfigurationException>(
            () => new MeterMetricsBackendFactory().Create(Section(new() { [key] = value }), Context));

        Assert.Equal(expectedKey, exception.Key);
        Assert.Contains(expectedKey, exception.Message, StringComparison.Ordinal);
    }

    private static IConfigurationSection Section(Dictionary<string, string?> values) =>
        new ConfigurationBuilder()
            .AddInMemoryCollection(values.ToDictionary(kv => "Metrics:Backends:Meter:" + kv.Key, kv => kv.Value))
            .Build()
            .GetSection("Metrics:Backends:Meter");
}
