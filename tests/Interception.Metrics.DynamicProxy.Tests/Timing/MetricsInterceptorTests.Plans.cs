using Interception.Metrics.DynamicProxy.Tests.Fixtures;
using Moq;

namespace Interception.Metrics.DynamicProxy.Tests.Timing;

public abstract partial class MetricsInterceptorTests
{
    [Fact]
    public void Intercept_KindNameAndLabels_RecordIntoThatKindsMetricsWithConstantLabels()
    {
        var harness = Harness();

        Assert.Equal(7, harness.Proxy.Query());

        Assert.Equal(1, harness.Memory.GetCounter(
            MetricNames.DatabaseQueries, ("operation", "select_orders"), ("status", "success"), ("shard", "eu"), ("team", "core")));
        Assert.Equal(1, harness.Memory.GetHistogram(
            MetricNames.DatabaseQueryDuration, ("operation", "select_orders"), ("shard", "eu"), ("team", "core")).Count);
    }

    [Fact]
    public void Intercept_MalformedLabels_ProceedsUntimedAndCountsTheFailure()
    {
        var harness = Harness();

        Assert.Equal(11, harness.Proxy.BadLabels());
        Assert.Equal(11, harness.Proxy.BadLabels());

        Assert.Empty(harness.Memory.GetSamples(MetricNames.FunctionCalls));
        Assert.Equal(1, harness.Interceptor.FailureCount);
    }

    [Fact]
    public void Intercept_BackendThrowsOnEveryCall_CallerSeesTargetResult()
    {
        var harness = Harness(extraBackend: new ThrowingBackend());

        Assert.Equal(6, harness.Proxy.Count(3));
        var thrown = new ArgumentException();
        Assert.Same(thrown, Assert.Throws<ArgumentException>(() => harness.Proxy.Throw(thrown)));

        Assert.Equal(1, harness.Calls("Orders.Count", "success"));
        Assert.Equal(1, harness.Calls("Orders.Throw", "failed"));
    }

    [Fact]
    public void Intercept_CollectSystemMetrics_StartsRefreshWithoutWaitingForIt()
    {
        var reading = new TaskCompletionSource<SystemMetrics?>(TaskCreationOptions.RunContinuationsAsynchronously);
        var provider = new Mock<ISystemMetricsProvider>();
        provider.SetupGet(p => p.IsAvailable).Returns(true);
        provider.Setup(p => p.ReadAsync(It.IsAny<CancellationToken>())).Returns(reading.Task);
        var memory = new InMemoryMetricsBackend();
        var system = new SystemMetricsService(memory, provider.Object);
        var harness = Harness(systemMetrics: system);

        Assert.Equal(3, harness.Proxy.WithSystemMetrics());
        Assert.Equal(3, harness.Proxy.WithSystemMetrics());

        // The provider has not answered, and the calls returned anyway; a second call within the interval started nothing new.
        provider.Verify(p => p.ReadAsync(It.IsAny<CancellationToken>()), Times.AtMostOnce());
        reading.SetResult(new SystemMetrics(40, 10, 70, DateTimeOffset.UtcNow));
        SpinWait.SpinUntil(() => memory.GetGauge(MetricNames.SystemMemoryUsage) is not null, TimeSpan.FromSeconds(10));
        Assert.Equal(40, memory.GetGauge(MetricNames.SystemMemoryUsage));
        Assert.Equal(2, harness.Calls("Orders.WithSystemMetrics", "success"));
    }
}
