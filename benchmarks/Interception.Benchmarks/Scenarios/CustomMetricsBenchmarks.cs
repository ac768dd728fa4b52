using Autofac;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Interception.Benchmarks.Setup;
using Interception.Metrics;
using Prometheus;

namespace Interception.Benchmarks.Scenarios;

/// <summary>
/// Recording on a custom metric's bound child, from the <see cref="MetricsFactory"/> of a container whose only backend
/// is Prometheus, against prometheus-net's own bound child of the same shape. Each category has its prometheus-net
/// row as baseline: the ratio is what going through our factory and fan-out costs on top of prometheus-net.
/// </summary>
/// <remarks>
/// <c>PrometheusNet*</c> rows use a registry of their own with exemplars off, as our Prometheus backend does; the
/// <c>PrometheusNetDefaultExemplars</c> row is the same counter with prometheus-net's default exemplar behaviour, what
/// <c>Metrics.CreateCounter</c> gives an application.
/// </remarks>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class CustomMetricsBenchmarks
{
    private const string CounterInc = "Counter Inc";
    private const string HistogramObserve = "Histogram Observe";
    private const string LookupAndInc = "WithLabels + Inc";
    private const string GaugeInc = "Gauge Inc";
    private const string TimeBlock = "Time a block";
    private const double Observation = 0.042;

    private static readonly double[] Buckets = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

    private IContainer _container = null!;
    private CustomCounter _orders = null!;
    private BoundCounter _ordersChild = null!;
    private BoundHistogram _checkoutChild = null!;
    private BoundGauge _queueChild = null!;
    private Counter _peerOrders = null!;
    private Counter.Child _peerOrdersChild = null!;
    private Counter.Child _peerDefaultExemplarsChild = null!;
    private Histogram.Child _peerCheckoutChild = null!;
    private Gauge.Child _peerQueueChild = null!;

    [GlobalSetup]
    public void Setup()
    {
        _container = MetricsContainers.Build(MetricsSetup.Prometheus, _ => { });
        var factory = _container.Resolve<MetricsFactory>();
        _orders = factory.CreateCounter("shop_orders_total", "Orders.", "region", "payment");
        _ordersChild = _orders.WithLabels("eu", "card");
        _checkoutChild = factory.CreateHistogram("shop_checkout_duration_seconds", "Checkout.", Buckets, "payment").WithLabels("card");
        _queueChild = factory.CreateGauge("shop_queue_depth", "Depth.", "queue").WithLabels("mail");

        var peer = global::Prometheus.Metrics.WithCustomRegistry(global::Prometheus.Metrics.NewCustomRegistry());
        peer.ExemplarBehavior = ExemplarBehavior.NoExemplars();
        _peerOrders = peer.CreateCounter("shop_orders_total", "Orders.", "region", "payment");
        _peerOrdersChild = _peerOrders.WithLabels("eu", "card");
        _peerCheckoutChild = peer
            .CreateHistogram("shop_checkout_duration_seconds", "Checkout.", new HistogramConfiguration { LabelNames = ["payment"], Buckets = Buckets })
            .WithLabels("card");
        _peerQueueChild = peer.CreateGauge("shop_queue_depth", "Depth.", "queue").WithLabels("mail");

        var withDefaults = global::Prometheus.Metrics.WithCustomRegistry(global::Prometheus.Metrics.NewCustomRegistry());
        _peerDefaultExemplarsChild = withDefaults.CreateCounter("shop_orders_total", "Orders.", "region", "payment").WithLabels("eu", "card");
    }

    [GlobalCleanup]
    public void Cleanup() => _container.Dispose();

    [BenchmarkCategory(CounterInc)]
    [Benchmark(Baseline = true)]
    public void PrometheusNetCounterInc() => _peerOrdersChild.Inc();

    [BenchmarkCategory(CounterInc)]
    [Benchmark]
    public void PrometheusNetDefaultExemplarsCounterInc() => _peerDefaultExemplarsChild.Inc();

    [BenchmarkCategory(CounterInc)]
    [Benchmark]
    public void OursCounterInc() => _ordersChild.Inc();

    [BenchmarkCategory(HistogramObserve)]
    [Benchmark(Baseline = true)]
    public void PrometheusNetHistogramObserve() => _peerCheckoutChild.Observe(Observation);

    [BenchmarkCategory(HistogramObserve)]
    [Benchmark]
    public void OursHistogramObserve() => _checkoutChild.Observe(Observation);

    [BenchmarkCategory(LookupAndInc)]
    [Benchmark(Baseline = true)]
    public void PrometheusNetWithLabelsInc() => _peerOrders.WithLabels("eu", "card").Inc();

    [BenchmarkCategory(LookupAndInc)]
    [Benchmark]
    public void OursWithLabelsInc() => _orders.WithLabels("eu", "card").Inc();

    [BenchmarkCategory(GaugeInc)]
    [Benchmark(Baseline = true)]
    public void PrometheusNetGaugeInc() => _peerQueueChild.Inc();

    [BenchmarkCategory(GaugeInc)]
    [Benchmark]
    public void OursGaugeInc() => _queueChild.Inc();

    [BenchmarkCategory(TimeBlock)]
    [Benchmark(Baseline = true)]
    public void PrometheusNetNewTimer()
    {
        using (_peerCheckoutChild.NewTimer())
        {
        }
    }

    [BenchmarkCategory(TimeBlock)]
    [Benchmark]
    public void OursTime()
    {
        using (_checkoutChild.Time())
        {
        }
    }
}
