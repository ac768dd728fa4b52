using Prometheus;

namespace Interception.Metrics.Prometheus;

/// <summary>A bound gauge series: recording sets the cached prometheus-net child.</summary>
internal sealed class GaugeSeries(Gauge.Child child) : IMetricSeries
{
    public void Record(double value) => child.Set(value);
}
