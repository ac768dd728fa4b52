using Microsoft.Extensions.Time.Testing;

namespace Interception.Metrics.Tests.Custom;

/// <summary>Bound histogram children: observations, the timing helper, and exact totals under contention.</summary>
public class CustomHistogramTests
{
    private const int Threads = 8;
    private const int RecordingsPerThread = 50_000;

    [Fact]
    public void Time_ClockAdvancedInsideTheBlock_ObservesTheElapsedSeconds()
    {
        var clock = new FakeTimeProvider();
        var memory = new InMemoryMetricsBackend();
        var histogram = new MetricsFactory(memory, timeProvider: clock).CreateHistogram("shop_checkout_seconds", "Checkout.", null, "payment");

        using (histogram.WithLabels("card").Time())
        {
            clock.Advance(TimeSpan.FromMilliseconds(250));
        }

        var timer = histogram.WithLabels("card").Time();
        clock.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal(TimeSpan.FromSeconds(2), timer.Elapsed);
        timer.Dispose();

        var sample = memory.GetHistogram("shop_checkout_seconds", ("payment", "card"));
        Assert.Equal(2, sample.Count);
        Assert.Equal(2.25, sample.Sum, 12);
        Assert.Equal(0.25, sample.Min, 12);
    }

    [Fact]
    public void Time_Unlabelled_ObservesIntoTheOneSeries()
    {
        var clock = new FakeTimeProvider();
        var memory = new InMemoryMetricsBackend();
        var histogram = new MetricsFactory(memory, timeProvider: clock).CreateHistogram("shop_checkout_seconds", "Checkout.", null);

        using (histogram.Time())
        {
            clock.Advance(TimeSpan.FromSeconds(1.5));
        }

        histogram.Observe(0.5);

        Assert.Equal(2, memory.GetHistogram("shop_checkout_seconds").Count);
        Assert.Equal(2, memory.GetHistogram("shop_checkout_seconds").Sum, 12);
    }

    [Fact]
    public void Time_RealClock_ObservesAtLeastTheTimeSpent()
    {
        var memory = new InMemoryMetricsBackend();
        var histogram = new MetricsFactory(memory).CreateHistogram("shop_checkout_seconds", "Checkout.", null);

        using (histogram.Time())
        {
            Thread.Sleep(50);
        }

        Assert.InRange(memory.GetHistogram("shop_checkout_seconds").Sum, 0.045, 30);
    }

    [Fact]
    public void Time_DefaultTimer_ObservesNothing()
    {
        var memory = new InMemoryMetricsBackend();
        _ = new MetricsFactory(memory).CreateHistogram("shop_checkout_seconds", "Checkout.", null);

        using (default(HistogramTimer))
        {
        }

        Assert.Equal(TimeSpan.Zero, default(HistogramTimer).Elapsed);
        Assert.Equal(0, memory.GetHistogram("shop_checkout_seconds").Count);
    }

    [Fact]
    public void TimeAndObserve_BoundChild_AllocateNothing()
    {
        var child = new MetricsFactory(new InMemoryMetricsBackend()).CreateHistogram("shop_checkout_seconds", "Checkout.", null, "payment").WithLabels("card");

        Assert.Equal(0, CustomCounterTests.AllocatedBytes(() =>
        {
            using (child.Time())
            {
            }
        }));
        Assert.Equal(0, CustomCounterTests.AllocatedBytes(() => child.Observe(0.1)));
    }

    [Fact]
    public void Observe_WithoutLabelsOnALabelledHistogram_Throws()
    {
        var histogram = new MetricsFactory(new InMemoryMetricsBackend()).CreateHistogram("shop_checkout_seconds", "Checkout.", null, "payment");

        Assert.Throws<InvalidOperationException>(() => histogram.Observe(1));
        Assert.Throws<InvalidOperationException>(() => histogram.Time());
    }

    [Fact]
    public void Observe_EightThreadsOnOneBoundChild_CountAndSumExactInEveryBackend()
    {
        var first = new InMemoryMetricsBackend();
        var second = new InMemoryMetricsBackend();
        var child = new MetricsFactory(new MultiMetricsBackend([first, second]))
            .CreateHistogram("shop_basket_items", "Items.", [1, 2, 4], "region")
            .WithLabels("eu");

        CustomCounterTests.RunOnThreads(() =>
        {
            for (var i = 0; i < RecordingsPerThread; i++)
            {
                child.Observe(i % 4 * 0.5);
            }
        });

        foreach (var memory in new[] { first, second })
        {
            var sample = memory.GetHistogram("shop_basket_items", ("region", "eu"));
            Assert.Equal(Threads * RecordingsPerThread, sample.Count);
            Assert.Equal(Threads * RecordingsPerThread / 4 * (0 + 0.5 + 1 + 1.5), sample.Sum);
        }
    }
}
