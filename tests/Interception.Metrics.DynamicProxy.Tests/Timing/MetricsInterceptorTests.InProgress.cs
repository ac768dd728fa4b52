using System.Net;
using Interception.Metrics.DynamicProxy.Tests.Fixtures;

namespace Interception.Metrics.DynamicProxy.Tests.Timing;

public abstract partial class MetricsInterceptorTests
{
    [Fact]
    public void Intercept_TrackInProgressSync_OneWhileRunningZeroAfterEvenWhenItThrows()
    {
        var harness = Harness();
        var observed = harness.ProxyOf<IObserved>(new Observed());
        double? during = null;

        Assert.Equal(9, observed.Work(() =>
        {
            during = harness.Memory.GetGauge(MetricNames.FunctionCallsInProgress, ("function", "Observed.Work"));
            return 9;
        }));
        var thrown = new InvalidOperationException("boom");
        Assert.Same(thrown, Assert.Throws<InvalidOperationException>(() => observed.Work(() => throw thrown)));
        Assert.Throws<OperationCanceledException>(() => observed.Work(() => throw new OperationCanceledException()));

        Assert.Equal(1, during);
        Assert.Equal(0, harness.Memory.GetGauge(MetricNames.FunctionCallsInProgress, ("function", "Observed.Work")));
        Assert.Equal(1, harness.Calls("Observed.Work", "failed"));
        Assert.Equal(1, harness.Calls("Observed.Work", "canceled"));
    }

    [Fact]
    public async Task Intercept_TrackInProgressTasks_CountedUntilEachCompletesFaultsOrIsCanceled()
    {
        var harness = Harness();
        var observed = harness.ProxyOf<IObserved>(new Observed());
        var succeeds = new TaskCompletionSource<int>();
        var faults = new TaskCompletionSource<int>();
        var cancels = new TaskCompletionSource<int>();
        double? Gauge() => harness.Memory.GetGauge(MetricNames.FunctionCallsInProgress, ("function", "Observed.WorkAsync"));

        var first = observed.WorkAsync(succeeds.Task);
        var second = observed.WorkAsync(faults.Task);
        var third = observed.WorkAsync(cancels.Task);
        Assert.Equal(3, Gauge());

        succeeds.SetResult(1);
        Assert.Equal(1, await first);
        Assert.Equal(2, Gauge());
        faults.SetException(new InvalidOperationException());
        await Assert.ThrowsAsync<InvalidOperationException>(() => second);
        cancels.SetCanceled();
        await Assert.ThrowsAsync<TaskCanceledException>(() => third);

        Assert.Equal(0, Gauge());
    }

    [Fact]
    public async Task Intercept_TrackInProgressValueTask_CountedUntilTheRelayedValueTaskCompletes()
    {
        var harness = Harness();
        var observed = harness.ProxyOf<IObserved>(new Observed());
        var source = new ReusableValueTaskSource();

        var pending = observed.WorkValueAsync(source.Next());
        Assert.Equal(1, harness.Memory.GetGauge(MetricNames.FunctionCallsInProgress, ("function", "Observed.WorkValueAsync")));
        source.SetResult(4);

        Assert.Equal(4, await pending);
        Assert.Equal(0, harness.Memory.GetGauge(MetricNames.FunctionCallsInProgress, ("function", "Observed.WorkValueAsync")));
    }

    [Fact]
    public async Task Intercept_TrackInProgressStream_CountedPerEnumerationUntilDisposedEarly()
    {
        var harness = Harness();
        var observed = harness.ProxyOf<IObserved>(new Observed());
        double? Gauge() => harness.Memory.GetGauge(MetricNames.FunctionCallsInProgress, ("function", "Observed.StreamAsync"));

        static async IAsyncEnumerable<int> Endless()
        {
            for (var i = 0; ; i++)
            {
                await Task.Yield();
                yield return i;
            }
        }

        var neverEnumerated = observed.StreamAsync(Endless());
        var stream = observed.StreamAsync(Endless());
        Assert.Null(Gauge());
        await using (var enumerator = stream.GetAsyncEnumerator())
        {
            Assert.True(await enumerator.MoveNextAsync());
            Assert.Equal(1, Gauge());
            await using (var second = stream.GetAsyncEnumerator())
            {
                Assert.Equal(2, Gauge());
            }

            Assert.Equal(1, Gauge());
        }

        Assert.Equal(0, Gauge());
        Assert.Equal(2, harness.Calls("Observed.StreamAsync", "success"));
        GC.KeepAlive(neverEnumerated);
    }

