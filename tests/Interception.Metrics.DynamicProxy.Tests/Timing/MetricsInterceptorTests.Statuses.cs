using Interception.Metrics.DynamicProxy.Tests.Fixtures;

namespace Interception.Metrics.DynamicProxy.Tests.Timing;

/// <summary>
/// One status rule for every return family (an <see cref="OperationCanceledException"/> is <c>canceled</c>), and
/// the task the caller receives keeps the target's own status and exceptions.
/// </summary>
public abstract partial class MetricsInterceptorTests
{
    // Under xunit's synchronization context, continuations of a completed task are queued, not run inline: wait
    // for the returned task without observing (or, for a value task, consuming) its outcome.
    private static void WaitUntil(Func<bool> completed) =>
        Assert.True(SpinWait.SpinUntil(completed, TimeSpan.FromSeconds(10)), "timed out waiting for completion");

    [Fact]
    public async Task Intercept_CompletedValueTaskFaultedWithOperationCanceled_RecordsCanceled()
    {
        var harness = Harness();
        var thrown = new OperationCanceledException();

        var plain = harness.Proxy.RunValueAsync(ValueTask.FromException(thrown));
        var generic = harness.Proxy.GetValueAsync(ValueTask.FromException<int>(thrown));

        Assert.True(plain.IsFaulted);
        Assert.True(generic.IsFaulted);
        Assert.Same(thrown, await Assert.ThrowsAsync<OperationCanceledException>(async () => await plain));
        Assert.Same(thrown, await Assert.ThrowsAsync<OperationCanceledException>(async () => await generic));
        Assert.Equal(1, harness.Calls("Orders.RunValueAsync", "canceled"));
        Assert.Equal(1, harness.Calls("Orders.GetValueAsync", "canceled"));
        Assert.Equal(0, harness.Calls("Orders.RunValueAsync", "failed"));
        Assert.Equal(0, harness.Calls("Orders.GetValueAsync", "failed"));
    }

    [Fact]
    public void Intercept_CompletedTaskFaultedWithOperationCanceled_ReturnsItAndRecordsCanceled()
    {
        var harness = Harness();
        var faulted = Task.FromException<int>(new OperationCanceledException());

        var returned = harness.Proxy.GetAsync(faulted);

        Assert.Same(faulted, returned);
        Assert.Equal(1, harness.Calls("Orders.GetAsync", "canceled"));
    }

    [Fact]
    public void Intercept_IncompleteTaskFaultsWithOperationCanceled_StaysFaultedWithSameException()
    {
        var harness = Harness();
        var source = new TaskCompletionSource<int>();
        var thrown = new OperationCanceledException();

        var returned = harness.Proxy.GetAsync(source.Task);
        source.SetException(thrown);
        WaitUntil(() => returned.IsCompleted);

        Assert.Equal(TaskStatus.Faulted, returned.Status);
        Assert.Same(thrown, Assert.Single(returned.Exception!.InnerExceptions));
        Assert.Equal(1, harness.Calls("Orders.GetAsync", "canceled"));
    }

    [Fact]
    public void Intercept_IncompleteTaskFaultsWithSeveralExceptions_KeepsThemAll()
    {
        var harness = Harness();
        var generic = new TaskCompletionSource<int>();
        var plain = new TaskCompletionSource();
        Exception[] thrown = [new InvalidOperationException("first"), new TimeoutException("second")];

        var genericReturned = harness.Proxy.GetAsync(generic.Task);
        var plainReturned = harness.Proxy.RunAsync(plain.Task);
        generic.SetException(thrown);
        plain.SetException(thrown);
        WaitUntil(() => genericReturned.IsCompleted && plainReturned.IsCompleted);

        Assert.Equal(TaskStatus.Faulted, genericReturned.Status);
        Assert.Equal(thrown, genericReturned.Exception!.InnerExceptions);
        Assert.Equal(TaskStatus.Faulted, plainReturned.Status);
        Assert.Equal(thrown, plainReturned.Exception!.InnerExceptions);
        Assert.Equal(1, harness.Calls("Orders.GetAsync", "failed"));
        Assert.Equal(1, harness.Calls("Orders.RunAsync", "failed"));
    }

