using System.Reflection;
using Interception.Metrics.Proxying;
using Interception.Metrics.Timing.Decorators;
using Microsoft.Extensions.Time.Testing;

namespace Interception.Metrics.DynamicProxy.Tests.Fixtures;

/// <summary>
/// A real interceptor over <see cref="Orders"/>, recording into memory, reached through a real Castle proxy or, when
/// <c>generated</c>, through the source-generated decorator of the target's type with the interceptor's plans.
/// </summary>
public sealed class InterceptorHarness
{
    public InterceptorHarness(
        TimeProvider? time = null,
        IMetricsBackend? extraBackend = null,
        SystemMetricsService? systemMetrics = null,
        bool tracing = true,
        int cardinalityLimit = MetricsBackend.DefaultCardinalityLimit,
        bool generated = false)
    {
        Generated = generated;
        Time = time ?? new FakeTimeProvider();
        Memory = new InMemoryMetricsBackend(cardinalityLimit);
        var backends = extraBackend is null ? new IMetricsBackend[] { Memory } : [Memory, extraBackend];
        Collector = new MetricsCollectorService(new MultiMetricsBackend(backends, Microsoft.Extensions.Logging.Abstractions.NullLogger<MultiMetricsBackend>.Instance, cardinalityLimit));
        Interceptor = new MetricsInterceptor(Collector, systemMetrics, Log, Time, tracing);
        Factory = new MetricsProxyFactory(Interceptor);
        Target = new Orders();
        Proxy = ProxyOf<IOrders>(Target);
    }

    /// <summary>Whether calls go through generated decorators rather than Castle proxies.</summary>
    public bool Generated { get; }

    public TimeProvider Time { get; }

    public FakeTimeProvider FakeTime => (FakeTimeProvider)Time;

    public InMemoryMetricsBackend Memory { get; }

    public MetricsCollectorService Collector { get; }

    public MetricsInterceptor Interceptor { get; }

    public RecordingLogger<MetricsInterceptor> Log { get; } = new();

    internal MetricsProxyFactory Factory { get; }

    public Orders Target { get; }

    public IOrders Proxy { get; }

    /// <summary>A timing proxy (or generated decorator) of <paramref name="target"/> as <typeparamref name="TService"/>, made as <see cref="Proxy"/> is.</summary>
    public TService ProxyOf<TService>(object target)
    {
        if (!Generated)
        {
            return (TService)Factory.CreateProxy(target, [typeof(TService)], target.GetType());
        }

        var type = target.GetType();
        var factory = type.Assembly.GetCustomAttributes<GeneratedTimingDecoratorAttribute>()
            .Select(a => (TimingDecoratorFactory)Activator.CreateInstance(a.FactoryType)!)
            .SingleOrDefault(f => f.ImplementationType == type)
            ?? throw new InvalidOperationException($"{type.FullName} has no generated timing decorator.");
        var methods = factory.Methods();
        return (TService)factory.Create(target, new TimerSlots(methods.Length, slot => Interceptor.GetTimer(type, methods[slot])));
    }

    public double Calls(string function, string status) =>
        Memory.GetCounter(MetricNames.FunctionCalls, ("function", function), ("status", status));

    public MetricSample Durations(string function) =>
        Memory.GetHistogram(MetricNames.FunctionDuration, ("function", function));
}
