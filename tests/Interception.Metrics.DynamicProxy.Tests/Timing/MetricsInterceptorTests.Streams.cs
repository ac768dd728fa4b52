using Interception.Metrics.DynamicProxy.Tests.Fixtures;

namespace Interception.Metrics.DynamicProxy.Tests.Timing;

public abstract partial class MetricsInterceptorTests
{
    [Fact]
    public async Task Intercept_AsyncStream_TimesWholeEnumeration()
    {
        var harness = Harness();
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        async IAsyncEnumerable<int> Produce()
        {
            yield return 1;
            await gate.Task;
            yield return 2;
        }

        var items = new List<int>();
        var stream = harness.Proxy.StreamAsync(Produce());
        await using (var enumerator = stream.GetAsyncEnumerator())
        {
            Assert.True(await enumerator.MoveNextAsync());
            items.Add(enumerator.Current);
            Assert.Equal(0, harness.Calls("Orders.StreamAsync", "success"));
            harness.FakeTime.Advance(TimeSpan.FromSeconds(4));
            gate.SetResult();
            while (await enumerator.MoveNextAsync())
            {
                items.Add(enumerator.Current);
            }
        }

        Assert.Equal([1, 2], items);
        Assert.Equal(1, harness.Calls("Orders.StreamAsync", "success"));
        Assert.Equal(4.0, harness.Durations("Orders.StreamAsync").Sum, 6);
    }

    [Fact]
    public async Task Intercept_AsyncStreamFaults_RethrowsSameExceptionAndRecordsFailed()
    {
        var harness = Harness();
        var thrown = new InvalidOperationException("stream broke");

        async IAsyncEnumerable<int> Produce()
        {
            yield return 1;
            await Task.Yield();
            throw thrown;
        }

        var caught = await Assert.ThrowsAsync<InvalidOperationException>(async () =>
        {
            await foreach (var item in harness.Proxy.StreamAsync(Produce()))
            {
                Assert.Equal(1, item);
            }
        });

        Assert.Same(thrown, caught);
        Assert.Equal(1, harness.Calls("Orders.StreamAsync", "failed"));
        Assert.Equal(0, harness.Calls("Orders.StreamAsync", "success"));
    }

    [Fact]
    public async Task Intercept_AsyncStreamDisposedEarly_RecordsOneSuccessAndDisposesInner()
    {
        var harness = Harness();
        var disposed = false;

        async IAsyncEnumerable<int> Produce()
        {
            try
            {
                for (var i = 0; ; i++)
                {
                    await Task.Yield();
                    yield return i;
                }
            }
            finally
            {
                disposed = true;
            }
        }

        await foreach (var item in harness.Proxy.StreamAsync(Produce()))
        {
            if (item == 2)
            {
                break;
            }
        }

        Assert.True(disposed);
        Assert.Equal(1, harness.Calls("Orders.StreamAsync", "success"));
        Assert.Equal(1, harness.Durations("Orders.StreamAsync").Count);
    }

    [Fact]
    public async Task Intercept_AsyncStreamEnumeratedTwice_RecordsOneCallPerEnumeration()
    {
        var harness = Harness();
        var runs = 0;

        async IAsyncEnumerable<int> Produce()
        {
            runs++;
            await Task.Yield();
            yield return runs;
        }

        var stream = harness.Proxy.StreamAsync(Produce());
        await foreach (var item in stream)
        {
            Assert.Equal(1, item);
        }

        await foreach (var item in stream)
        {
            Assert.Equal(2, item);
        }

        Assert.Equal(2, runs);
        Assert.Equal(2, harness.Calls("Orders.StreamAsync", "success"));
        Assert.Equal(2, harness.Durations("Orders.StreamAsync").Count);
    }

    [Fact]
    public void Intercept_AsyncStreamNeverEnumerated_RecordsNothing()
    {
        var harness = Harness();
        var runs = 0;

        async IAsyncEnumerable<int> Produce()
        {
            runs++;
            await Task.Yield();
            yield return 1;
        }

        var stream = harness.Proxy.StreamAsync(Produce());

        Assert.NotNull(stream);
        Assert.Equal(0, runs);
        Assert.Equal(0, harness.Calls("Orders.StreamAsync", "success"));
        Assert.Equal(0, harness.Durations("Orders.StreamAsync").Count);
    }
}
