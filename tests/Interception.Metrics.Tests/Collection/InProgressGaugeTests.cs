using Interception.Metrics.Collection;

namespace Interception.Metrics.Tests.Collection;

/// <summary>
/// <see cref="InProgressGauge"/> over a port that can only set a gauge: whatever order concurrent writes land in, the
/// last one leaves the true count.
/// </summary>
public class InProgressGaugeTests
{
    [Fact]
    public async Task Increment_EarlierWriteLandsAfterALaterOne_WritesAgainSoTheGaugeHoldsTheCount()
    {
        var series = new FirstWriteHeldSeries();
        var gauge = new InProgressGauge(series);

        // The first increment (count 1) is held inside its write while a second one (count 2) completes, so the
        // stale 1 lands after the 2.
        var first = Task.Run(gauge.Increment);
        await series.FirstWriteEntered;
        gauge.Increment();
        series.ReleaseFirstWrite();
        await first;

        Assert.Contains(1, series.Writes);
        Assert.Equal(2, series.Writes[^1]);
    }

    [Fact]
    public async Task Decrement_EarlierWriteLandsAfterALaterOne_GaugeEndsAtZero()
    {
        var series = new FirstWriteHeldSeries();
        var gauge = new InProgressGauge(series);
        series.HoldFrom(2);
        gauge.Increment();
        gauge.Increment();

        var first = Task.Run(gauge.Decrement);
        await series.FirstWriteEntered;
        gauge.Decrement();
        series.ReleaseFirstWrite();
        await first;

        Assert.Equal(0, series.Writes[^1]);
    }

    /// <summary>A gauge series whose first write (from the given one on) is held until the test releases it.</summary>
    private sealed class FirstWriteHeldSeries : IMetricSeries
    {
        private readonly TaskCompletionSource _entered = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly ManualResetEventSlim _release = new();
        private readonly List<double> _writes = [];
        private int _calls;
        private int _held;

        public Task FirstWriteEntered => _entered.Task;

        public IReadOnlyList<double> Writes
        {
            get
            {
                lock (_writes)
                {
                    return [.. _writes];
                }
            }
        }

        public void HoldFrom(int call) => _held = call;

        public void ReleaseFirstWrite() => _release.Set();

        public void Record(double value)
        {
            if (Interlocked.Increment(ref _calls) - 1 == _held)
            {
                _entered.SetResult();
                Assert.True(_release.Wait(TimeSpan.FromSeconds(10)));
            }

            lock (_writes)
            {
                _writes.Add(value);
            }
        }
    }
}
