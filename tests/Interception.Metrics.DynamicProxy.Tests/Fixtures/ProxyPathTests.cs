namespace Interception.Metrics.DynamicProxy.Tests.Fixtures;

/// <summary>
/// Tests that run once per way of timing a component: through a Castle proxy with the interceptor, and through the
/// source-generated decorator of the fixture's type with the interceptor's plans. The assertions are the same.
/// </summary>
/// <param name="generated">Whether calls go through generated decorators.</param>
public abstract class ProxyPathTests(bool generated)
{
    /// <summary>A harness on this path.</summary>
    protected InterceptorHarness Harness(
        TimeProvider? time = null,
        IMetricsBackend? extraBackend = null,
        SystemMetricsService? systemMetrics = null,
        bool tracing = true,
        int cardinalityLimit = MetricsBackend.DefaultCardinalityLimit) =>
        new(time, extraBackend, systemMetrics, tracing, cardinalityLimit, generated);
}
