using Prometheus;

namespace Interception.Metrics.Prometheus;

/// <summary>
/// A bound counter series: recording adds to the series' cells (see <see cref="StripedCells"/>), once its metric's
/// guard accepts the value; each collection adds what they hold to the cached prometheus-net child.
/// </summary>
internal sealed class StripedCounterSeries(Counter.Child child, MetricValueGuard guard) : IMetricSeries, IFoldedSeries
{
    private readonly StripedCells _cells = new(1);

    public void Record(double value)
    {
        if (guard.Accept(value))
        {
            _cells.Add(0, value);
        }
    }

    public void Fold()
    {
        Span<long> counts = stackalloc long[1];
        Span<double> sums = stackalloc double[1];
        _cells.Drain(counts, sums);
        if (counts[0] != 0)
        {
            child.Inc(sums[0]);
        }
    }
}
