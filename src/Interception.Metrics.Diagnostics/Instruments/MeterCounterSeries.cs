using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Interception.Metrics.Diagnostics.Instruments;

/// <summary>A bound counter series: one <see cref="Counter{T}.Add(T, in TagList)"/> per recording.</summary>
internal sealed class MeterCounterSeries(Counter<double> counter, TagList tags, MetricValueGuard guard) : IMetricSeries
{
    private readonly TagList _tags = tags;

    public void Record(double value)
    {
        if (guard.Accept(value))
        {
            counter.Add(value, in _tags);
        }
    }
}
