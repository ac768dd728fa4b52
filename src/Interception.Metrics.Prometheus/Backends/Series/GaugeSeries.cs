using Prometheus;

namespace Interception.Metrics.Prometheus;

/// <summary>A bound gauge series: recording sets the cached prometheus-net child, once its metric's guard accepts the value.</summary>
internal sealed class GaugeSeries(Gauge.Child child, MetricValueGuard guard) : IMetricSeries
{
    public void Record(double value)
    {
        if (guard.Accept(value))
        {
            child.Set(value);
        }
    }
}
