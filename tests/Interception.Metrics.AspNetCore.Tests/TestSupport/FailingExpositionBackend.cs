namespace Interception.Metrics.AspNetCore.Tests.TestSupport;

/// <summary>
/// A backend of an application's own that renders text for scraping and fails doing it: at once, or after writing the
/// start of a metric. It records nothing.
/// </summary>
internal sealed class FailingExpositionBackend(bool writeFirst) : IMetricsBackend, IMetricsExposition
{
    /// <summary>The exception every rendering throws.</summary>
    public InvalidOperationException Failure { get; } = new("the exposition broke");

    public string ContentType => MetricsExpositionFormats.PrometheusTextContentType;

    public void InitializeMetric(MetricDefinition definition)
    {
    }

    public void RecordCounter(string name, double value = 1, IReadOnlyDictionary<string, string>? labels = null)
    {
    }

    public void SetGauge(string name, double value, IReadOnlyDictionary<string, string>? labels = null)
    {
    }

    public void RecordHistogram(string name, double value, IReadOnlyDictionary<string, string>? labels = null)
    {
    }

    public IMetricSeries Bind(string name, ReadOnlySpan<string> labelValues, IReadOnlyList<KeyValuePair<string, string>>? constantLabels = null) =>
        new NoSeries();

    public string GetMetricsOutput() => throw Failure;

    public async Task WriteMetricsAsync(Stream destination, CancellationToken cancellationToken = default)
    {
        if (writeFirst)
        {
            await destination.WriteAsync("# HELP orders_total Orders.\n# TYPE orders_total counter\norders_total 1\n"u8.ToArray(), cancellationToken);
            await destination.FlushAsync(cancellationToken);
        }

        throw Failure;
    }

    private sealed class NoSeries : IMetricSeries
    {
        public void Record(double value)
        {
        }
    }
}