    [Fact]
    public async Task Intercept_TrackInProgressEachKind_GaugeOfThatKindWithConstantAndArgumentLabels()
    {
        var harness = Harness();
        var observed = harness.ProxyOf<IObserved>(new Observed());
        var response = new TaskCompletionSource<HttpResponseMessage>();
        var refresh = new TaskCompletionSource();
        var during = new List<double?>();

        var post = observed.PostAsync(response.Task);
        var task = observed.RefreshAsync(refresh.Task);
        observed.Query(ChannelType.Public, () =>
        {
            during.Add(harness.Memory.GetGauge(
                MetricNames.DatabaseQueriesInProgress, ("operation", "select_posts"), ("shard", "eu"), ("channel_type", "Public")));
            return observed.SendMessage(() =>
            {
                during.Add(harness.Memory.GetGauge(MetricNames.TelegramApiRequestsInProgress, ("method", "sendMessage")));
                return 1;
            });
        });
        during.Add(harness.Memory.GetGauge(MetricNames.HttpRequestsInProgress, ("method", "POST"), ("endpoint", "/posts")));
        during.Add(harness.Memory.GetGauge(MetricNames.BackgroundTasksInProgress, ("task_name", "refresh_views")));
        response.SetResult(new HttpResponseMessage(HttpStatusCode.Accepted));
        refresh.SetResult();
        await post;
        await task;

        Assert.Equal([1, 1, 1, 1], during);
        Assert.Equal(0, harness.Memory.GetGauge(
            MetricNames.DatabaseQueriesInProgress, ("operation", "select_posts"), ("shard", "eu"), ("channel_type", "Public")));
        Assert.Equal(0, harness.Memory.GetGauge(MetricNames.TelegramApiRequestsInProgress, ("method", "sendMessage")));
        Assert.Equal(0, harness.Memory.GetGauge(MetricNames.HttpRequestsInProgress, ("method", "POST"), ("endpoint", "/posts")));
        Assert.Equal(0, harness.Memory.GetGauge(MetricNames.BackgroundTasksInProgress, ("task_name", "refresh_views")));
        Assert.Equal(1, harness.Memory.GetCounter(MetricNames.HttpRequests, ("method", "POST"), ("endpoint", "/posts"), ("status", "202")));
    }

    [Fact]
    public void Intercept_NoMethodTracksInProgress_NoInProgressGaugeDeclared()
    {
        var harness = Harness();

        harness.Proxy.Count(1);
        harness.Proxy.Query();

        Assert.DoesNotContain(harness.Memory.Definitions, d => d.Name.EndsWith("_in_progress", StringComparison.Ordinal));
    }

    [Fact]
    public void Intercept_TwoImplementationsShareAnInProgressSeries_GaugeCountsTheCallsOfBoth()
    {
        var harness = new InterceptorHarness();
        var first = harness.ProxyOf<IObserved>(new Observed());
        var second = harness.ProxyOf<IObserved>(new ObservedReplica());
        double? Gauge() => harness.Memory.GetGauge(
            MetricNames.DatabaseQueriesInProgress, ("operation", "select_posts"), ("shard", "eu"), ("channel_type", "Public"));
        double? during = null;

        first.Query(ChannelType.Public, () => second.Query(ChannelType.Public, () =>
        {
            during = Gauge();
            return 1;
        }));

        Assert.Equal(2, during);
        Assert.Equal(0, Gauge());
    }

    [Fact]
    public void Intercept_ReturnValueCannotBeObserved_CallerGetsItAndTheCallLeavesTheGauge()
    {
        var harness = new InterceptorHarness();
        var observed = harness.ProxyOf<IObserved>(new Observed());
        var pending = new ValueTask<int>(new BrokenValueTaskSource(), 0);

        var returned = observed.WorkValueAsync(pending);

        Assert.Equal(pending, returned);
        Assert.Equal(0, harness.Memory.GetGauge(MetricNames.FunctionCallsInProgress, ("function", "Observed.WorkValueAsync")));
    }

    [Fact]
    public void Intercept_TrackInProgressFromManyThreads_ReturnsToZero()
    {
        var harness = Harness();
        var observed = harness.ProxyOf<IObserved>(new Observed());

        Parallel.For(0, 8, new ParallelOptions { MaxDegreeOfParallelism = 8 }, _ =>
        {
            for (var i = 0; i < 20_000; i++)
            {
                observed.Work(() => i);
            }
        });

        Assert.Equal(0, harness.Memory.GetGauge(MetricNames.FunctionCallsInProgress, ("function", "Observed.Work")));
        Assert.Equal(160_000, harness.Calls("Observed.Work", "success"));
    }
}
