using System.Collections.Concurrent;

namespace Interception.Metrics.Tests.TestSupport;

/// <summary>
/// A backend of an application's own that validates nothing: it keeps every value it is given, by metric name, so
/// that a test can see what reached it.
/// </summary>
internal sealed class RecordingMetricsBackend : IMetricsBackend
{
    private readonly ConcurrentQueue<(string Metric, double Value)> _values = new();

    public IReadOnlyList<(string Metric, double Value)> Values => [.. _values];

    public void InitializeMetric(MetricDefinition definition)
    {
    }

    public void RecordCounter(string name, double value = 1, IReadOnlyDictionary<string, string>? labels = null) => _values.Enqueue((name, value));

    public void SetGauge(string name, double value, IReadOnlyDictionary<string, string>? labels = null) => _values.Enqueue((name, value));

    public void RecordHistogram(string name, double value, IReadOnlyDictionary<string, string>? labels = null) => _values.Enqueue((name, value));

    public IMetricSeries Bind(string name, ReadOnlySpan<string> labelValues, IReadOnlyList<KeyValuePair<string, string>>? constantLabels = null) =>
        new Series(this, name);

    private sealed class Series(RecordingMetricsBackend backend, string name) : IMetricSeries
    {
        public void Record(double value) => backend._values.Enqueue((name, value));
    }
}
