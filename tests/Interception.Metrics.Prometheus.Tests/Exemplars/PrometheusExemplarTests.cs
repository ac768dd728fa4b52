using System.Diagnostics;
using MetricType = Interception.Metrics.MetricType;

namespace Interception.Metrics.Prometheus.Tests.Exemplars;

/// <summary>
/// A histogram observation made inside a sampled activity carries its trace and span ids as an exemplar, in the
/// OpenMetrics exposition only.
/// </summary>
public sealed class PrometheusExemplarTests
{
    private static readonly MetricDefinition Duration = new("call_seconds", MetricType.Histogram, "Calls.", ["op"], [0.1, 1]);
    private static readonly MetricDefinition Calls = new("calls_total", MetricType.Counter, "Calls.", ["op"]);

    [Fact]
    public void Observe_InsideSampledActivity_OpenMetricsBucketCarriesTraceAndSpanId()
    {
        using var backend = Backend(new PrometheusMetricsBackendOptions());
        var activity = Sampled();

        backend.Bind(Duration.Name, ["a"]).Record(0.5);
        backend.Bind(Calls.Name, ["a"]).Record(1);
        activity.Stop();

        var openMetrics = backend.GetMetricsOutput(MetricsExpositionFormat.OpenMetrics);
        Assert.Contains(
            $"call_seconds_bucket{{op=\"a\",le=\"1.0\"}} 1 # {{trace_id=\"{activity.TraceId.ToHexString()}\",span_id=\"{activity.SpanId.ToHexString()}\"}} 0.5 ",
            openMetrics,
            StringComparison.Ordinal);
        Assert.Single(Lines(openMetrics), l => l.Contains(" # {", StringComparison.Ordinal));
        Assert.DoesNotContain(" # {", backend.GetMetricsOutput(), StringComparison.Ordinal);
    }

    [Fact]
    public void Observe_ActivityNotSampledOrNone_NoExemplar()
    {
        using var backend = Backend(new PrometheusMetricsBackendOptions());
        var unsampled = new Activity("not sampled").Start();
        backend.Bind(Duration.Name, ["a"]).Record(0.5);
        unsampled.Stop();
        backend.Bind(Duration.Name, ["a"]).Record(0.05);

        Assert.DoesNotContain(" # {", backend.GetMetricsOutput(MetricsExpositionFormat.OpenMetrics), StringComparison.Ordinal);
    }

    [Fact]
    public void Observe_ExemplarsSwitchedOff_NoExemplar()
    {
        using var backend = Backend(new PrometheusMetricsBackendOptions { Exemplars = false });
        var activity = Sampled();

        backend.Bind(Duration.Name, ["a"]).Record(0.5);
        activity.Stop();

        Assert.DoesNotContain(" # {", backend.GetMetricsOutput(MetricsExpositionFormat.OpenMetrics), StringComparison.Ordinal);
    }

    [Fact]
    public void Observe_WithinMinInterval_KeepsTheFirstExemplarWithoutIntervalTheLatest()
    {
        using var limited = Backend(new PrometheusMetricsBackendOptions { ExemplarMinInterval = TimeSpan.FromHours(1) });
        using var unlimited = Backend(new PrometheusMetricsBackendOptions());
        var first = Sampled();
        limited.Bind(Duration.Name, ["a"]).Record(0.5);
        unlimited.Bind(Duration.Name, ["a"]).Record(0.5);
        first.Stop();
        var second = Sampled();
        limited.Bind(Duration.Name, ["a"]).Record(0.6);
        unlimited.Bind(Duration.Name, ["a"]).Record(0.6);
        second.Stop();

        var kept = limited.GetMetricsOutput(MetricsExpositionFormat.OpenMetrics);
        var latest = unlimited.GetMetricsOutput(MetricsExpositionFormat.OpenMetrics);
        Assert.Contains(first.TraceId.ToHexString(), kept, StringComparison.Ordinal);
        Assert.DoesNotContain(second.TraceId.ToHexString(), kept, StringComparison.Ordinal);
        Assert.Contains(second.TraceId.ToHexString(), latest, StringComparison.Ordinal);
        Assert.DoesNotContain(first.TraceId.ToHexString(), latest, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_NegativeMinInterval_ThrowsArgumentException() =>
        Assert.Throws<ArgumentException>(() => new PrometheusMetricsBackend(new PrometheusMetricsBackendOptions { ExemplarMinInterval = TimeSpan.FromSeconds(-1) }));

    private static PrometheusMetricsBackend Backend(PrometheusMetricsBackendOptions options)
    {
        var backend = new PrometheusMetricsBackend(options);
        backend.InitializeMetric(Duration);
        backend.InitializeMetric(Calls);
        return backend;
    }

    private static Activity Sampled() =>
        new Activity("sampled") { ActivityTraceFlags = ActivityTraceFlags.Recorded }.Start();

    private static IEnumerable<string> Lines(string text) => text.Split('\n');
}
