using System.Diagnostics.Metrics;
using Interception.Metrics.Diagnostics.Tests.Support;

namespace Interception.Metrics.Diagnostics.Tests;

/// <summary>What a plain <see cref="MeterListener"/> sees of the backend.</summary>
public sealed class MeterMetricsBackendTests
{
    private readonly string _meterName = "Interception.Tests." + Guid.NewGuid().ToString("N");

    [Fact]
    public void Record_BoundSeries_ListenerSeesValuesWithLabelsAndConstantLabelsAsTags()
    {
        using var listener = new RecordingListener(_meterName);
        using var backend = Backend();
        backend.InitializeMetric(new MetricDefinition("function_calls_total", MetricType.Counter, "Calls.", ["function", "status"]));

        var series = backend.Bind("function_calls_total", ["Orders.Place", "success"], [new("team", "core")]);
        series.Record(1);
        series.Record(2);

        Assert.Equal([1d, 2d], listener.Measurements.Select(m => m.Value));
        var measurement = listener.Measurements[0];
        Assert.Equal("function_calls_total", measurement.Instrument);
        Assert.Equal(["function", "status", "team"], measurement.Tags.Select(t => t.Key));
        Assert.Equal(["Orders.Place", "success", "core"], measurement.Tags.Select(t => t.Value));
        Assert.IsType<Counter<double>>(listener.Instrument("function_calls_total"));
    }

    [Fact]
    public void RecordHistogram_DefinitionWithBuckets_IsASecondsHistogramAdvisingThoseBuckets()
    {
        using var listener = new RecordingListener(_meterName);
        using var backend = Backend();
        backend.InitializeMetric(new MetricDefinition("function_duration_seconds", MetricType.Histogram, "Duration.", ["function"], [0.01, 0.1, 1]));

        backend.RecordHistogram("function_duration_seconds", 0.042, new Dictionary<string, string> { ["function"] = "f" });

        var histogram = Assert.IsType<Histogram<double>>(listener.Instrument("function_duration_seconds"));
        Assert.Equal("s", histogram.Unit);
        Assert.Equal("Duration.", histogram.Description);
        Assert.Equal([0.01, 0.1, 1], histogram.Advice?.HistogramBucketBoundaries);
        var measurement = Assert.Single(listener.Measurements);
        Assert.Equal(0.042, measurement.Value);
        Assert.Equal("f", measurement.Tag("function"));
    }

    [Fact]
    public void InitializeMetric_HistogramOrSummaryWithoutBuckets_AdvisesTheConfiguredBuckets()
    {
        using var listener = new RecordingListener(_meterName);
        using var backend = Backend(buckets: [0.5, 5]);
        backend.InitializeMetric(new MetricDefinition("job_seconds", MetricType.Histogram, "Jobs."));
        backend.InitializeMetric(new MetricDefinition("payload_size", MetricType.Summary, "Sizes."));

        Assert.Equal([0.5, 5], ((Histogram<double>)listener.Instrument("job_seconds")).Advice?.HistogramBucketBoundaries);
        var summary = Assert.IsType<Histogram<double>>(listener.Instrument("payload_size"));
        Assert.Null(summary.Unit);
        Assert.Equal([0.5, 5], summary.Advice?.HistogramBucketBoundaries);
    }

    [Fact]
    public void SetGauge_SetsTheValue_ListenerSeesEachValue()
    {
        using var listener = new RecordingListener(_meterName);
        using var backend = Backend();
        backend.InitializeMetric(new MetricDefinition("database_connections_active", MetricType.Gauge, "Connections."));

        backend.SetGauge("database_connections_active", 5);
        backend.SetGauge("database_connections_active", -2);

        Assert.IsType<Gauge<double>>(listener.Instrument("database_connections_active"));
        Assert.Equal([5d, -2d], listener.Measurements.Select(m => m.Value));
        Assert.All(listener.Measurements, m => Assert.Empty(m.Tags));
    }

    [Fact]
    public void InitializeMetric_NameWithColon_UsesAnInstrumentNameOpenTelemetryAccepts()
    {
        using var listener = new RecordingListener(_meterName);
        using var backend = Backend();
        backend.InitializeMetric(new MetricDefinition("job:errors:rate", MetricType.Gauge, "Rate."));

        backend.SetGauge("job:errors:rate", 0.5);

        Assert.Equal("job_errors_rate", Assert.Single(listener.Measurements).Instrument);
    }

    [Fact]
    public void Constructor_MeterFactory_CreatesTheMeterThroughItAndLeavesItOpenOnDispose()
    {
        using var factory = new TestMeterFactory();
        using var listener = new RecordingListener(_meterName);
        var backend = new MeterMetricsBackend(new MeterMetricsBackendOptions { MeterName = _meterName }, factory);
        backend.InitializeMetric(new MetricDefinition("bot_users", MetricType.Gauge, "Users."));

        backend.Dispose();
        backend.SetGauge("bot_users", 3);

        Assert.Same(Assert.Single(factory.Meters), backend.Meter);
        Assert.Equal(_meterName, backend.Meter.Name);
        Assert.Empty(listener.Completed);
        Assert.Equal(3, Assert.Single(listener.Measurements).Value);
    }

    [Fact]
    public void Dispose_OwnMeter_CompletesItsInstruments()
    {
        using var listener = new RecordingListener(_meterName);
        var backend = Backend();
        backend.InitializeMetric(new MetricDefinition("bot_users", MetricType.Gauge, "Users."));

        backend.Dispose();

        Assert.Equal("bot_users", Assert.Single(listener.Completed).Name);
    }

    [Fact]
    public void Constructor_DefaultOptions_UsesTheDefaultMeterName()
    {
        using var backend = new MeterMetricsBackend();

        Assert.Equal("Interception.Metrics", backend.Meter.Name);
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    public void Constructor_EmptyMeterName_Throws(string name) =>
        Assert.ThrowsAny<ArgumentException>(() => new MeterMetricsBackend(new MeterMetricsBackendOptions { MeterName = name }));

    [Fact]
    public void Constructor_BucketsNotIncreasing_Throws() =>
        Assert.Throws<ArgumentException>(() => new MeterMetricsBackend(new MeterMetricsBackendOptions { HistogramBuckets = [1, 0.5] }));

    private MeterMetricsBackend Backend(IReadOnlyList<double>? buckets = null) =>
        new(new MeterMetricsBackendOptions { MeterName = _meterName, HistogramBuckets = buckets });
}
