using Interception.Metrics.StatsD.Tests.Support;

namespace Interception.Metrics.StatsD.Tests;

/// <summary>Packing, the bounded queue, drops and flushing: what reaches a UDP socket on loopback.</summary>
public sealed class StatsDMetricsBackendDeliveryTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Record_ManyRecordings_PacksLinesIntoDatagramsNoLargerThanMaxPacketSize()
    {
        const int Recordings = 300;
        using var listener = new UdpListener();
        var options = TestMetrics.Options(listener.Port);
        options.MaxPacketSize = 512;
        await using (var backend = TestMetrics.Backend(options))
        {
            var series = backend.Bind("function_calls_total", ["Orders.Place", "success"]);
            for (var i = 0; i < Recordings; i++)
            {
                series.Record(1);
            }
        }

        await listener.ReceiveUntilAsync(l => l.MetricLines.Count >= Recordings, Timeout);

        Assert.Equal(Recordings, listener.MetricLines.Count);
        Assert.All(listener.DatagramSizes, size => Assert.InRange(size, 1, 512));
        Assert.True(listener.DatagramSizes.Count <= Recordings / 5, $"{listener.DatagramSizes.Count} datagrams for {Recordings} lines");
    }

    [Fact]
    public async Task Record_QueueFull_DropsWithoutBlockingAndCountsEveryDrop()
    {
        const int Recordings = 10_000;
        using var listener = new UdpListener();
        var options = TestMetrics.Options(listener.Port);
        options.MaxQueueSize = 4;
        options.FlushInterval = TimeSpan.FromMinutes(1); // the sender waits after its first batch: the queue fills up
        var backend = TestMetrics.Backend(options);
        await using (backend)
        {
            var series = backend.Bind("function_calls_total", ["f", "success"]);
            for (var i = 0; i < Recordings; i++)
            {
                series.Record(1);
            }
        }

        await listener.ReceiveUntilAsync(l => l.MetricLines.Count >= backend.SentCount && l.Lines.Any(IsDropCounter), Timeout);
        await listener.DrainAsync(TimeSpan.FromMilliseconds(200));

        Assert.True(backend.DroppedCount > 0);
        Assert.Equal(Recordings, backend.DroppedCount + backend.SentCount);
        Assert.Equal(backend.SentCount, listener.MetricLines.Count);
        Assert.Equal(backend.DroppedCount, listener.Lines.Where(IsDropCounter).Sum(ValueOf));
    }

    [Fact]
    public async Task Dispose_WithAPartlyFilledDatagramWaiting_SendsItAtOnce()
    {
        using var listener = new UdpListener();
        var options = TestMetrics.Options(listener.Port);
        options.FlushInterval = TimeSpan.FromMinutes(1);
        var backend = TestMetrics.Backend(options);
        var series = backend.Bind("function_calls_total", ["f", "success"]);
        for (var i = 0; i < 50; i++)
        {
            series.Record(1);
        }

        var started = TimeProvider.System.GetTimestamp();
        backend.Dispose();
        var elapsed = TimeProvider.System.GetElapsedTime(started);
        series.Record(1); // after dispose: dropped and counted, never thrown
        await listener.ReceiveUntilAsync(l => l.MetricLines.Count >= 50, Timeout);

        Assert.Equal(50, listener.MetricLines.Count);
        Assert.True(elapsed < TimeSpan.FromSeconds(5), $"Dispose took {elapsed}");
        Assert.Equal(1, backend.DroppedCount);
    }

    [Fact]
    public async Task Record_NobodyListening_NeverThrowsAndAccountsForEveryRecording()
    {
        const int Recordings = 5_000;
        var options = TestMetrics.Options(UdpListener.FreePort());
        options.MaxPacketSize = 128;
        options.FlushInterval = TimeSpan.Zero;
        var backend = TestMetrics.Backend(options);
        await using (backend)
        {
            var series = backend.Bind("function_calls_total", ["f", "success"]);
            for (var i = 0; i < Recordings; i++)
            {
                series.Record(1);
            }
        }

        Assert.Equal(Recordings, backend.DroppedCount + backend.SentCount);
        Assert.True(backend.DroppedCount > 0, "connection refused should be counted as drops");
    }

    [Fact]
    public async Task Dropped_QueueFullAndAgentAbsent_RaisedAfterEachDropWithTheCountAlreadyUpdated()
    {
        const int Recordings = 5_000;
        var options = TestMetrics.Options(UdpListener.FreePort());
        options.MaxQueueSize = 4;
        options.MaxPacketSize = 128;
        options.FlushInterval = TimeSpan.Zero;
        var backend = TestMetrics.Backend(options);
        long raised = 0;
        long highestSeen = 0;
        long otherSenders = 0;
        backend.Dropped += (sender, _) =>
        {
            // An assertion failing in here would be swallowed by the backend: count what is wrong, assert below.
            if (!ReferenceEquals(sender, backend))
            {
                Interlocked.Increment(ref otherSenders);
                return;
            }

            Interlocked.Increment(ref raised);
            var count = ((IMetricsDropSource)sender!).DroppedCount;
            long seen;
            while ((seen = Interlocked.Read(ref highestSeen)) < count && Interlocked.CompareExchange(ref highestSeen, count, seen) != seen)
            {
            }
        };

        await using (backend)
        {
            var series = backend.Bind("function_calls_total", ["f", "success"]);
            for (var i = 0; i < Recordings; i++)
            {
                series.Record(1);
            }
        }

        Assert.True(backend.DroppedCount > 0);
        Assert.True(Interlocked.Read(ref raised) > 0);
        Assert.Equal(0, Interlocked.Read(ref otherSenders));
        Assert.Equal(backend.DroppedCount, Interlocked.Read(ref highestSeen));
    }

    [Fact]
    public async Task Dropped_HandlerThrows_RecordingNeverThrowsAndDropsAreStillCounted()
    {
        var options = TestMetrics.Options(UdpListener.FreePort());
        options.MaxQueueSize = 1;
        options.FlushInterval = TimeSpan.FromMinutes(1);
        var backend = TestMetrics.Backend(options);
        backend.Dropped += (_, _) => throw new InvalidOperationException("a faulty handler");
        var series = backend.Bind("function_calls_total", ["f", "success"]);

        var exception = Record.Exception(() =>
        {
            for (var i = 0; i < 100; i++)
            {
                series.Record(1);
            }
        });
        await backend.DisposeAsync();

        Assert.Null(exception);
        Assert.Equal(100, backend.DroppedCount + backend.SentCount);
        Assert.True(backend.DroppedCount > 0);
    }

    private static bool IsDropCounter(string line) =>
        line.StartsWith(StatsDMetricsBackend.DroppedMetricName + ":", StringComparison.Ordinal);

    private static long ValueOf(string line) =>
        long.Parse(line.AsSpan()[(line.IndexOf(':', StringComparison.Ordinal) + 1)..line.IndexOf('|', StringComparison.Ordinal)], provider: System.Globalization.CultureInfo.InvariantCulture);
}
