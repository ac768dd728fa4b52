namespace Interception.Metrics;

/// <summary>
/// A backend that can render its metrics as text for scraping, such as the Prometheus backend.
/// <see cref="MetricsCollectorService.GetMetricsOutput"/> uses the first backend that implements it.
/// </summary>
public interface IMetricsExposition
{
    /// <summary>The HTTP content type of <see cref="GetMetricsOutput"/>.</summary>
    string ContentType { get; }

    /// <summary>Renders every metric as text.</summary>
    string GetMetricsOutput();

    /// <summary>Writes every metric as text to <paramref name="destination"/>, without building one large string.</summary>
    Task WriteMetricsAsync(Stream destination, CancellationToken cancellationToken = default);
}
