using Interception.Metrics.Backends.Series;

namespace Interception.Metrics;

/// <summary>A backend that records nothing. Every call is a no-op and nothing is kept.</summary>
public sealed class NullMetricsBackend : IMetricsBackend
{
    /// <inheritdoc />
    public void InitializeMetric(MetricDefinition definition)
    {
    }

    /// <inheritdoc />
    public void RecordCounter(string name, double value = 1, IReadOnlyDictionary<string, string>? labels = null)
    {
    }

    /// <inheritdoc />
    public void SetGauge(string name, double value, IReadOnlyDictionary<string, string>? labels = null)
    {
    }

    /// <inheritdoc />
    public void RecordHistogram(string name, double value, IReadOnlyDictionary<string, string>? labels = null)
    {
    }

    /// <inheritdoc />
    public IMetricSeries Bind(string name, ReadOnlySpan<string> labelValues, IReadOnlyList<KeyValuePair<string, string>>? constantLabels = null) =>
        NullSeries.Instance;
}
