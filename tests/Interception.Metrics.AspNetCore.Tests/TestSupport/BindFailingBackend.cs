namespace Interception.Metrics.AspNetCore.Tests.TestSupport;

/// <summary>A backend of an application's own that accepts declarations but fails every <see cref="Bind"/>.</summary>
internal sealed class BindFailingBackend : IMetricsBackend
{
    public void InitializeMetric(MetricDefinition definition)
    {
    }

    public void RecordCounter(string name, double value = 1, IReadOnlyDictionary<string, string>? labels = null) => throw Failure();

    public void SetGauge(string name, double value, IReadOnlyDictionary<string, string>? labels = null) => throw Failure();

    public void RecordHistogram(string name, double value, IReadOnlyDictionary<string, string>? labels = null) => throw Failure();

    public IMetricSeries Bind(string name, ReadOnlySpan<string> labelValues, IReadOnlyList<KeyValuePair<string, string>>? constantLabels = null) =>
        throw Failure();

    private static NotSupportedException Failure() => new("this backend cannot bind series");
}
