using Autofac;
using Autofac.Core;
using Interception.Metrics.Autofac.Tests.TestSupport;
using Interception.Metrics.Reliability.Tests.Fixtures;
using Interception.Metrics.Reliability.Tests.TestSupport;
using Xunit.Abstractions;

namespace Interception.Metrics.Reliability.Tests.CustomMetrics;

/// <summary>
/// An application's own metrics, declared through the container's <see cref="MetricsFactory"/>, reach every configured
/// backend (Prometheus, in-memory, and the OpenTelemetry SDK reading the Meter backend) with exactly what was recorded;
/// the exposition passes <c>promtool</c>; two containers see nothing of each other's metrics.
/// </summary>
public sealed class CustomMetricsContainerTests
{
    private const int Threads = 8;
    private const int RecordingsPerThread = 50_000;
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    [PeerFact]
    public async Task Record_PrometheusInMemoryAndMeter_EveryBackendHoldsWhatWasRecordedAndPromtoolAccepts()
    {
        var meterName = "Interception.Reliability.Custom." + Guid.NewGuid().ToString("N");
        using var export = new OpenTelemetryExport(meterName);
        using var container = ThreeBackends(meterName);
        var checkout = container.Resolve<CheckoutMetrics>();

        checkout.Orders.WithLabels("eu", "card").Inc();
        checkout.Orders.WithLabels("eu", "card").Inc(2);
        checkout.Orders.WithLabels("us", "cash").Inc();
        checkout.Restarts.Inc();
        checkout.QueueDepth.WithLabels("mail").Set(10);
        checkout.QueueDepth.WithLabels("mail").Inc(5);
        checkout.QueueDepth.WithLabels("mail").Dec(2);
        checkout.QueueDepth.WithLabels("sms").Dec(4);
        foreach (var seconds in new[] { 0.05, 0.3, 0.7, 3.0 })
        {
            checkout.CheckoutSeconds.WithLabels("card").Observe(seconds);
        }

        var text = container.Resolve<MetricsCollectorService>().GetMetricsOutput();
        var prometheus = PrometheusExposition.Parse(text);
        var memory = container.Memory();
        export.Flush();

        Assert.Equal(3, prometheus.Value("shop_orders_total", ("region", "eu"), ("payment", "card")));
        Assert.Equal(1, prometheus.Value("shop_orders_total", ("region", "us"), ("payment", "cash")));
        Assert.Equal(1, prometheus.Value("shop_restarts_total"));
        Assert.Equal(13, prometheus.Value("shop_queue_depth", ("queue", "mail")));
        Assert.Equal(-4, prometheus.Value("shop_queue_depth", ("queue", "sms")));
        Assert.Equal(4, prometheus.Value("shop_checkout_duration_seconds_count", ("payment", "card")));
        Assert.Equal(4.05, prometheus.Value("shop_checkout_duration_seconds_sum", ("payment", "card")), 9);
        Assert.Equal(2, prometheus.Value("shop_checkout_duration_seconds_bucket", ("payment", "card"), ("le", "0.5")));

        Assert.Equal(3, memory.GetCounter("shop_orders_total", ("region", "eu"), ("payment", "card")));
        Assert.Equal(1, memory.GetCounter("shop_orders_total", ("region", "us"), ("payment", "cash")));
        Assert.Equal(1, memory.GetCounter("shop_restarts_total"));
        Assert.Equal(13, memory.GetGauge("shop_queue_depth", ("queue", "mail")));
        Assert.Equal(-4, memory.GetGauge("shop_queue_depth", ("queue", "sms")));
        Assert.Equal(4, memory.GetHistogram("shop_checkout_duration_seconds", ("payment", "card")).Count);
        Assert.Equal(4.05, memory.GetHistogram("shop_checkout_duration_seconds", ("payment", "card")).Sum, 9);

        Assert.Equal(3, Point(export.CounterPoints("shop_orders_total"), ("region", "eu"), ("payment", "card")));
        Assert.Equal(1, Point(export.CounterPoints("shop_orders_total"), ("region", "us"), ("payment", "cash")));
        Assert.Equal(1, Point(export.CounterPoints("shop_restarts_total")));
        Assert.Equal(13, Point(export.GaugePoints("shop_queue_depth"), ("queue", "mail")));
        Assert.Equal(-4, Point(export.GaugePoints("shop_queue_depth"), ("queue", "sms")));
        Assert.Equal(4, Point(export.HistogramCounts("shop_checkout_duration_seconds"), ("payment", "card")));
        Assert.Equal(4.05, Point(export.HistogramSums("shop_checkout_duration_seconds"), ("payment", "card")), 9);

        var promtool = ExternalTool.Find("promtool");
        var result = await ProcessRunner.RunAsync(promtool, ["check", "metrics"], text, Timeout);
        Assert.True(
            result.ExitCode == 0 && result.StandardOutput.Trim().Length == 0 && result.StandardError.Trim().Length == 0,
            $"promtool check metrics reported problems: {result}{Environment.NewLine}{text}");
    }

