namespace Interception.Metrics.DynamicProxy.Tests.Fixtures;

/// <summary>A backend that throws on every call, as a broken or unreachable one would.</summary>
public sealed class ThrowingBackend : IMetricsBackend
{
    public void InitializeMetric(MetricDefinition definition) => throw new InvalidOperationException("backend down");

    public void RecordCounter(string name, double value = 1, IReadOnlyDictionary<string, string>? labels = null) =>
        throw new InvalidOperationException("backend down");

    public void SetGauge(string name, double value, IReadOnlyDictionary<string, string>? labels = null) =>
        throw new InvalidOperationException("backend down");

    public void RecordHistogram(string name, double value, IReadOnlyDictionary<string, string>? labels = null) =>
        throw new InvalidOperationException("backend down");

    public IMetricSeries Bind(string name, ReadOnlySpan<string> labelValues, IReadOnlyList<KeyValuePair<string, string>>? constantLabels = null) =>
        throw new InvalidOperationException("backend down");
}
