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

    private MeterProvider Provider() =>
        Sdk.CreateMeterProviderBuilder().AddMeter(_meterName).AddInMemoryExporter(_exported).Build();

    private Metric Metric(string name) => _exported.Last(m => m.Name == name);

    private List<MetricPoint> Points(string name)
    {
        var points = new List<MetricPoint>();
        foreach (ref readonly var point in Metric(name).GetMetricPoints())
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
