using OpenTelemetry;
using OpenTelemetry.Metrics;
using OtelMetricType = OpenTelemetry.Metrics.MetricType;

namespace Interception.Metrics.Diagnostics.Tests.OpenTelemetry;

/// <summary>The real OpenTelemetry SDK reads the backend: <c>AddMeter(name)</c> and the in-memory exporter.</summary>
public sealed class MeterMetricsBackendOpenTelemetryTests
{
    private readonly string _meterName = "Interception.Tests." + Guid.NewGuid().ToString("N");
    private readonly List<Metric> _exported = [];

    [Fact]
    public void Backend_CountersAndHistograms_ExportedCountsEqualCallsMade()
    {
        using var provider = Provider();
        using var backend = new MeterMetricsBackend(new MeterMetricsBackendOptions { MeterName = _meterName });
        backend.InitializeMetric(new MetricDefinition("jobs_total", MetricType.Counter, "Jobs.", ["queue"]));
        backend.InitializeMetric(new MetricDefinition("job_duration_seconds", MetricType.Histogram, "Job duration.", ["queue"], [0.1, 1, 10]));
        var jobs = backend.Bind("jobs_total", ["mail"]);
        var durations = backend.Bind("job_duration_seconds", ["mail"]);
        for (var i = 0; i < 500; i++)
        {
            jobs.Record(1);
            durations.Record(i % 2 == 0 ? 0.05 : 2);
        }

        backend.RecordCounter("jobs_total", 3, new Dictionary<string, string> { ["queue"] = "sms" });
        provider.ForceFlush();

        var counter = Points("jobs_total");
        Assert.Equal(500, counter.Single(p => Tag(p, "queue") == "mail").GetSumDouble());
        Assert.Equal(3, counter.Single(p => Tag(p, "queue") == "sms").GetSumDouble());
        var histogram = Assert.Single(Points("job_duration_seconds"));
        Assert.Equal(500, histogram.GetHistogramCount());
        Assert.Equal((250 * 0.05) + (250 * 2), histogram.GetHistogramSum(), 6);
        Assert.Equal([0.1, 1, 10, double.PositiveInfinity], Buckets(histogram).Select(b => b.ExplicitBound));
        Assert.Equal([250L, 0, 250, 0], Buckets(histogram).Select(b => b.BucketCount));
        Assert.Equal("s", Metric("job_duration_seconds").Unit);
    }

    [Fact]
    public void Collector_OverMeterBackend_ExportedCountsEqualCallsMade()
    {
        using var provider = Provider();
        using var backend = new MeterMetricsBackend(new MeterMetricsBackendOptions { MeterName = _meterName });
        var collector = new MetricsCollectorService(backend, [0.01, 0.1, 1]);
        for (var i = 0; i < 120; i++)
        {
            collector.RecordHttpRequest(new HttpRequestMetric("POST", "/orders", 201, TimeSpan.FromMilliseconds(20)));
        }

        for (var i = 0; i < 30; i++)
        {
            collector.RecordHttpRequest(new HttpRequestMetric("POST", "/orders", 503, TimeSpan.FromMilliseconds(400)));
        }

        var calls = collector.BindOperation(MetricKind.Function, "Orders.Place", [new("team", "core")]);
        for (var i = 0; i < 75; i++)
        {
            calls.Record(OperationStatus.Failed, TimeSpan.FromMilliseconds(5));
        }

        collector.UpdateDatabaseConnections(4);
        collector.SetAppInfo("1.2.3", "test");
        provider.ForceFlush();

        var requests = Points("http_requests_total");
        Assert.Equal(120, requests.Single(p => Tag(p, "status") == "201").GetSumDouble());
        Assert.Equal(30, requests.Single(p => Tag(p, "status") == "503").GetSumDouble());
        var duration = Assert.Single(Points("http_request_duration_seconds"));
        Assert.Equal(150, duration.GetHistogramCount());
        Assert.Equal([0.01, 0.1, 1, double.PositiveInfinity], Buckets(duration).Select(b => b.ExplicitBound));
        Assert.Equal([0L, 120, 30, 0], Buckets(duration).Select(b => b.BucketCount));
        var functionCalls = Assert.Single(Points("function_calls_total"));
        Assert.Equal(75, functionCalls.GetSumDouble());
        Assert.Equal(("Orders.Place", "failed", "core"), (Tag(functionCalls, "function"), Tag(functionCalls, "status"), Tag(functionCalls, "team")));
        Assert.Equal(75, Assert.Single(Points("function_duration_seconds")).GetHistogramCount());
        Assert.Equal(OtelMetricType.DoubleGauge, Metric("database_connections_active").MetricType);
        Assert.Equal(4, Assert.Single(Points("database_connections_active")).GetGaugeLastValueDouble());
        Assert.Equal(1, Assert.Single(Points("app_info")).GetGaugeLastValueDouble());
    }

