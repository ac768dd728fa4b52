using Interception.Metrics.DynamicProxy.Tests.Fixtures;

namespace Interception.Metrics.DynamicProxy.Tests.Timing;

public abstract partial class MetricsInterceptorTests
{
    [Fact]
    public async Task Intercept_CompletedValueTask_RecordsSuccess()
    {
        var harness = Harness();

        Assert.Equal(8, await harness.Proxy.GetValueAsync(ValueTask.FromResult(8)));
        await harness.Proxy.RunValueAsync(ValueTask.CompletedTask);

        Assert.Equal(1, harness.Calls("Orders.GetValueAsync", "success"));
        Assert.Equal(1, harness.Calls("Orders.RunValueAsync", "success"));
    }

    [Fact]
    public async Task Intercept_PooledValueTaskSource_AwaitsOnceAndTimesUntilCompletion()
    {
        var harness = Harness();
        var source = new SingleUseValueTaskSource<int>();

        var returned = harness.Proxy.GetValueAsync(source.Task);
        harness.FakeTime.Advance(TimeSpan.FromSeconds(3));
        source.SetResult(12);

        Assert.Equal(12, await returned);
        Assert.Equal(1, source.Reads);
        Assert.Equal(1, harness.Calls("Orders.GetValueAsync", "success"));
        Assert.Equal(3.0, harness.Durations("Orders.GetValueAsync").Sum, 6);
    }

    [Fact]
    public async Task Intercept_PooledNonGenericValueTaskSource_AwaitsOnce()
    {
        var harness = Harness();
        var source = new SingleUseValueTaskSource<bool>();

        var returned = harness.Proxy.RunValueAsync(source.PlainTask);
        source.SetResult(true);
        await returned;

        Assert.Equal(1, source.Reads);
        Assert.Equal(1, harness.Calls("Orders.RunValueAsync", "success"));
    }

    [Fact]
    public async Task Intercept_ValueTaskFaults_RethrowsSameExceptionAndRecordsFailed()
    {
        var harness = Harness();
        var source = new SingleUseValueTaskSource<int>();
        var thrown = new TimeoutException();

        var returned = harness.Proxy.GetValueAsync(source.Task);
        source.SetException(thrown);

        Assert.Same(thrown, await Assert.ThrowsAsync<TimeoutException>(async () => await returned));
        Assert.Equal(1, source.Reads);
        Assert.Equal(1, harness.Calls("Orders.GetValueAsync", "failed"));
    }

    [Fact]
    public async Task Intercept_ValueTaskCanceled_RecordsCanceled()
    {
        var harness = Harness();
        var source = new SingleUseValueTaskSource<int>();

        var returned = harness.Proxy.GetValueAsync(source.Task);
        source.SetException(new OperationCanceledException());

        await Assert.ThrowsAsync<OperationCanceledException>(async () => await returned);
        Assert.Equal(1, harness.Calls("Orders.GetValueAsync", "canceled"));
    }

    [Fact]
    public async Task Intercept_AlreadyFaultedValueTask_ReturnsItUnconsumedAndRecordsFailed()
    {
        var harness = Harness();
        var thrown = new InvalidOperationException();

        var returned = harness.Proxy.GetValueAsync(ValueTask.FromException<int>(thrown));

        Assert.Same(thrown, await Assert.ThrowsAsync<InvalidOperationException>(async () => await returned));
        Assert.Equal(1, harness.Calls("Orders.GetValueAsync", "failed"));
    }
}
