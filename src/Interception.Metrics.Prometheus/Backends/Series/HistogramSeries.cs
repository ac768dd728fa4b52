using Prometheus;

namespace Interception.Metrics.Prometheus;

/// <summary>A bound histogram series: recording observes on the cached prometheus-net child.</summary>
internal sealed class HistogramSeries(Histogram.Child child) : IMetricSeries
{
    public void Record(double value) => child.Observe(value);
}
