using Prometheus;

namespace Interception.Metrics.Prometheus;

/// <summary>A bound summary series: recording observes on the cached prometheus-net child, once its metric's guard accepts the value.</summary>
internal sealed class SummarySeries(Summary.Child child, MetricValueGuard guard) : IMetricSeries
{
    public void Record(double value)
    {
        if (guard.Accept(value))
        {
            child.Observe(value);
        }
    }
}
