using System.Diagnostics;
using Autofac;
using Interception.Metrics.Autofac.Tests.TestSupport;
using Interception.Metrics.Reliability.Tests.Fixtures;
using Interception.Metrics.Reliability.Tests.TestSupport;
using OpenTelemetry;
using OpenTelemetry.Metrics;

namespace Interception.Metrics.Reliability.Tests.Observation;

/// <summary>
/// Timed calls sampled by the OpenTelemetry SDK tracer: the durations they record carry exemplars naming their own
/// spans, in Prometheus' OpenMetrics exposition and in the OpenTelemetry SDK's export of the Meter backend, whichever
/// thread the call completed on.
/// </summary>
[Collection(IsolatedCollection.Name)]
public sealed class ExemplarTests
{
    [Fact]
    public async Task TimedCalls_SampledByTheSdk_PrometheusOpenMetricsExemplarsNameTheirSpans()
    {
        using var traces = new TraceExport();
        using var container = MetricsContainer.Build(
            b => b.RegisterType<ChannelPublisher>().As<IChannelPublisher>(),
            ("Metrics:Backends:Prometheus:Enabled", "true"));
        var publisher = container.Resolve<IChannelPublisher>();

        await CallEveryFamilyAsync(publisher);

        // Through the collector's negotiation API, as an endpoint of the application's own would serve it.
        var collector = container.Resolve<MetricsCollectorService>();
        var format = collector.NegotiateFormat("application/openmetrics-text;version=1.0.0,text/plain;version=0.0.4;q=0.5");
        using var body = new MemoryStream();
        await collector.WriteMetricsAsync(body, format);
        var exemplars = OpenMetricsExemplar.Parse(System.Text.Encoding.UTF8.GetString(body.ToArray()));
        var spans = traces.Spans;
        foreach (var (function, metric, label) in Calls)
        {
            var ofFunction = exemplars.Where(e => e.Metric == metric + "_bucket" && e.HasLabel(label, function)).ToArray();
            Assert.NotEmpty(ofFunction);
            Assert.All(ofFunction, e => Assert.Contains(spans, s => s.DisplayName == function && s.TraceId.ToHexString() == e.TraceId && s.SpanId.ToHexString() == e.SpanId));
        }

        Assert.Equal(MetricsExpositionFormat.OpenMetrics, format);
        Assert.DoesNotContain(exemplars, e => !e.Metric.EndsWith("_bucket", StringComparison.Ordinal));
        Assert.DoesNotContain(" # {", collector.GetMetricsOutput(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TimedCalls_MeterBackendWithTraceBasedExemplarFilter_ExportedExemplarsNameTheirSpans()
    {
        var meterName = "Interception.Reliability.Exemplars." + Guid.NewGuid().ToString("N");
        var exported = new List<Metric>();
        using var traces = new TraceExport();
        using var meters = Sdk.CreateMeterProviderBuilder()
            .AddMeter(meterName)
            .SetExemplarFilter(ExemplarFilterType.TraceBased)
            .AddInMemoryExporter(exported)
            .Build();
        using var container = MetricsContainer.Build(
            b => b.RegisterType<ChannelPublisher>().As<IChannelPublisher>(),
            ("Metrics:Backends:Meter:Enabled", "true"),
            ("Metrics:Backends:Meter:MeterName", meterName));

        await CallEveryFamilyAsync(container.Resolve<IChannelPublisher>());
        Assert.True(meters.ForceFlush(10_000));

        var spans = traces.Spans;
        foreach (var (function, metric, label) in Calls)
        {
            var found = ExemplarsOf(exported, metric, label, function);
            Assert.NotEmpty(found);
            Assert.All(found, e => Assert.Contains(spans, s => s.DisplayName == function && s.TraceId == e.TraceId && s.SpanId == e.SpanId));
        }
    }

    [Fact]
    public async Task TracingSwitchedOff_SdkListening_NoActivityAndNoExemplar()
    {
        using var traces = new TraceExport();
        using var container = MetricsContainer.Build(
            b => b.RegisterType<ChannelPublisher>().As<IChannelPublisher>(),
            ("Metrics:Backends:Prometheus:Enabled", "true"),
            ("Metrics:Tracing:Enabled", "false"));

        await CallEveryFamilyAsync(container.Resolve<IChannelPublisher>());

        Assert.Empty(traces.Spans);
        var prometheus = container.Resolve<MultiMetricsBackend>().Backends.OfType<PrometheusMetricsBackend>().Single();
        Assert.Empty(OpenMetricsExemplar.Parse(prometheus.GetMetricsOutput(MetricsExpositionFormat.OpenMetrics)));
        Assert.Equal(1, container.Memory().GetCounter(
            MetricNames.FunctionCalls, ("function", "ChannelPublisher.Publish"), ("status", "success"), ("audience", "Private"), ("urgent", "true")));
    }

    [Fact]
    public async Task PrometheusExemplarsSwitchedOff_SdkListening_SpansButNoExemplar()
    {
        using var traces = new TraceExport();
        using var container = MetricsContainer.Build(
            b => b.RegisterType<ChannelPublisher>().As<IChannelPublisher>(),
            ("Metrics:Backends:Prometheus:Enabled", "true"),
            ("Metrics:Backends:Prometheus:Exemplars", "false"));

        await CallEveryFamilyAsync(container.Resolve<IChannelPublisher>());

        Assert.Equal(4, traces.Spans.Count);
        var prometheus = container.Resolve<MultiMetricsBackend>().Backends.OfType<PrometheusMetricsBackend>().Single();
        Assert.Empty(OpenMetricsExemplar.Parse(prometheus.GetMetricsOutput(MetricsExpositionFormat.OpenMetrics)));
    }

    private static (string Function, string Metric, string Label)[] Calls { get; } =
    [
        ("ChannelPublisher.Publish", MetricNames.FunctionDuration, "function"),
        ("ChannelPublisher.PublishAsync", MetricNames.FunctionDuration, "function"),
        ("save_post", MetricNames.DatabaseQueryDuration, "operation"),
        ("ChannelPublisher.ReadAsync", MetricNames.FunctionDuration, "function"),
    ];

    // Sync; a task completed on a thread-pool thread; a value task relayed from a thread-pool thread; a stream.
    private static async Task CallEveryFamilyAsync(IChannelPublisher publisher)
    {
        Assert.Equal(1, publisher.Publish(Audience.Private, urgent: true, 0));
        Assert.Equal(2, await publisher.PublishAsync(Audience.Group, 0, yield: true));
        Assert.Equal(0, await publisher.SaveAsync(Audience.Public, 0));
        await foreach (var item in publisher.ReadAsync(Audience.Public, 2))
        {
            Assert.InRange(item, 0, 1);
        }

        Assert.Null(Activity.Current);
    }

    private static List<(ActivityTraceId TraceId, ActivitySpanId SpanId)> ExemplarsOf(List<Metric> exported, string metric, string label, string value)
    {
        var found = new List<(ActivityTraceId, ActivitySpanId)>();
        foreach (var point in exported.Where(m => m.Name == metric).SelectMany(Points))
        {
            var matches = false;
            foreach (var tag in point.Tags)
            {
                matches |= tag.Key == label && (tag.Value as string) == value;
            }

            if (matches && point.TryGetExemplars(out var exemplars))
            {
                foreach (ref readonly var exemplar in exemplars)
                {
                    found.Add((exemplar.TraceId, exemplar.SpanId));
                }
            }
        }

        return found;
    }

    private static List<MetricPoint> Points(Metric metric)
    {
        var points = new List<MetricPoint>();
        foreach (ref readonly var point in metric.GetMetricPoints())
        {
            points.Add(point);
        }

        return points;
    }
}
