namespace Interception.Metrics.Reliability.Tests.TestSupport;

/// <summary>A backend that is broken for good: every declaration, binding and recording throws.</summary>
internal sealed class ThrowingBackend : IMetricsBackend, IMetricSeries
{
    private long _attempts;

    /// <summary>How many calls were made on it (each of which threw).</summary>
    public long Attempts => Interlocked.Read(ref _attempts);

    public void InitializeMetric(MetricDefinition definition) => throw Broken();

    public void RecordCounter(string name, double value = 1, IReadOnlyDictionary<string, string>? labels = null) => throw Broken();

    public void SetGauge(string name, double value, IReadOnlyDictionary<string, string>? labels = null) => throw Broken();

    public void RecordHistogram(string name, double value, IReadOnlyDictionary<string, string>? labels = null) => throw Broken();

    /// <summary>Binding succeeds, so that every later recording reaches the backend and throws.</summary>
    public IMetricSeries Bind(string name, ReadOnlySpan<string> labelValues, IReadOnlyList<KeyValuePair<string, string>>? constantLabels = null) => this;

    public void Record(double value) => throw Broken();

    private InvalidOperationException Broken()
    {
        Interlocked.Increment(ref _attempts);
        return new InvalidOperationException("the metrics sink is broken");
    }
}