    [Fact]
    public void Backend_InvalidValues_NeverExportedAndCountedPerMetric()
    {
        using var provider = Provider();
        using var backend = new MeterMetricsBackend(new MeterMetricsBackendOptions { MeterName = _meterName });
        backend.InitializeMetric(new MetricDefinition("jobs_total", MetricType.Counter, "Jobs.", ["queue"]));
        backend.InitializeMetric(new MetricDefinition("job_duration_seconds", MetricType.Histogram, "Job duration.", ["queue"], [0.1, 1, 10]));
        backend.InitializeMetric(new MetricDefinition("queue_depth", MetricType.Gauge, "Depth.", ["queue"]));
        var jobs = backend.Bind("jobs_total", ["mail"]);
        var durations = backend.Bind("job_duration_seconds", ["mail"]);
        var depth = backend.Bind("queue_depth", ["mail"]);
        jobs.Record(3);
        durations.Record(0.5);
        depth.Record(7);

        var exception = Record.Exception(() =>
        {
            jobs.Record(-2);
            jobs.Record(double.PositiveInfinity);
            backend.RecordCounter("jobs_total", double.NaN, new Dictionary<string, string> { ["queue"] = "mail" });
            durations.Record(TimeSpan.FromSeconds(-5).TotalSeconds);
            backend.RecordHistogram("job_duration_seconds", TimeSpan.MinValue.TotalSeconds, new Dictionary<string, string> { ["queue"] = "mail" });
            depth.Record(double.NaN);
        });
        provider.ForceFlush();

        Assert.Null(exception);
        Assert.Equal(3, Assert.Single(Points("jobs_total")).GetSumDouble());
        var histogram = Assert.Single(Points("job_duration_seconds"));
        Assert.Equal(1, histogram.GetHistogramCount());
        Assert.Equal(0.5, histogram.GetHistogramSum());
        Assert.Equal(7, Assert.Single(Points("queue_depth")).GetGaugeLastValueDouble());
        var invalid = Points("metrics_invalid_values_total");
        Assert.Equal(3, invalid.Single(p => Tag(p, "metric") == "jobs_total").GetSumDouble());
        Assert.Equal(2, invalid.Single(p => Tag(p, "metric") == "job_duration_seconds").GetSumDouble());
        Assert.Equal(1, invalid.Single(p => Tag(p, "metric") == "queue_depth").GetSumDouble());
    }

    [Fact]
    public void CollectorServices_OverMeterBackend_GaugesNeverSetExportNoPoint()
    {
        using var provider = Provider();
        using var backend = new MeterMetricsBackend(new MeterMetricsBackendOptions { MeterName = _meterName });
        var collector = new MetricsCollectorService(backend);
        _ = new SystemMetricsService(backend, new Moq.Mock<ISystemMetricsProvider>().Object, collector);
        collector.RecordHttpRequest(new HttpRequestMetric("GET", "/", 200, TimeSpan.FromMilliseconds(5)));

        provider.ForceFlush();

        Assert.Single(Points("http_requests_total"));
        foreach (var gauge in (string[])["database_connections_active", "background_workers_active", "system_cpu_usage_percent", "system_memory_usage_percent", "system_disk_usage_percent"])
        {
            Assert.Empty(_exported.Where(m => m.Name == gauge).SelectMany(m => PointsOf(m)));
        }
    }