    [Fact]
    public void Record_EightThreadsOnOneBoundChildOfEachKind_ExactInEveryBackend()
    {
        var meterName = "Interception.Reliability.CustomLoad." + Guid.NewGuid().ToString("N");
        using var export = new OpenTelemetryExport(meterName);
        using var container = ThreeBackends(meterName);
        var checkout = container.Resolve<CheckoutMetrics>();
        var orders = checkout.Orders.WithLabels("eu", "card");
        var depth = checkout.QueueDepth.WithLabels("mail");
        var seconds = checkout.CheckoutSeconds.WithLabels("card");

        using var start = new Barrier(Threads);
        var threads = Enumerable.Range(0, Threads).Select(_ => new Thread(() =>
        {
            start.SignalAndWait();
            for (var i = 0; i < RecordingsPerThread; i++)
            {
                orders.Inc();
                depth.Inc();
                seconds.Observe(0.25);
            }
        })).ToArray();
        foreach (var thread in threads)
        {
            thread.Start();
        }

        Assert.All(threads, thread => Assert.True(thread.Join(TimeSpan.FromMinutes(2))));

        const int Total = Threads * RecordingsPerThread;
        var prometheus = PrometheusExposition.Parse(container.Resolve<MetricsCollectorService>().GetMetricsOutput());
        var memory = container.Memory();
        export.Flush();
        Assert.Equal(Total, prometheus.Value("shop_orders_total", ("region", "eu"), ("payment", "card")));
        Assert.Equal(Total, prometheus.Value("shop_queue_depth", ("queue", "mail")));
        Assert.Equal(Total, prometheus.Value("shop_checkout_duration_seconds_count", ("payment", "card")));
        Assert.Equal(Total * 0.25, prometheus.Value("shop_checkout_duration_seconds_sum", ("payment", "card")));
        Assert.Equal(Total, memory.GetCounter("shop_orders_total", ("region", "eu"), ("payment", "card")));
        Assert.Equal(Total, memory.GetGauge("shop_queue_depth", ("queue", "mail")));
        Assert.Equal(Total, memory.GetHistogram("shop_checkout_duration_seconds", ("payment", "card")).Count);
        Assert.Equal(Total * 0.25, memory.GetHistogram("shop_checkout_duration_seconds", ("payment", "card")).Sum);
        Assert.Equal(Total, Point(export.CounterPoints("shop_orders_total"), ("region", "eu"), ("payment", "card")));
        Assert.Equal(Total, Point(export.GaugePoints("shop_queue_depth"), ("queue", "mail")));
        Assert.Equal(Total, Point(export.HistogramCounts("shop_checkout_duration_seconds"), ("payment", "card")));
        Assert.Equal(Total * 0.25, Point(export.HistogramSums("shop_checkout_duration_seconds"), ("payment", "card")));
        Assert.Equal(Total, depth.Value);
    }

