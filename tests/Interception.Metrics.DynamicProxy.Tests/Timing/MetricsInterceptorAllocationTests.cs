using Castle.DynamicProxy;
using Interception.Metrics.DynamicProxy.Tests.Fixtures;

namespace Interception.Metrics.DynamicProxy.Tests.Timing;

/// <summary>
/// The interceptor allocates nothing of its own on a synchronous call or an already completed task: per call it
/// allocates exactly what a Castle proxy with a pass-through interceptor allocates (the invocation).
/// </summary>
public class MetricsInterceptorAllocationTests
{
    private const int Calls = 10_000;

    [Fact]
    public void Intercept_SyncMethod_AllocatesNoMoreThanCastlePassThrough()
    {
        var timed = new InterceptorHarness(TimeProvider.System).Proxy;
        var passThrough = PassThroughProxy();

        var ours = BytesPerCall(() => timed.Count(1));
        var castle = BytesPerCall(() => passThrough.Count(1));

        Assert.Equal(castle, ours);
    }

    [Fact]
    public void Intercept_CompletedTask_AllocatesNoMoreThanCastlePassThrough()
    {
        var timed = new InterceptorHarness(TimeProvider.System).Proxy;
        var passThrough = PassThroughProxy();
        var completed = Task.FromResult(1);

        var ours = BytesPerCall(() => timed.GetAsync(completed));
        var castle = BytesPerCall(() => passThrough.GetAsync(completed));

        Assert.Equal(castle, ours);
    }

    private static IOrders PassThroughProxy() =>
        new ProxyGenerator().CreateInterfaceProxyWithTarget<IOrders>(new Orders(), new PassThroughInterceptor());

    private static long BytesPerCall(Action call)
    {
        // Warm up: first calls build plans, bind series and let the JIT settle.
        for (var i = 0; i < 2_000; i++)
        {
            call();
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < Calls; i++)
        {
            call();
        }

        return (GC.GetAllocatedBytesForCurrentThread() - before) / Calls;
    }
}
