using Interception.Metrics.DynamicProxy.Tests.Fixtures;

namespace Interception.Metrics.DynamicProxy.Tests.Timing;

public abstract partial class MetricsInterceptorTests(bool generated) : ProxyPathTests(generated)
{
    /// <summary>On generated decorators.</summary>
    public sealed class OnGeneratedDecorators() : MetricsInterceptorTests(generated: true);

    /// <summary>On Castle proxies.</summary>
    public sealed class OnDynamicProxy() : MetricsInterceptorTests(generated: false);

    [Fact]
    public void Intercept_SyncReturn_ReturnsTargetResultAndRecordsSuccess()
    {
        var harness = Harness();

        Assert.Equal(42, harness.Proxy.Count(21));

        Assert.Equal(1, harness.Calls("Orders.Count", "success"));
        Assert.Equal(0, harness.Calls("Orders.Count", "failed"));
        Assert.Equal(1, harness.Durations("Orders.Count").Count);
    }

    [Fact]
    public void Intercept_VoidMethod_RecordsSuccess()
    {
        var harness = Harness();

        harness.Proxy.Touch();

        Assert.Equal(1, harness.Calls("Orders.Touch", "success"));
    }

    [Fact]
    public void Intercept_SyncThrow_RethrowsSameInstanceSynchronouslyWithOriginalStackAndRecordsFailed()
    {
        var harness = Harness();
        var thrown = new InvalidOperationException("boom");

        var caught = Assert.Throws<InvalidOperationException>(() => harness.Proxy.Throw(thrown));

        Assert.Same(thrown, caught);
        Assert.Contains(nameof(Orders.Throw), caught.StackTrace, StringComparison.Ordinal);
        Assert.Equal(1, harness.Calls("Orders.Throw", "failed"));
        Assert.Equal(0, harness.Calls("Orders.Throw", "success"));
    }

    [Fact]
    public void Intercept_SyncOperationCanceled_RecordsCanceled()
    {
        var harness = Harness();
        var thrown = new OperationCanceledException();

        Assert.Same(thrown, Assert.Throws<OperationCanceledException>(() => harness.Proxy.Throw(thrown)));

        Assert.Equal(1, harness.Calls("Orders.Throw", "canceled"));
        Assert.Equal(0, harness.Calls("Orders.Throw", "failed"));
    }

    [Fact]
    public void Intercept_UntimedMethod_ProceedsWithoutRecording()
    {
        var harness = Harness();

        Assert.Equal(1, harness.Proxy.Untimed());
        Assert.Equal(2, harness.Proxy.Untimed());

        Assert.Empty(harness.Memory.GetSamples(MetricNames.FunctionCalls));
    }
}
