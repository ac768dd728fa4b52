namespace Interception.Metrics;

/// <summary>One HTTP request handled or sent.</summary>
/// <param name="Method">HTTP method, such as <c>GET</c>.</param>
/// <param name="Endpoint">Route or endpoint template (not the raw URL, to keep cardinality bounded).</param>
/// <param name="StatusCode">HTTP status code.</param>
/// <param name="Duration">How long the request took.</param>
public sealed record HttpRequestMetric(string Method, string Endpoint, int StatusCode, TimeSpan Duration);
