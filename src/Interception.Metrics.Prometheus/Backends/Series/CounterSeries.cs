using Prometheus;

namespace Interception.Metrics.Prometheus;

/// <summary>A bound counter series: recording adds to the cached prometheus-net child, once its metric's guard accepts the value.</summary>
internal sealed class CounterSeries(Counter.Child child, MetricValueGuard guard) : IMetricSeries
{
    public void Record(double value)
    {
        if (guard.Accept(value))
        {
            child.Inc(value);
        }
    }
}
