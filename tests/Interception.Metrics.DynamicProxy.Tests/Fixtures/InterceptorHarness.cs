using Interception.Metrics.Proxying;
using Microsoft.Extensions.Time.Testing;

namespace Interception.Metrics.DynamicProxy.Tests.Fixtures;

/// <summary>A real interceptor and real Castle proxy over <see cref="Orders"/>, recording into memory.</summary>
public sealed class InterceptorHarness
{
    public InterceptorHarness(
        TimeProvider? time = null,
        IMetricsBackend? extraBackend = null,
        SystemMetricsService? systemMetrics = null,
        bool tracing = true,
        int cardinalityLimit = MetricsBackend.DefaultCardinalityLimit)
    {
        Time = time ?? new FakeTimeProvider();
        Memory = new InMemoryMetricsBackend(cardinalityLimit);
        var backends = extraBackend is null ? new IMetricsBackend[] { Memory } : [Memory, extraBackend];
        Collector = new MetricsCollectorService(new MultiMetricsBackend(backends, Microsoft.Extensions.Logging.Abstractions.NullLogger<MultiMetricsBackend>.Instance, cardinalityLimit));
        Interceptor = new MetricsInterceptor(Collector, systemMetrics, Log, Time, tracing);
        Factory = new MetricsProxyFactory(Interceptor);
        Target = new Orders();
        Proxy = ProxyOf<IOrders>(Target);
    }

    public TimeProvider Time { get; }

    public FakeTimeProvider FakeTime => (FakeTimeProvider)Time;

    public InMemoryMetricsBackend Memory { get; }

    public MetricsCollectorService Collector { get; }

    public MetricsInterceptor Interceptor { get; }

    public RecordingLogger<MetricsInterceptor> Log { get; } = new();

    internal MetricsProxyFactory Factory { get; }

    public Orders Target { get; }

    public IOrders Proxy { get; }

    /// <summary>A timing proxy of <paramref name="target"/> as <typeparamref name="TService"/>, made by the same factory as <see cref="Proxy"/>.</summary>
    public TService ProxyOf<TService>(object target) =>
        (TService)Factory.CreateProxy(target, [typeof(TService)], target.GetType());

    public double Calls(string function, string status) =>
        Memory.GetCounter(MetricNames.FunctionCalls, ("function", function), ("status", status));

    public MetricSample Durations(string function) =>
        Memory.GetHistogram(MetricNames.FunctionDuration, ("function", function));
}
