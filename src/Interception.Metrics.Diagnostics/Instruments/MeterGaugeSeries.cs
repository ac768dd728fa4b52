using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Interception.Metrics.Diagnostics.Instruments;

/// <summary>A bound gauge series: <see cref="Gauge{T}.Record(T, in TagList)"/> sets the current value.</summary>
internal sealed class MeterGaugeSeries(Gauge<double> gauge, TagList tags, MetricValueGuard guard) : IMetricSeries
{
    private readonly TagList _tags = tags;

    public void Record(double value)
    {
        if (guard.Accept(value))
        {
            gauge.Record(value, in _tags);
        }
    }
}
