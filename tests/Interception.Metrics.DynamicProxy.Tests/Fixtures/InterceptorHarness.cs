using Interception.Metrics.Proxying;
using Microsoft.Extensions.Time.Testing;

namespace Interception.Metrics.DynamicProxy.Tests.Fixtures;

/// <summary>A real interceptor and real Castle proxy over <see cref="Orders"/>, recording into memory.</summary>
public sealed class InterceptorHarness
{
    public InterceptorHarness(TimeProvider? time = null, IMetricsBackend? extraBackend = null, SystemMetricsService? systemMetrics = null)
    {
        Time = time ?? new FakeTimeProvider();
        Memory = new InMemoryMetricsBackend();
        var backends = extraBackend is null ? new IMetricsBackend[] { Memory } : [Memory, extraBackend];
        Collector = new MetricsCollectorService(new MultiMetricsBackend(backends));
        Interceptor = new MetricsInterceptor(Collector, systemMetrics, timeProvider: Time);
        Target = new Orders();
        Proxy = (IOrders)new MetricsProxyFactory(Interceptor).CreateProxy(Target, [typeof(IOrders)], typeof(Orders));
    }

    public TimeProvider Time { get; }

    public FakeTimeProvider FakeTime => (FakeTimeProvider)Time;

    public InMemoryMetricsBackend Memory { get; }

    public MetricsCollectorService Collector { get; }

    public MetricsInterceptor Interceptor { get; }

    public Orders Target { get; }

    public IOrders Proxy { get; }

    public double Calls(string function, string status) =>
        Memory.GetCounter(MetricNames.FunctionCalls, ("function", function), ("status", status));

    public MetricSample Durations(string function) =>
        Memory.GetHistogram(MetricNames.FunctionDuration, ("function", function));
}