    [Fact]
    public async Task Intercept_IncompleteTaskCanceledByItsOwnException_RethrowsSameInstanceWithToken()
    {
        var harness = Harness();
        using var cancellation = new CancellationTokenSource();
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        async Task<int> CanceledAsync()
        {
            await gate.Task;
            cancellation.Token.ThrowIfCancellationRequested();
            return 1;
        }

        var target = CanceledAsync();
        var returned = harness.Proxy.GetAsync(target);
        await cancellation.CancelAsync();
        gate.SetResult();

        var expected = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => target);
        var caught = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => returned);
        Assert.Same(expected, caught);
        Assert.Equal(cancellation.Token, caught.CancellationToken);
        Assert.True(returned.IsCanceled);
        Assert.Equal(1, harness.Calls("Orders.GetAsync", "canceled"));
    }

    [Fact]
    public async Task Intercept_IncompleteValueTaskFaultsWithOperationCanceled_StaysFaultedAndRecordsCanceled()
    {
        var harness = Harness();
        var generic = new TaskCompletionSource<int>();
        var plain = new TaskCompletionSource();
        var thrown = new OperationCanceledException();

        var genericReturned = harness.Proxy.GetValueAsync(new ValueTask<int>(generic.Task));
        var plainReturned = harness.Proxy.RunValueAsync(new ValueTask(plain.Task));
        generic.SetException(thrown);
        plain.SetException(thrown);
        WaitUntil(() => genericReturned.IsCompleted && plainReturned.IsCompleted);

        Assert.True(genericReturned.IsFaulted);
        Assert.False(genericReturned.IsCanceled);
        Assert.True(plainReturned.IsFaulted);
        Assert.False(plainReturned.IsCanceled);
        Assert.Same(thrown, await Assert.ThrowsAsync<OperationCanceledException>(async () => await genericReturned));
        Assert.Same(thrown, await Assert.ThrowsAsync<OperationCanceledException>(async () => await plainReturned));
        Assert.Equal(1, harness.Calls("Orders.GetValueAsync", "canceled"));
        Assert.Equal(1, harness.Calls("Orders.RunValueAsync", "canceled"));
    }

    [Fact]
    public async Task Intercept_IncompleteValueTaskCanceled_StaysCanceledWithSameException()
    {
        var harness = Harness();
        var source = new SingleUseValueTaskSource<int>();
        var thrown = new OperationCanceledException();

        var returned = harness.Proxy.GetValueAsync(source.Task);
        source.SetException(thrown);
        WaitUntil(() => returned.IsCompleted);

        Assert.True(returned.IsCanceled);
        Assert.Same(thrown, await Assert.ThrowsAsync<OperationCanceledException>(async () => await returned));
        Assert.Equal(1, source.Reads);
        Assert.Equal(1, harness.Calls("Orders.GetValueAsync", "canceled"));
    }

    [Fact]
    public async Task Intercept_AsyncStreamThrowsOperationCanceled_RecordsCanceled()
    {
        var harness = Harness();
        var thrown = new OperationCanceledException();

        async IAsyncEnumerable<int> Produce()
        {
            yield return 1;
            await Task.Yield();
            throw thrown;
        }

        var caught = await Assert.ThrowsAsync<OperationCanceledException>(async () =>
        {
            await foreach (var item in harness.Proxy.StreamAsync(Produce()))
            {
                Assert.Equal(1, item);
            }
        });

        Assert.Same(thrown, caught);
        Assert.Equal(1, harness.Calls("Orders.StreamAsync", "canceled"));
        Assert.Equal(0, harness.Calls("Orders.StreamAsync", "failed"));
    }
}
