namespace Interception.Metrics;

/// <summary>
/// Options of <see cref="RequestMetricsApplicationBuilderExtensions.UseRequestMetrics(Microsoft.AspNetCore.Builder.IApplicationBuilder, Action{RequestMetricsOptions}?)"/>,
/// read once when the middleware is added.
/// </summary>
public sealed class RequestMetricsOptions
{
    /// <summary>
    /// Request paths that are not counted, such as health probes (<c>/health</c>, <c>/healthz</c>). A path excludes
    /// itself and everything below it (<c>/health</c> also excludes <c>/health/ready</c>), compared without regard to case.
    /// Each must start with <c>/</c>. Default: empty. Endpoints marked with ASP.NET Core's <c>.DisableHttpMetrics()</c>
    /// are not counted either.
    /// </summary>
    public IList<string> ExcludedPaths { get; } = [];

    /// <summary>
    /// Whether scrapes of the endpoints mapped by <c>MapMetricsEndpoint</c> are counted. Default <see langword="false"/>:
    /// a scraper polling every few seconds would otherwise dominate <c>http_requests_total</c>.
    /// </summary>
    public bool IncludeMetricsEndpoint { get; set; }

    /// <summary>
    /// Whether to publish <c>http_requests_in_progress{method,endpoint}</c>, the requests being handled right now.
    /// Default <see langword="false"/>. The endpoint label is the one routing chose before the request reached the
    /// middleware: <c>WebApplication</c> routes first unless <c>UseRouting()</c> is called explicitly, in which case call
    /// it before <c>UseRequestMetrics()</c>, or in-progress requests are labelled <c>unmatched</c>.
    /// </summary>
    public bool TrackInProgress { get; set; }
}
