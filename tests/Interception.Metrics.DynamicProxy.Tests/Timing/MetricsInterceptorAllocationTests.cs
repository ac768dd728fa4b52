using Castle.DynamicProxy;
using Interception.Metrics.DynamicProxy.Tests.Fixtures;
using Xunit.Abstractions;

namespace Interception.Metrics.DynamicProxy.Tests.Timing;

/// <summary>
/// The interceptor allocates nothing of its own on a synchronous call or an already completed task: per call it
/// allocates exactly what a Castle proxy with a pass-through interceptor allocates (the invocation), with tracing on
/// and nobody listening, with argument labels and with an in-progress gauge. An incomplete task costs one small
/// completion wrapper; an incomplete value task only the box of the value task it returns.
/// </summary>
public class MetricsInterceptorAllocationTests(ITestOutputHelper output)
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

    [Fact]
    public void Intercept_IncompleteTask_AllocatesOneSmallCompletionWrapper()
    {
        var timed = new InterceptorHarness(TimeProvider.System).Proxy;
        var passThrough = PassThroughProxy();

        var ours = BytesPerCall(() => CompleteAfterCall(timed));
        var castle = BytesPerCall(() => CompleteAfterCall(passThrough));
        output.WriteLine($"incomplete Task<int>: ours {ours} B, Castle pass-through {castle} B per call");

        Assert.InRange(ours - castle, 1, 256);
    }

    [Fact]
    public void Intercept_IncompleteValueTask_AllocatesOnlyTheBoxOfTheValueTaskItReturns()
    {
        var timed = new InterceptorHarness(TimeProvider.System).Proxy;
        var passThrough = PassThroughProxy();
        var source = new ReusableValueTaskSource();

        var ours = BytesPerCall(() => CompleteAfterCall(timed, source));
        var castle = BytesPerCall(() => CompleteAfterCall(passThrough, source));
        output.WriteLine($"incomplete ValueTask<int>: ours {ours} B, Castle pass-through {castle} B per call");

        // Castle boxes the target's value task into the invocation; the interceptor boxes the one it returns.
        Assert.Equal(castle + BoxedValueTaskSize(), ours);
    }

    [Fact]
    public void Intercept_EnumAndBoolArgumentLabels_AllocatesNoMoreThanCastlePassThrough()
    {
        var timed = new InterceptorHarness(TimeProvider.System).ProxyOf<IObserved>(new Observed());
        var passThrough = new ProxyGenerator().CreateInterfaceProxyWithTarget<IObserved>(new Observed(), new PassThroughInterceptor());

        // Castle boxes the enum and the bool for both; finding the label set's series allocates nothing more.
        var ours = BytesPerCall(() => timed.Publish(ChannelType.Group, true, "body"));
        var castle = BytesPerCall(() => passThrough.Publish(ChannelType.Group, true, "body"));

        Assert.Equal(castle, ours);
    }

    [Fact]
    public void Intercept_TrackInProgress_AllocatesNoMoreThanCastlePassThrough()
    {
        var timed = new InterceptorHarness(TimeProvider.System).ProxyOf<IObserved>(new Observed());
        var passThrough = new ProxyGenerator().CreateInterfaceProxyWithTarget<IObserved>(new Observed(), new PassThroughInterceptor());
        Func<int> body = static () => 1;

        var ours = BytesPerCall(() => timed.Work(body));
        var castle = BytesPerCall(() => passThrough.Work(body));

        Assert.Equal(castle, ours);
    }

    private static IOrders PassThroughProxy() =>
        new ProxyGenerator().CreateInterfaceProxyWithTarget<IOrders>(new Orders(), new PassThroughInterceptor());

    private static void CompleteAfterCall(IOrders orders)
    {
        var source = new TaskCompletionSource<int>();
        var returned = orders.GetAsync(source.Task);
        source.SetResult(1);
        _ = returned.GetAwaiter().GetResult();
    }

    private static void CompleteAfterCall(IOrders orders, ReusableValueTaskSource source)
    {
        var returned = orders.GetValueAsync(source.Next());
        source.SetResult(1);
        _ = returned.GetAwaiter().GetResult();
    }

    private static long BoxedValueTaskSize()
    {
        object? box = null;
        var before = GC.GetAllocatedBytesForCurrentThread();
        box = new ValueTask<int>(1);
        var size = GC.GetAllocatedBytesForCurrentThread() - before;
        GC.KeepAlive(box);
        return size;
    }

    private static long BytesPerCall(Action call)
    {
        // Without a synchronization context a completed task runs its continuations inline, so everything a call
        // allocates (the recording included) is allocated on this thread and counted.
        var context = SynchronizationContext.Current;
        SynchronizationContext.SetSynchronizationContext(null);
        try
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
        finally
        {
            SynchronizationContext.SetSynchronizationContext(context);
        }
    }
}
