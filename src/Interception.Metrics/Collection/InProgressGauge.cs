namespace Interception.Metrics.Collection;

/// <summary>
/// A gauge of work started and not yet finished, kept exact over a port that can only set a gauge: the count is an
/// <see cref="Interlocked"/> counter, and every change writes it to the bound gauge series.
/// </summary>
/// <remarks>
/// Two threads that change the count race to write it: the one that changed it first may write last and leave a
/// stale value. So a writer reads the count again after writing and writes again while it differs. Whatever the
/// interleaving, the last write of all is made by a writer whose re-read saw no further change, so once the calls
/// stop the gauge holds the true count in every backend (each backend keeps the last value written to it).
/// </remarks>
internal sealed class InProgressGauge(IMetricSeries gauge)
{
    private long _count;

    /// <summary>The count now.</summary>
    public long Count => Interlocked.Read(ref _count);

    /// <summary>One more in progress.</summary>
    public void Increment() => Publish(Interlocked.Increment(ref _count));

    /// <summary>One fewer in progress.</summary>
    public void Decrement() => Publish(Interlocked.Decrement(ref _count));

    private void Publish(long value)
    {
        while (true)
        {
            gauge.Record(value);

            // A full fence (every Interlocked operation is one): the re-read must not be done before the write is
            // visible to the other writers, whatever memory ordering the backend's own write uses.
            var now = Interlocked.Read(ref _count);
            if (now == value)
            {
                return;
            }

            value = now;
        }
    }
}
