namespace Interception.Metrics.Tests.TestSupport;

/// <summary>A backend that records nothing but renders a fixed exposition text.</summary>
internal sealed class ExposingMetricsBackend(string text, string contentType) : IMetricsBackend, IMetricsExposition
{
    private readonly NullMetricsBackend _inner = new();

    public string ContentType => contentType;

    public string GetMetricsOutput() => text;

    public Task WriteMetricsAsync(Stream destination, CancellationToken cancellationToken = default) =>
        destination.WriteAsync(System.Text.Encoding.UTF8.GetBytes(text), cancellationToken).AsTask();

    public void InitializeMetric(MetricDefinition definition) => _inner.InitializeMetric(definition);

    public void RecordCounter(string name, double value = 1, IReadOnlyDictionary<string, string>? labels = null) => _inner.RecordCounter(name, value, labels);

    public void SetGauge(string name, double value, IReadOnlyDictionary<string, string>? labels = null) => _inner.SetGauge(name, value, labels);

    public void RecordHistogram(string name, double value, IReadOnlyDictionary<string, string>? labels = null) => _inner.RecordHistogram(name, value, labels);

    public IMetricSeries Bind(string name, ReadOnlySpan<string> labelValues, IReadOnlyList<KeyValuePair<string, string>>? constantLabels = null) =>
        _inner.Bind(name, labelValues, constantLabels);
}