    [Fact]
    public void TwoBackends_DistinctMeterNames_OpenTelemetryExportsEachApart()
    {
        var otherName = _meterName + ".Other";
        using var provider = Sdk.CreateMeterProviderBuilder().AddMeter(_meterName).AddMeter(otherName).AddInMemoryExporter(_exported).Build();
        using var first = new MeterMetricsBackend(new MeterMetricsBackendOptions { MeterName = _meterName });
        using var second = new MeterMetricsBackend(new MeterMetricsBackendOptions { MeterName = otherName });
        new MetricsCollectorService(first).BindOperation(MetricKind.Function, "Orders.Place").Record(OperationStatus.Success, TimeSpan.FromMilliseconds(1));
        var calls = new MetricsCollectorService(second).BindOperation(MetricKind.Function, "Orders.Place");
        for (var i = 0; i < 5; i++)
        {
            calls.Record(OperationStatus.Success, TimeSpan.FromMilliseconds(1));
        }

        provider.ForceFlush();

        var exported = _exported.Where(m => m.Name == "function_calls_total").ToDictionary(m => m.MeterName, m => PointsOf(m).Single().GetSumDouble());
        Assert.Equal(1, exported[_meterName]);
        Assert.Equal(5, exported[otherName]);
    }

    [Fact]
    public void TwoBackends_SameMeterName_OpenTelemetryAddsThemUpAndTheSecondBackendWarns()
    {
        using var provider = Provider();
        var logger = new RecordingLogger();
        using var first = new MeterMetricsBackend(new MeterMetricsBackendOptions { MeterName = _meterName });
        var firstCalls = new MetricsCollectorService(first).BindOperation(MetricKind.Function, "Orders.Place");
        using var second = new MeterMetricsBackend(new MeterMetricsBackendOptions { MeterName = _meterName }, logger: logger);
        var secondCalls = new MetricsCollectorService(second).BindOperation(MetricKind.Function, "Orders.Place");
        for (var i = 0; i < 3; i++)
        {
            firstCalls.Record(OperationStatus.Success, TimeSpan.FromMilliseconds(1));
        }

        for (var i = 0; i < 5; i++)
        {
            secondCalls.Record(OperationStatus.Success, TimeSpan.FromMilliseconds(1));
        }

        provider.ForceFlush();

        // What the warning is about: one meter name, one stream, 3 + 5.
        Assert.Equal(8, Assert.Single(Points("function_calls_total")).GetSumDouble());
        var warning = Assert.Single(logger.Messages);
        Assert.Contains($"'{_meterName}'", warning, StringComparison.Ordinal);
        Assert.Contains("Metrics:Backends:Meter:MeterName", warning, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_NoOtherMeterOfThatName_DoesNotWarn()
    {
        var logger = new RecordingLogger();
        using var other = new MeterMetricsBackend(new MeterMetricsBackendOptions { MeterName = _meterName + ".Other" });
        other.InitializeMetric(new MetricDefinition("jobs_total", MetricType.Counter, "Jobs."));

        using var backend = new MeterMetricsBackend(new MeterMetricsBackendOptions { MeterName = _meterName }, logger: logger);

        Assert.Empty(logger.Messages);
    }

    private MeterProvider Provider() =>
        Sdk.CreateMeterProviderBuilder().AddMeter(_meterName).AddInMemoryExporter(_exported).Build();

    private Metric Metric(string name) => _exported.Last(m => m.Name == name);

    private List<MetricPoint> Points(string name) => PointsOf(Metric(name));

    private static List<MetricPoint> PointsOf(Metric metric)
    {
        var points = new List<MetricPoint>();
        foreach (ref readonly var point in metric.GetMetricPoints())
        {
            points.Add(point);
        }

        return points;
    }

    private static List<HistogramBucket> Buckets(MetricPoint point)
    {
        var buckets = new List<HistogramBucket>();
        foreach (var bucket in point.GetHistogramBuckets())
        {
            buckets.Add(bucket);
        }

        return buckets;
    }

    private static string? Tag(MetricPoint point, string key)
    {
        foreach (var tag in point.Tags)
        {
            if (tag.Key == key)
            {
                return tag.Value as string;
            }
        }

        return null;
    }
}
