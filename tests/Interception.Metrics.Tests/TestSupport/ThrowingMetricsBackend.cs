namespace Interception.Metrics.Tests.TestSupport;

/// <summary>A backend that throws <see cref="Failure"/> from every call, and from <see cref="IMetricSeries.Record"/> of the series it binds.</summary>
/// <param name="failBind">Whether <see cref="Bind"/> throws too; when false it returns a series that throws on every recording.</param>
internal sealed class ThrowingMetricsBackend(bool failBind = true) : IMetricsBackend
{
    private int _calls;

    /// <summary>The exception instance thrown by every call.</summary>
    public InvalidOperationException Failure { get; } = new("backend down");

    /// <summary>How many calls (recordings of bound series included) were made.</summary>
    public int Calls => Volatile.Read(ref _calls);

    public void InitializeMetric(MetricDefinition definition) => throw Fail();

    public void RecordCounter(string name, double value = 1, IReadOnlyDictionary<string, string>? labels = null) => throw Fail();

    public void SetGauge(string name, double value, IReadOnlyDictionary<string, string>? labels = null) => throw Fail();

    public void RecordHistogram(string name, double value, IReadOnlyDictionary<string, string>? labels = null) => throw Fail();

    public IMetricSeries Bind(string name, ReadOnlySpan<string> labelValues, IReadOnlyList<KeyValuePair<string, string>>? constantLabels = null) =>
        failBind ? throw Fail() : new ThrowingSeries(this);

    internal InvalidOperationException Fail()
    {
        Interlocked.Increment(ref _calls);
        return Failure;
    }
}