    [Fact]
    public void Record_TwoContainers_NeitherSeesTheOthersMetrics()
    {
        var firstMeter = "Interception.Reliability.CustomFirst." + Guid.NewGuid().ToString("N");
        var secondMeter = "Interception.Reliability.CustomSecond." + Guid.NewGuid().ToString("N");
        using var firstExport = new OpenTelemetryExport(firstMeter);
        using var secondExport = new OpenTelemetryExport(secondMeter);
        using var first = ThreeBackends(firstMeter);
        using var second = ThreeBackends(secondMeter);

        first.Resolve<CheckoutMetrics>().Orders.WithLabels("eu", "card").Inc(3);
        var secondFactory = second.Resolve<MetricsFactory>();

        // The same name with another shape is no conflict in another container: nothing is shared.
        secondFactory.CreateGauge("shop_orders_total", "A gauge in this container.", "shop").WithLabels("berlin").Set(7);
        secondFactory.CreateCounter("shop_refunds_total", "Refunds.").Inc();

        Assert.NotSame(first.Resolve<MetricsFactory>(), secondFactory);
        var firstText = first.Resolve<MetricsCollectorService>().GetMetricsOutput();
        var secondText = second.Resolve<MetricsCollectorService>().GetMetricsOutput();
        Assert.Contains("# TYPE shop_orders_total counter", firstText, StringComparison.Ordinal);
        Assert.Contains("# TYPE shop_orders_total gauge", secondText, StringComparison.Ordinal);
        Assert.DoesNotContain("shop_refunds_total", firstText, StringComparison.Ordinal);
        Assert.DoesNotContain("berlin", firstText, StringComparison.Ordinal);
        Assert.DoesNotContain("region=", secondText, StringComparison.Ordinal);
        Assert.Equal(3, first.Memory().GetCounter("shop_orders_total", ("region", "eu"), ("payment", "card")));
        Assert.Empty(first.Memory().GetSamples("shop_refunds_total"));
        Assert.Equal(7, second.Memory().GetGauge("shop_orders_total", ("shop", "berlin")));
        Assert.DoesNotContain(second.Memory().GetSamples("shop_orders_total"), s => s.Labels.ContainsKey("region"));

        firstExport.Flush();
        secondExport.Flush();
        Assert.Equal(3, Point(firstExport.CounterPoints("shop_orders_total"), ("region", "eu"), ("payment", "card")));
        Assert.Empty(firstExport.CounterPoints("shop_refunds_total"));
        Assert.Equal(7, Assert.Single(secondExport.GaugePoints("shop_orders_total")).Value);
        Assert.Equal("berlin", Assert.Single(secondExport.GaugePoints("shop_orders_total")).Tags["shop"]);
    }

    [Fact]
    public void Resolve_ServiceDeclaringACatalogueName_FailsAtConstructionNamingIt()
    {
        using var container = MetricsContainer.Build(b => b.RegisterType<ReservedNameMetrics>());

        var exception = Assert.Throws<DependencyResolutionException>(() => container.Resolve<ReservedNameMetrics>());

        var reason = Assert.IsType<ArgumentException>(Innermost(exception));
        Assert.Contains("'function_calls_total' is reserved", reason.Message, StringComparison.Ordinal);
    }

    private static IContainer ThreeBackends(string meterName) =>
        MetricsContainer.Build(
            b => b.RegisterType<CheckoutMetrics>().SingleInstance(),
            ("Metrics:Backends:Prometheus:Enabled", "true"),
            ("Metrics:Backends:Meter:Enabled", "true"),
            ("Metrics:Backends:Meter:MeterName", meterName));

    private static Exception Innermost(Exception exception) =>
        exception.InnerException is null ? exception : Innermost(exception.InnerException);

    private static double Point(IReadOnlyList<(IReadOnlyDictionary<string, string> Tags, double Value)> points, params (string Name, string Value)[] tags) =>
        Assert.Single(points, p => p.Tags.Count == tags.Length && tags.All(t => p.Tags.TryGetValue(t.Name, out var v) && v == t.Value)).Value;
}
