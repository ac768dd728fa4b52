using Interception.Metrics.Backends.Series;

namespace Interception.Metrics.Tests.TestSupport;

/// <summary>
/// A backend of an application's own that loses recordings when told to (<see cref="Drop"/>) and reports them as
/// <see cref="IMetricsDropSource"/> asks: count first, then raise the event.
/// </summary>
internal sealed class DroppingMetricsBackend : MetricsBackend, IMetricsDropSource
{
    private long _dropped;

    public event EventHandler? Dropped;

    public long DroppedCount => Interlocked.Read(ref _dropped);

    public void Drop(long count)
    {
        Interlocked.Add(ref _dropped, count);
        Dropped?.Invoke(this, EventArgs.Empty);
    }

    protected override void InitializeCore(MetricDefinition definition)
    {
    }

    protected override IMetricSeries CreateSeries(
        MetricDefinition definition,
        IReadOnlyList<string> labelValues,
        IReadOnlyList<KeyValuePair<string, string>> constantLabels) => NullSeries.Instance;
}
