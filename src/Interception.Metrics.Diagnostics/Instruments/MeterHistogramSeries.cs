using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Interception.Metrics.Diagnostics.Instruments;

/// <summary>A bound histogram (or summary) series: one <see cref="Histogram{T}.Record(T, in TagList)"/> per observation.</summary>
internal sealed class MeterHistogramSeries(Histogram<double> histogram, TagList tags, MetricValueGuard guard) : IMetricSeries
{
    private readonly TagList _tags = tags;

    public void Record(double value)
    {
        if (guard.Accept(value))
        {
            histogram.Record(value, in _tags);
        }
    }
}
