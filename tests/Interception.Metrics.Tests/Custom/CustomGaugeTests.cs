using Interception.Metrics.Tests.TestSupport;

namespace Interception.Metrics.Tests.Custom;

/// <summary>
/// Bound gauge children keep the gauge's value and set every backend to it: increments are exact under contention and
/// reach each backend in the order they were made.
/// </summary>
public class CustomGaugeTests
{
    private const int Threads = 8;
    private const int RecordingsPerThread = 50_000;

    [Fact]
    public void SetIncDec_BoundChild_EveryBackendHoldsTheResult()
    {
        var first = new InMemoryMetricsBackend();
        var second = new InMemoryMetricsBackend();
        var gauge = new MetricsFactory(new MultiMetricsBackend([first, second])).CreateGauge("shop_queue_depth", "Depth.", "queue");
        var mail = gauge.WithLabels("mail");

        mail.Set(5);
        mail.Inc();
        mail.Inc(2.5);
        mail.Dec();
        mail.Dec(0.5);
        gauge.WithLabels("sms").Dec(3);

        Assert.Equal(7, mail.Value);
        Assert.Equal(7, first.GetGauge("shop_queue_depth", ("queue", "mail")));
        Assert.Equal(7, second.GetGauge("shop_queue_depth", ("queue", "mail")));
        Assert.Equal(-3, first.GetGauge("shop_queue_depth", ("queue", "sms")));
    }

    [Fact]
    public void SetIncDec_Unlabelled_ShortcutsRecordOnTheOneSeries()
    {
        var memory = new InMemoryMetricsBackend();
        var gauge = new MetricsFactory(memory).CreateGauge("shop_queue_depth", "Depth.");

        Assert.Null(memory.GetGauge("shop_queue_depth"));
        gauge.Set(2);
        gauge.Inc(10);
        gauge.Dec(4);

        Assert.Equal(8, memory.GetGauge("shop_queue_depth"));
        Assert.Equal(8, gauge.WithLabels().Value);
    }

    [Fact]
    public void SetIncDec_WithoutLabelsOnALabelledGauge_Throw()
    {
        var gauge = new MetricsFactory(new InMemoryMetricsBackend()).CreateGauge("shop_queue_depth", "Depth.", "queue");

        Assert.Throws<InvalidOperationException>(() => gauge.Set(1));
        Assert.Throws<InvalidOperationException>(() => gauge.Inc());
        Assert.Throws<InvalidOperationException>(() => gauge.Dec());
    }

    [Fact]
    public void Inc_EightThreadsOnOneBoundChild_ExactAndEveryBackendSeesTheValuesInOrder()
    {
        // Each backend must receive 1, 2, 3, ... 400,000 in that order: a later value overwritten by an earlier one
        // (two threads' stores reaching a backend out of order) would leave the gauge wrong until the next change.
        var ordered = new RecordingMetricsBackend();
        var memory = new InMemoryMetricsBackend();
        var child = new MetricsFactory(new MultiMetricsBackend([ordered, memory])).CreateGauge("shop_in_flight", "In flight.", "queue").WithLabels("mail");

        CustomCounterTests.RunOnThreads(() =>
        {
            for (var i = 0; i < RecordingsPerThread; i++)
            {
                child.Inc();
            }
        });

        const int Total = Threads * RecordingsPerThread;
        Assert.Equal(Total, child.Value);
        Assert.Equal(Total, memory.GetGauge("shop_in_flight", ("queue", "mail")));
        var received = ordered.Values.Where(v => v.Metric == "shop_in_flight").Select(v => v.Value).ToArray();
        Assert.Equal(Total, received.Length);
        var outOfOrder = Enumerable.Range(0, Total).Count(i => received[i] != i + 1);
        Assert.True(outOfOrder == 0, $"{outOfOrder} of {Total} values reached the backend out of order");
    }

    [Fact]
    public void IncDec_EightThreadsMixed_EndsAtTheExactBalanceInEveryBackend()
    {
        var ordered = new RecordingMetricsBackend();
        var memory = new InMemoryMetricsBackend();
        var gauge = new MetricsFactory(new MultiMetricsBackend([ordered, memory])).CreateGauge("shop_in_flight", "In flight.");
        var thread = 0;

        CustomCounterTests.RunOnThreads(() =>
        {
            var up = Interlocked.Increment(ref thread) % 2 == 0;
            for (var i = 0; i < RecordingsPerThread; i++)
            {
                if (up)
                {
                    gauge.Inc(3);
                }
                else
                {
                    gauge.Dec();
                }
            }
        });

        const double Expected = (Threads / 2 * RecordingsPerThread * 3.0) - (Threads / 2 * RecordingsPerThread);
        Assert.Equal(Expected, gauge.WithLabels().Value);
        Assert.Equal(Expected, memory.GetGauge("shop_in_flight"));
        var received = ordered.Values.Where(v => v.Metric == "shop_in_flight").Select(v => v.Value).ToArray();
        Assert.Equal(Expected, received[^1]);
        Assert.All(received.Zip(received.Skip(1)), pair => Assert.Contains(pair.Second - pair.First, new[] { 3.0, -1.0 }));
    }

    [Fact]
    public void Set_NotFinite_DroppedCountedAndTheValueKept()
    {
        var memory = new InMemoryMetricsBackend();
        var child = new MetricsFactory(memory).CreateGauge("shop_queue_depth", "Depth.", "queue").WithLabels("mail");
        child.Set(3);

        child.Set(double.NaN);
        child.Set(double.NegativeInfinity);
        child.Inc(double.NaN);
        child.Inc();

        Assert.Equal(4, child.Value);
        Assert.Equal(4, memory.GetGauge("shop_queue_depth", ("queue", "mail")));
        Assert.Equal(3, memory.GetCounter("metrics_invalid_values_total", ("metric", "shop_queue_depth")));
    }
}
