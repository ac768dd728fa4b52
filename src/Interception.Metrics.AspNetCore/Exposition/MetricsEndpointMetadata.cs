namespace Interception.Metrics.AspNetCore;

/// <summary>Marks the endpoints of <c>MapMetricsEndpoint</c>, so that the request middleware leaves scrapes uncounted.</summary>
internal sealed class MetricsEndpointMetadata
{
    public static MetricsEndpointMetadata Instance { get; } = new();

    private MetricsEndpointMetadata()
    {
    }
}
