namespace Interception.Metrics;

/// <summary>
/// A backend that can render its metrics as text for scraping, such as the Prometheus backend.
/// <see cref="MetricsCollectorService.GetMetricsOutput()"/> uses the first backend that implements it.
/// </summary>
public interface IMetricsExposition
{
    /// <summary>The HTTP content type of <see cref="GetMetricsOutput()"/>.</summary>
    string ContentType { get; }

    /// <summary>Renders every metric as text.</summary>
    string GetMetricsOutput();

    /// <summary>Writes every metric as text to <paramref name="destination"/>, without building one large string.</summary>
    Task WriteMetricsAsync(Stream destination, CancellationToken cancellationToken = default);

    /// <summary>Whether the backend can render <paramref name="format"/>. By default only <see cref="MetricsExpositionFormat.PrometheusText"/>.</summary>
    bool SupportsFormat(MetricsExpositionFormat format) => format == MetricsExpositionFormat.PrometheusText;

    /// <summary>Writes every metric in <paramref name="format"/> to <paramref name="destination"/>.</summary>
    /// <exception cref="NotSupportedException"><see cref="SupportsFormat"/> is false for <paramref name="format"/>.</exception>
    Task WriteMetricsAsync(Stream destination, MetricsExpositionFormat format, CancellationToken cancellationToken = default) =>
        format == MetricsExpositionFormat.PrometheusText
            ? WriteMetricsAsync(destination, cancellationToken)
            : throw new NotSupportedException($"This backend renders only the Prometheus text format, not {format}.");
}
