namespace Interception.Metrics;

/// <summary>
/// Content types of the <see cref="MetricsExpositionFormat"/>s and content negotiation from an HTTP <c>Accept</c>
/// header, for anyone serving the exposition from an endpoint of their own.
/// </summary>
public static class MetricsExpositionFormats
{
    /// <summary>The content type of <see cref="MetricsExpositionFormat.PrometheusText"/>.</summary>
    public const string PrometheusTextContentType = "text/plain; version=0.0.4; charset=utf-8";

    /// <summary>The content type of <see cref="MetricsExpositionFormat.OpenMetrics"/>.</summary>
    public const string OpenMetricsContentType = "application/openmetrics-text; version=1.0.0; charset=utf-8";

    /// <summary>The HTTP content type of <paramref name="format"/>.</summary>
    public static string GetContentType(MetricsExpositionFormat format) =>
        format == MetricsExpositionFormat.OpenMetrics ? OpenMetricsContentType : PrometheusTextContentType;

    /// <summary>
    /// The format a scraper asks for: <see cref="MetricsExpositionFormat.OpenMetrics"/> when its <c>Accept</c> header
    /// lists <c>application/openmetrics-text</c> (with a quality above 0 and not below that of <c>text/plain</c>),
    /// otherwise <see cref="MetricsExpositionFormat.PrometheusText"/>, including when the header is missing or malformed.
    /// </summary>
    /// <param name="acceptHeader">The request's <c>Accept</c> header, all values joined by commas; may be <see langword="null"/>.</param>
    public static MetricsExpositionFormat Negotiate(string? acceptHeader) =>
        AcceptHeader.PrefersOpenMetrics(acceptHeader) ? MetricsExpositionFormat.OpenMetrics : MetricsExpositionFormat.PrometheusText;
}
