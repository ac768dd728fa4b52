namespace Interception.Metrics.Tests.Custom;

/// <summary>Bound counter children: cached, allocation-free once bound, exact under contention.</summary>
public class CustomCounterTests
{
    private const int Threads = 8;
    private const int RecordingsPerThread = 50_000;

    /// <summary>A counter's label names and the values given to <c>WithLabels</c>.</summary>
    public static TheoryData<string[], string[]> WrongValueCounts => new()
    {
        { ["region", "payment"], [] },
        { ["region", "payment"], ["eu"] },
        { ["region", "payment"], ["eu", "card", "extra"] },
        { [], ["eu"] },
    };

    [Fact]
    public void WithLabels_SameValuesAgain_ReturnsTheSameChild()
    {
        var counter = new MetricsFactory(new InMemoryMetricsBackend()).CreateCounter("shop_orders_total", "Orders.", "region", "payment");
        string[] values = ["eu", "card"];

        var first = counter.WithLabels("eu", "card");

        Assert.Same(first, counter.WithLabels("eu", "card"));
        Assert.Same(first, counter.WithLabels(values));
        Assert.Same(first, counter.WithLabels(new string(['e', 'u']), "card"));
        Assert.NotSame(first, counter.WithLabels("us", "card"));
    }

    [Fact]
    public void WithLabels_SameValuesAgain_AllocatesNothing()
    {
        var counter = new MetricsFactory(new InMemoryMetricsBackend()).CreateCounter("shop_orders_total", "Orders.", "region", "payment");

        Assert.Equal(0, AllocatedBytes(() => counter.WithLabels("eu", "card").Inc()));
    }

    [Fact]
    public void Inc_BoundChild_AllocatesNothing()
    {
        var child = new MetricsFactory(new InMemoryMetricsBackend()).CreateCounter("shop_orders_total", "Orders.", "region").WithLabels("eu");

        Assert.Equal(0, AllocatedBytes(() => child.Inc()));
    }

    [Theory]
    [MemberData(nameof(WrongValueCounts))]
    public void WithLabels_WrongNumberOfValues_ThrowsArgumentExceptionNamingTheLabels(string[] labels, string[] values)
    {
        var memory = new InMemoryMetricsBackend();
        var counter = new MetricsFactory(memory).CreateCounter("shop_orders_total", "Orders.", labels);

        var fromArray = Assert.Throws<ArgumentException>(() => counter.WithLabels(values));
        var fromSpan = Assert.Throws<ArgumentException>(() => counter.WithLabels(values.AsSpan()));

        Assert.Contains($"has {labels.Length} label(s) [{string.Join(", ", labels)}] but {values.Length} value(s)", fromArray.Message, StringComparison.Ordinal);
        Assert.Equal(fromArray.Message, fromSpan.Message);
        Assert.Equal(labels.Length == 0 ? 1 : 0, memory.GetSamples("shop_orders_total").Count);
    }

    [Fact]
    public void Inc_WithoutLabelsOnALabelledCounter_ThrowsNamingTheLabels()
    {
        var counter = new MetricsFactory(new InMemoryMetricsBackend()).CreateCounter("shop_orders_total", "Orders.", "region");

        var exception = Assert.Throws<InvalidOperationException>(() => counter.Inc());

        Assert.Contains("[region]", exception.Message, StringComparison.Ordinal);
        Assert.Contains("WithLabels", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_UnlabelledCounter_IsExposedAtZeroBeforeTheFirstIncrement()
    {
        var memory = new InMemoryMetricsBackend();
        var counter = new MetricsFactory(memory).CreateCounter("shop_orders_total", "Orders.");

        Assert.Equal(0, Assert.Single(memory.GetSamples("shop_orders_total")).Value);
        counter.Inc();
        counter.Inc(4);
        Assert.Equal(5, memory.GetCounter("shop_orders_total"));
    }

    [Fact]
    public void Inc_EightThreadsOnOneBoundChild_TotalExactInEveryBackend()
    {
        var first = new InMemoryMetricsBackend();
        var second = new InMemoryMetricsBackend();
        var counter = new MetricsFactory(new MultiMetricsBackend([first, second])).CreateCounter("shop_orders_total", "Orders.", "region");
        var child = counter.WithLabels("eu");

        RunOnThreads(() =>
        {
            for (var i = 0; i < RecordingsPerThread; i++)
            {
                child.Inc();
            }
        });

        Assert.Equal(Threads * RecordingsPerThread, first.GetCounter("shop_orders_total", ("region", "eu")));
        Assert.Equal(Threads * RecordingsPerThread, second.GetCounter("shop_orders_total", ("region", "eu")));
    }

    [Fact]
    public void WithLabels_EightThreadsLookingUpTheSameValues_OneChildExactTotal()
    {
        var memory = new InMemoryMetricsBackend();
        var counter = new MetricsFactory(memory).CreateCounter("shop_orders_total", "Orders.", "region", "payment");
        var seen = new System.Collections.Concurrent.ConcurrentDictionary<BoundCounter, byte>();

        RunOnThreads(() =>
        {
            for (var i = 0; i < RecordingsPerThread; i++)
            {
                var child = counter.WithLabels("eu", "card");
                child.Inc();
                if (i == 0)
                {
                    seen.TryAdd(child, 0);
                }
            }
        });

        Assert.Single(seen);
        Assert.Equal(Threads * RecordingsPerThread, memory.GetCounter("shop_orders_total", ("region", "eu"), ("payment", "card")));
    }

    internal static void RunOnThreads(Action body)
    {
        using var start = new Barrier(Threads);
        var threads = Enumerable.Range(0, Threads).Select(_ => new Thread(() =>
        {
            start.SignalAndWait();
            body();
        })).ToArray();
        foreach (var thread in threads)
        {
            thread.Start();
        }

        foreach (var thread in threads)
        {
            Assert.True(thread.Join(TimeSpan.FromMinutes(2)), "a recording thread did not finish within 2 minutes");
        }
    }

    /// <summary>Bytes allocated on this thread by 10,000 calls, after 2,000 to warm up.</summary>
    internal static long AllocatedBytes(Action call)
    {
        const int Calls = 10_000;
        for (var i = 0; i < 2_000; i++)
        {
            call();
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < Calls; i++)
        {
            call();
        }

        return GC.GetAllocatedBytesForCurrentThread() - before;
    }
}
