using Interception.Metrics.Tests.TestSupport;

namespace Interception.Metrics.Tests.Backends.Multi;

/// <summary>
/// A child that reports the recordings it lost (<see cref="IMetricsDropSource"/>) has them counted by the other
/// children in <c>metrics_backend_dropped_total{backend}</c>: exactly, from any thread, from zero.
/// </summary>
public partial class MultiMetricsBackendTests
{
    private const string DroppedMetric = "metrics_backend_dropped_total";

    [Fact]
    public void Constructor_ChildReportsDrops_OtherChildrenHaveItsSeriesAtZero()
    {
        var dropping = new DroppingMetricsBackend();
        var memory = new InMemoryMetricsBackend();

        _ = new MultiMetricsBackend([dropping, memory]);

        var sample = Assert.Single(memory.GetSamples(DroppedMetric));
        Assert.Equal("dropping", sample.Labels["backend"]);
        Assert.Equal(0, sample.Value);
    }

    [Fact]
    public void Drop_EightThreads_EveryOtherChildCountsExactlyTheDroppedCount()
    {
        const int Threads = 8;
        const int DropsPerThread = 20_000;
        var dropping = new DroppingMetricsBackend();
        var memory = new InMemoryMetricsBackend();
        var own = new RecordingMetricsBackend();
        _ = new MultiMetricsBackend([memory, dropping, own]);

        Parallel.For(0, Threads, new ParallelOptions { MaxDegreeOfParallelism = Threads }, _ =>
        {
            for (var i = 0; i < DropsPerThread; i++)
            {
                dropping.Drop(i % 3 == 0 ? 2 : 1);
            }
        });

        var expected = Threads * (DropsPerThread + ((DropsPerThread + 2) / 3));
        Assert.Equal(expected, dropping.DroppedCount);
        Assert.Equal(expected, memory.GetCounter(DroppedMetric, ("backend", "dropping")));
        Assert.Equal(expected, own.Values.Where(v => v.Metric == DroppedMetric).Sum(v => v.Value));
    }

    [Fact]
    public void Constructor_DropsBeforeTheFanOutExisted_PublishedWhenItIsCreated()
    {
        var dropping = new DroppingMetricsBackend();
        dropping.Drop(5);
        var memory = new InMemoryMetricsBackend();

        _ = new MultiMetricsBackend([dropping, memory]);
        dropping.Drop(2);

        Assert.Equal(7, memory.GetCounter(DroppedMetric, ("backend", "dropping")));
    }

    [Fact]
    public void Drop_TheDroppingChild_NeverCountsItsOwnDrops()
    {
        var dropping = new DroppingMetricsBackend();
        _ = new MultiMetricsBackend([dropping, new InMemoryMetricsBackend()]);

        dropping.Drop(3);

        Assert.DoesNotContain(dropping.Definitions, d => d.Name == DroppedMetric);
    }

    [Fact]
    public void Drop_AnotherChildThrows_RemainingChildrenStillCountAndTheFailureIsCounted()
    {
        var dropping = new DroppingMetricsBackend();
        var throwing = new ThrowingMetricsBackend();
        var memory = new InMemoryMetricsBackend();
        var multi = new MultiMetricsBackend([dropping, throwing, memory]);

        var exception = Record.Exception(() => dropping.Drop(4));

        Assert.Null(exception);
        Assert.Equal(4, memory.GetCounter(DroppedMetric, ("backend", "dropping")));
        Assert.True(multi.GetFailureCount(1) > 0);
        Assert.True(memory.GetCounter("metrics_backend_errors_total", ("backend", "throwing")) > 0);
    }

    [Fact]
    public void Drop_TwoChildrenReportDrops_NeitherIsPublishedOnTheOther()
    {
        // Publishing one lossy backend's drops on another would make the second drop them in turn, and so on.
        var first = new DroppingMetricsBackend();
        var second = new DroppingMetricsBackend();
        var memory = new InMemoryMetricsBackend();
        _ = new MultiMetricsBackend([first, second, memory]);

        first.Drop(3);
        second.Drop(2);

        Assert.Equal(5, memory.GetCounter(DroppedMetric, ("backend", "dropping")));
        Assert.DoesNotContain(first.Definitions, d => d.Name == DroppedMetric);
        Assert.DoesNotContain(second.Definitions, d => d.Name == DroppedMetric);
    }
}
