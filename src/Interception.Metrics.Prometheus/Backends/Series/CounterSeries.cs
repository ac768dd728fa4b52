using Prometheus;

namespace Interception.Metrics.Prometheus;

/// <summary>A bound counter series: recording adds to the cached prometheus-net child.</summary>
internal sealed class CounterSeries(Counter.Child child) : IMetricSeries
{
    public void Record(double value) => child.Inc(value);
}
