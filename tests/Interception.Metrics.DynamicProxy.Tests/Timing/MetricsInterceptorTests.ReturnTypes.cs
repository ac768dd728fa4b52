using Interception.Metrics.DynamicProxy.Tests.Fixtures;

namespace Interception.Metrics.DynamicProxy.Tests.Timing;

/// <summary>Return types beyond the task, value task and async stream families.</summary>
public abstract partial class MetricsInterceptorTests
{
    [Fact]
    public async Task Intercept_TaskSubclassReturnType_ReturnsSameTaskAndTimesUntilCompletion()
    {
        var harness = Harness();
        var shapes = harness.ProxyOf<IShapes>(new Shapes());
        var task = new DeferredTask(() => 5);

        var returned = shapes.Deferred(task);

        Assert.Same(task, returned);
        Assert.Equal(0, harness.Calls("Shapes.Deferred", "success"));
        harness.FakeTime.Advance(TimeSpan.FromSeconds(2));
        task.RunSynchronously();

        Assert.Equal(5, await returned);

        // The caller holds the target's own task, so the recording runs as one of its continuations: it may land
        // just after the caller resumes.
        Assert.True(SpinWait.SpinUntil(() => harness.Calls("Shapes.Deferred", "success") == 1, TimeSpan.FromSeconds(10)));
        Assert.Equal(2.0, harness.Durations("Shapes.Deferred").Sum, 6);
        Assert.Empty(harness.Log.Messages);
    }

    [Fact]
    public async Task Intercept_CustomAwaitableReturnType_TimedUntilItReturnsWithWarningNamingIt()
    {
        var harness = Harness();
        var shapes = harness.ProxyOf<IShapes>(new Shapes());
        var source = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);

        var returned = shapes.Configured(source.Task);
        var again = shapes.Configured(source.Task);
        source.SetResult(4);

        Assert.Equal(4, await returned);
        Assert.Equal(4, await again);
        Assert.Equal(2, harness.Calls("Shapes.Configured", "success"));
        var warning = Assert.Single(harness.Log.Messages);
        Assert.Contains(typeof(Shapes).FullName + ".Configured", warning, StringComparison.Ordinal);
        Assert.Contains("ConfiguredTaskAwaitable", warning, StringComparison.Ordinal);
        Assert.Contains("until it returns", warning, StringComparison.Ordinal);
    }
}
