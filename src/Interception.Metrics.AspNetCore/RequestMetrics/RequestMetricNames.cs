namespace Interception.Metrics.AspNetCore;

/// <summary>The metrics only the request middleware declares.</summary>
internal static class RequestMetricNames
{
    /// <summary>Gauge {method, endpoint}: requests being handled.</summary>
    public const string InProgress = "http_requests_in_progress";

    /// <summary>The declaration of <see cref="InProgress"/>.</summary>
    public static MetricDefinition InProgressDefinition { get; } =
        new(InProgress, MetricType.Gauge, "HTTP requests being handled right now.", ["method", "endpoint"]);
}
