namespace Interception.Metrics.Prometheus;

/// <summary>
/// The folded series of one backend, folded into their prometheus-net children by a before-collect callback of the
/// registry: every collection (a scrape, <c>GetMetricsOutput</c>, prometheus-net's own <c>MapMetrics</c> on the same
/// registry) first moves every recording made so far into the children, so what it writes is exact.
/// </summary>
/// <remarks>
/// Folds are serialized: a collection that starts while another folds waits until that fold has fed every child, so
/// that the totals of consecutive collections never go down.
/// </remarks>
internal sealed class SeriesFolder
{
    private readonly Lock _gate = new();
    private IFoldedSeries[] _series = [];
    private int _count;

    /// <summary>Adds a series to fold at every collection.</summary>
    public void Add(IFoldedSeries series)
    {
        lock (_gate)
        {
            if (_count == _series.Length)
            {
                Array.Resize(ref _series, Math.Max(16, _series.Length * 2));
            }

            _series[_count++] = series;
        }
    }

    /// <summary>Folds every series.</summary>
    public void Fold()
    {
        lock (_gate)
        {
            for (var i = 0; i < _count; i++)
            {
                _series[i].Fold();
            }
        }
    }
}
