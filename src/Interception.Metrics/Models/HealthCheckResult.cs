namespace Interception.Metrics;

/// <summary>The result of one health check.</summary>
/// <param name="CheckName">The check's name, recorded as the <c>check_name</c> label.</param>
/// <param name="IsHealthy">Whether the check passed.</param>
/// <param name="Message">What the check reported.</param>
/// <param name="Duration">How long the check took, when known.</param>
public sealed record HealthCheckResult(string CheckName, bool IsHealthy, string Message = "", TimeSpan? Duration = null);
