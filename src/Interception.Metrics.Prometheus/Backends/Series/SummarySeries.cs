using Prometheus;

namespace Interception.Metrics.Prometheus;

/// <summary>A bound summary series: recording observes on the cached prometheus-net child.</summary>
internal sealed class SummarySeries(Summary.Child child) : IMetricSeries
{
    public void Record(double value) => child.Observe(value);
}
