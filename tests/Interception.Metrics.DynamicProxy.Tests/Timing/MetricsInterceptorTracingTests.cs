using System.Diagnostics;
using System.Net;
using Interception.Metrics.DynamicProxy.Tests.Fixtures;

namespace Interception.Metrics.DynamicProxy.Tests.Timing;

/// <summary>
/// Each timed call is an activity of the <c>Interception.Metrics</c> source, read here through the real OpenTelemetry
/// SDK tracer provider and its in-memory exporter.
/// </summary>
public abstract class MetricsInterceptorTracingTests : ProxyPathTests, IDisposable
{
    private readonly TraceCapture _traces = new();
    private readonly TraceContextBackend _context = new();
    private readonly InterceptorHarness _harness;
    private readonly IObserved _observed;

    protected MetricsInterceptorTracingTests(bool generated)
        : base(generated)
    {
        _harness = Harness(TimeProvider.System, _context);
        _observed = _harness.ProxyOf<IObserved>(new Observed());
    }

    public void Dispose()
    {
        _traces.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>On generated decorators.</summary>
    [Collection(TracingCollection.Name)]
    public sealed class OnGeneratedDecorators() : MetricsInterceptorTracingTests(generated: true);

    /// <summary>On Castle proxies.</summary>
    [Collection(TracingCollection.Name)]
    public sealed class OnDynamicProxy() : MetricsInterceptorTracingTests(generated: false);

    [Fact]
    public void Intercept_SyncCall_ActivityNamedAfterTheCallChildOfTheCallersWithStatusOk()
    {
        using var root = _traces.StartRoot();

        Assert.Equal(6, _harness.Proxy.Count(3));

        var span = Assert.Single(_traces.Spans(root));
        Assert.Equal("Orders.Count", span.DisplayName);
        Assert.Equal(ActivityKind.Internal, span.Kind);
        Assert.Equal(ActivityStatusCode.Ok, span.Status);
        Assert.Equal(root.SpanId, span.ParentSpanId);
        Assert.Same(root, Activity.Current);
        Assert.Equal([(ActivitySpanId?)span.SpanId], _context.Observations.Select(o => o.SpanId));
    }

    [Fact]
    public async Task Intercept_HttpAndTelegramApi_ClientKindOtherKindsInternal()
    {
        using var root = _traces.StartRoot();

        await _observed.PostAsync(Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK)));
        _observed.SendMessage(() => 1);
        _observed.Query(ChannelType.Public, () => 1);
        await _observed.RefreshAsync(Task.CompletedTask);

