using Interception.Metrics.DynamicProxy.Tests.Fixtures;

namespace Interception.Metrics.DynamicProxy.Tests.Timing;

public abstract partial class MetricsInterceptorTests
{
    [Fact]
    public async Task Intercept_CompletedTask_ReturnsSameTaskAndRecordsSuccess()
    {
        var harness = Harness();
        var completed = Task.FromResult(5);

        var returned = harness.Proxy.GetAsync(completed);

        Assert.Same(completed, returned);
        Assert.Equal(5, await returned);
        Assert.Equal(1, harness.Calls("Orders.GetAsync", "success"));
    }

    [Fact]
    public async Task Intercept_IncompleteTask_ReturnsAtOnceAndTimesUntilCompletion()
    {
        var harness = Harness();
        var source = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);

        var returned = harness.Proxy.GetAsync(source.Task);

        Assert.False(returned.IsCompleted);
        Assert.Equal(0, harness.Calls("Orders.GetAsync", "success"));
        harness.FakeTime.Advance(TimeSpan.FromSeconds(2));
        source.SetResult(9);

        Assert.Equal(9, await returned);
        Assert.Equal(1, harness.Calls("Orders.GetAsync", "success"));
        var durations = harness.Durations("Orders.GetAsync");
        Assert.Equal(1, durations.Count);
        Assert.Equal(2.0, durations.Sum, 6);
    }

    [Fact]
    public async Task Intercept_NonGenericIncompleteTask_TimesUntilCompletion()
    {
        var harness = Harness();
        var source = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var returned = harness.Proxy.RunAsync(source.Task);
        harness.FakeTime.Advance(TimeSpan.FromMilliseconds(1500));
        source.SetResult();
        await returned;

        Assert.Equal(1, harness.Calls("Orders.RunAsync", "success"));
        Assert.Equal(1.5, harness.Durations("Orders.RunAsync").Sum, 6);
    }

    [Fact]
    public async Task Intercept_TaskFaults_RecordsFailedStatusAndRethrowsSameException()
    {
        var harness = Harness();
        var source = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        var thrown = new InvalidOperationException("async boom");

        var returned = harness.Proxy.GetAsync(source.Task);
        source.SetException(thrown);

        Assert.Same(thrown, await Assert.ThrowsAsync<InvalidOperationException>(() => returned));
        Assert.True(returned.IsFaulted);
        Assert.Equal(1, harness.Calls("Orders.GetAsync", "failed"));
        Assert.Equal(0, harness.Calls("Orders.GetAsync", "success"));
    }

    [Fact]
    public async Task Intercept_AlreadyFaultedTask_ReturnsItAndRecordsFailed()
    {
        var harness = Harness();
        var thrown = new InvalidOperationException();
        var faulted = Task.FromException<int>(thrown);

        var returned = harness.Proxy.GetAsync(faulted);

        Assert.Same(faulted, returned);
        Assert.Same(thrown, await Assert.ThrowsAsync<InvalidOperationException>(() => returned));
        Assert.Equal(1, harness.Calls("Orders.GetAsync", "failed"));
    }

    [Fact]
    public async Task Intercept_TaskCanceled_RecordsCanceledAndStaysCanceled()
    {
        var harness = Harness();
        var source = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var cancellation = new CancellationTokenSource();

        var returned = harness.Proxy.GetAsync(source.Task);
        await cancellation.CancelAsync();
        source.SetCanceled(cancellation.Token);

        var caught = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => returned);
        Assert.Equal(cancellation.Token, caught.CancellationToken);
        Assert.True(returned.IsCanceled);
        Assert.Equal(1, harness.Calls("Orders.GetAsync", "canceled"));
    }

    [Fact]
    public async Task Intercept_AlreadyCanceledTask_RecordsCanceled()
    {
        var harness = Harness();

        var returned = harness.Proxy.RunAsync(Task.FromCanceled(new CancellationToken(canceled: true)));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => returned);
        Assert.Equal(1, harness.Calls("Orders.RunAsync", "canceled"));
    }

    [Fact]
    public async Task Intercept_RealDelay_RecordsAtLeastTheDelay()
    {
        var harness = Harness(TimeProvider.System);

        await harness.Proxy.DelayAsync(TimeSpan.FromMilliseconds(100));

        Assert.True(harness.Durations("Orders.DelayAsync").Max >= 0.1, $"recorded {harness.Durations("Orders.DelayAsync").Max} s");
    }

    [Fact]
    public async Task Intercept_UnderSingleThreadedSynchronizationContext_DoesNotBlockOrDeadlock()
    {
        var harness = Harness();
        var context = new SingleThreadSynchronizationContext();

        // The inner operation resumes on the context's only thread: had the interceptor blocked that thread on
        // the incomplete task, the resumption could never run and the call would hang.
        var result = context.Run(async () =>
        {
            static async Task<int> InnerAsync()
            {
                await Task.Delay(20);
                return 3;
            }

            return await harness.Proxy.GetAsync(InnerAsync());
        });

        Assert.Equal(3, await result.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Equal(1, harness.Calls("Orders.GetAsync", "success"));
    }

    [Fact]
    public async Task Intercept_GenericMethods_TimesEachInstantiation()
    {
        var harness = Harness();

        Assert.Equal(4, await harness.Proxy.EchoAsync(4));
        Assert.Equal("x", await harness.Proxy.EchoAsync("x"));
        Assert.Equal(2.5, harness.Proxy.Echo(2.5));

        Assert.Equal(2, harness.Calls("Orders.EchoAsync", "success"));
        Assert.Equal(1, harness.Calls("Orders.Echo", "success"));
    }
}
