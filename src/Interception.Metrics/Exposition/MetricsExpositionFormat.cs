namespace Interception.Metrics;

/// <summary>A text format in which metrics are exposed for scraping.</summary>
public enum MetricsExpositionFormat
{
    /// <summary>The Prometheus text format 0.0.4 (<c>text/plain; version=0.0.4</c>): what every scraper reads.</summary>
    PrometheusText,

    /// <summary>OpenMetrics 1.0 (<c>application/openmetrics-text; version=1.0.0</c>), which Prometheus asks for first.</summary>
    OpenMetrics,
}
