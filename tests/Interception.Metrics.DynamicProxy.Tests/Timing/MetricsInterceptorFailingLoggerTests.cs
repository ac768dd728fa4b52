using System.Diagnostics;
using Interception.Metrics.DynamicProxy.Tests.Fixtures;
using Interception.Metrics.Proxying;

namespace Interception.Metrics.DynamicProxy.Tests.Timing;

/// <summary>
/// A logger that throws is one more part that may fail. When a trace listener's sampler throws (the interceptor
/// reports it and goes on untraced) and reporting it throws too, the caller still sees the target's own result, and
/// an incomplete task or value task still completes; a refused plan whose warning cannot be written leaves the call
/// untimed. Run alone: the sampler listens to the process-wide activity source.
/// </summary>
[Collection(TracingCollection.Name)]
public sealed class MetricsInterceptorFailingLoggerTests : IDisposable
{
    private static readonly TimeSpan Completion = TimeSpan.FromSeconds(10);

    private readonly ThrowingLogger<MetricsInterceptor> _logger = new();
    private readonly InMemoryMetricsBackend _memory = new();
    private readonly ActivityListener _listener = new()
    {
        ShouldListenTo = source => source.Name == "Interception.Metrics",
        Sample = (ref ActivityCreationOptions<ActivityContext> _) => throw new InvalidOperationException("sampler down"),
    };

    private readonly IOrders _proxy;

    public MetricsInterceptorFailingLoggerTests()
    {
        ActivitySource.AddActivityListener(_listener);
        var interceptor = new MetricsInterceptor(new MetricsCollectorService(_memory), systemMetrics: (SystemMetricsService?)null, _logger, null, tracing: true);
        _proxy = (IOrders)new MetricsProxyFactory(interceptor).CreateProxy(new Orders(), [typeof(IOrders)], typeof(Orders));
    }

    public void Dispose() => _listener.Dispose();

    [Fact]
    public void Intercept_SamplerAndLoggerThrow_SyncCallReturnsTargetResult()
    {
        Assert.Equal(6, _proxy.Count(3));
        var thrown = new ArgumentException();
        Assert.Same(thrown, Assert.Throws<ArgumentException>(() => _proxy.Throw(thrown)));
        Assert.True(_logger.Attempts > 0);
        Assert.Equal(1, Calls("Orders.Count", "success"));
        Assert.Equal(1, Calls("Orders.Throw", "failed"));
    }

    [Fact]
    public async Task Intercept_SamplerAndLoggerThrow_IncompleteTaskCompletesWithTargetResult()
    {
        var inner = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);

        var returned = _proxy.GetAsync(inner.Task);
        inner.SetResult(5);

        Assert.Equal(5, await returned.WaitAsync(Completion));
        Assert.True(_logger.Attempts > 0);
        Assert.Equal(1, Calls("Orders.GetAsync", "success"));
    }

    [Fact]
    public async Task Intercept_SamplerAndLoggerThrow_IncompleteValueTasksCompleteAsTheTargetsDo()
    {
        var inner = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        var failure = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var succeeded = _proxy.GetValueAsync(new ValueTask<int>(inner.Task));
        var failed = _proxy.RunValueAsync(new ValueTask(failure.Task));
        inner.SetResult(5);
        var thrown = new InvalidDataException();
        failure.SetException(thrown);

        Assert.Equal(5, await succeeded.AsTask().WaitAsync(Completion));
        Assert.Same(thrown, await Assert.ThrowsAsync<InvalidDataException>(() => failed.AsTask().WaitAsync(Completion)));
        Assert.True(_logger.Attempts > 0);
        Assert.Equal(1, Calls("Orders.GetValueAsync", "success"));
        Assert.Equal(1, Calls("Orders.RunValueAsync", "failed"));
    }

    [Fact]
    public void Intercept_PlanRefusedAndLoggerThrows_CallProceedsUntimed()
    {
        Assert.Equal(11, _proxy.BadLabels());
        Assert.True(_logger.Attempts > 0);
        Assert.DoesNotContain(_memory.GetSamples(MetricNames.FunctionCalls), sample => sample.Labels["function"] == "Orders.BadLabels");
    }

    private double Calls(string function, string status) =>
        _memory.GetCounter(MetricNames.FunctionCalls, ("function", function), ("status", status));
}