        var kinds = _traces.Spans(root).ToDictionary(s => s.DisplayName, s => s.Kind);
        Assert.Equal(ActivityKind.Client, kinds["/posts"]);
        Assert.Equal(ActivityKind.Client, kinds["sendMessage"]);
        Assert.Equal(ActivityKind.Internal, kinds["select_posts"]);
        Assert.Equal(ActivityKind.Internal, kinds["refresh_views"]);
    }

    [Fact]
    public void Intercept_Throws_StatusErrorWithTheExceptionTypeOnlyNeverItsMessageOrArguments()
    {
        using var root = _traces.StartRoot();
        var thrown = new InvalidOperationException("card 4111-1111 declined");

        Assert.Same(thrown, Assert.Throws<InvalidOperationException>(() => _harness.Proxy.Throw(thrown)));

        var span = Assert.Single(_traces.Spans(root));
        Assert.Equal(ActivityStatusCode.Error, span.Status);
        Assert.Equal("System.InvalidOperationException", span.StatusDescription);
        Assert.Equal("System.InvalidOperationException", span.GetTagItem("exception.type"));
        Assert.Empty(span.Events);
        Assert.DoesNotContain(span.TagObjects, t => t.Value?.ToString()?.Contains("4111", StringComparison.Ordinal) == true);
        Assert.Same(root, Activity.Current);
    }

    [Fact]
    public void Intercept_ArgumentLabels_AreTagsOtherArgumentsAreNot()
    {
        using var root = _traces.StartRoot();

        _observed.Publish(ChannelType.Private, urgent: true, "secret body");

        var span = Assert.Single(_traces.Spans(root));
        Assert.Equal("Private", span.GetTagItem("channel_type"));
        Assert.Equal("true", span.GetTagItem("urgent"));
        Assert.Equal(2, span.TagObjects.Count());
    }

    [Fact]
    public async Task Intercept_IncompleteTask_ActivityEndsWhenTheTaskCompletesAndTheCallerGetsItsActivityBack()
    {
        using var root = _traces.StartRoot();
        var inner = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);

        var pending = _harness.Proxy.GetAsync(inner.Task);
        Assert.Same(root, Activity.Current);
        Assert.Empty(_traces.Spans(root));
        await Task.Run(() => inner.SetResult(5));

        Assert.Equal(5, await pending);
        var span = Assert.Single(_traces.Spans(root));
        Assert.Equal(ActivityStatusCode.Ok, span.Status);
        Assert.Equal(root.SpanId, span.ParentSpanId);
        Assert.Equal([(ActivitySpanId?)span.SpanId], _context.Observations.Select(o => o.SpanId));
    }

    [Fact]
    public async Task Intercept_TaskFaultsOrIsCanceled_StatusErrorWithTheTypeAwaitThrows()
    {
        using var root = _traces.StartRoot();
        var faults = new TaskCompletionSource<int>();
        var cancels = new TaskCompletionSource<int>();

        var faulted = _harness.Proxy.GetAsync(faults.Task);
        var canceled = _harness.Proxy.GetAsync(cancels.Task);
        faults.SetException(new ArgumentException("the secret"));
        cancels.SetCanceled();
        await Assert.ThrowsAsync<ArgumentException>(() => faulted);
        await Assert.ThrowsAsync<TaskCanceledException>(() => canceled);

        var descriptions = _traces.Spans(root).Select(s => (s.Status, s.StatusDescription, s.GetTagItem("exception.type"))).ToArray();
        Assert.Contains((ActivityStatusCode.Error, "System.ArgumentException", "System.ArgumentException"), descriptions);
        Assert.Contains((ActivityStatusCode.Error, "System.Threading.Tasks.TaskCanceledException", "System.Threading.Tasks.TaskCanceledException"), descriptions);
    }

    [Fact]
    public async Task Intercept_CompletionOnAnotherThread_RecordsWithTheCallsActivityCurrentForExemplars()
    {
        using var root = _traces.StartRoot();
        var source = new ReusableValueTaskSource();
        var deferred = new DeferredTask(() => 8);

        var relayed = _harness.Proxy.GetValueAsync(source.Next());
        var observed = _harness.ProxyOf<IShapes>(new Shapes()).Deferred(deferred);
        Assert.Same(root, Activity.Current);
        await Task.Run(() => source.SetResult(3));
        deferred.Start(TaskScheduler.Default);
        Assert.Equal(3, await relayed);
        Assert.Equal(8, await observed);
        await WaitUntil(() => _traces.Spans(root).Count == 2);

        var spans = _traces.Spans(root);
        Assert.Equal(
            spans.Select(s => s.SpanId.ToHexString()).Order(StringComparer.Ordinal),
            _context.Observations.Select(o => o.SpanId?.ToHexString()).Order(StringComparer.Ordinal));
        Assert.All(spans, s => Assert.Equal(root.SpanId, s.ParentSpanId));
        Assert.Same(root, Activity.Current);
    }

    [Fact]
    public async Task Intercept_NestedCalls_InnerActivityIsAChildOfTheOuterSyncAndAcrossAwaits()
    {
        using var root = _traces.StartRoot();

        _observed.Outer(() => _harness.Proxy.Count(1));
        await _observed.OuterAsync(async () =>
        {
            await Task.Yield();
            return _harness.Proxy.Count(2);
        });

        var spans = _traces.Spans(root);
        var outer = Assert.Single(spans, s => s.DisplayName == "Observed.Outer");
        var outerAsync = Assert.Single(spans, s => s.DisplayName == "Observed.OuterAsync");
        var inner = spans.Where(s => s.DisplayName == "Orders.Count").Select(s => s.ParentSpanId).ToArray();
        Assert.Equal([outer.SpanId, outerAsync.SpanId], inner);
        Assert.Equal(root.SpanId, outer.ParentSpanId);
        Assert.Equal(root.SpanId, outerAsync.ParentSpanId);
    }

    [Fact]
    public async Task Intercept_AsyncStream_ActivityPerEnumerationParentOfWhatTheStreamCallsEndedWhenDisposedEarly()
    {
        using var root = _traces.StartRoot();

        async IAsyncEnumerable<int> Produce()
        {
            for (var i = 0; ; i++)
            {
                await Task.Yield();
                yield return _harness.Proxy.Count(i);
            }
        }

        var stream = _observed.StreamAsync(Produce());
        await using (var enumerator = stream.GetAsyncEnumerator())
        {
            Assert.Same(root, Activity.Current);
            Assert.True(await enumerator.MoveNextAsync());
            Assert.True(await enumerator.MoveNextAsync());
            Assert.Same(root, Activity.Current);
        }

        var spans = _traces.Spans(root);
        var enumeration = Assert.Single(spans, s => s.DisplayName == "Observed.StreamAsync");
        Assert.Equal(ActivityStatusCode.Ok, enumeration.Status);
        Assert.Equal(root.SpanId, enumeration.ParentSpanId);
        Assert.Equal([enumeration.SpanId, enumeration.SpanId], spans.Where(s => s.DisplayName == "Orders.Count").Select(s => s.ParentSpanId));
    }

    [Fact]
    public void Intercept_HttpResponseWithServerError_StatusErrorAndStatusCodeTag()
    {
        using var root = _traces.StartRoot();

        _harness.Proxy.Post(HttpStatusCode.ServiceUnavailable);

        var span = Assert.Single(_traces.Spans(root));
        Assert.Equal(ActivityKind.Client, span.Kind);
        Assert.Equal(ActivityStatusCode.Error, span.Status);
        Assert.Null(span.StatusDescription);
        Assert.Equal(503, span.GetTagItem("http.response.status_code"));
    }

    [Fact]
    public void Intercept_TracingSwitchedOff_NoActivityEvenWithAListener()
    {
        var harness = Harness(TimeProvider.System, tracing: false);
        using var root = _traces.StartRoot();

        harness.Proxy.Count(1);

        Assert.Empty(_traces.Spans(root));
        Assert.Same(root, Activity.Current);
    }

    [Fact]
    public void Intercept_NoListener_NoActivityAndTheCurrentOneUntouched()
    {
        _traces.Dispose();
        var caller = new Activity("caller").Start();

        Assert.Equal(2, _harness.Proxy.Count(1));

        Assert.Same(caller, Activity.Current);
        Assert.Empty(_traces.AllSpans());
        Assert.Equal([(ActivitySpanId?)caller.SpanId], _context.Observations.Select(o => o.SpanId));
        caller.Stop();
    }

    private static async Task WaitUntil(Func<bool> condition)
    {
        var deadline = Stopwatch.StartNew();
        while (!condition() && deadline.Elapsed < TimeSpan.FromSeconds(10))
        {
            await Task.Delay(10);
        }
    }
}
