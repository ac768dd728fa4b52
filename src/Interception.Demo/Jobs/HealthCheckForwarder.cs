using Interception.Metrics;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Interception.Demo.Jobs;

/// <summary>Runs the application's health checks (the ones <c>/health</c> answers with) and sets <c>health_check_status</c>.</summary>
internal sealed class HealthCheckForwarder(
    Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckService checks,
    Interception.Metrics.HealthCheckService metrics) : IRecurringJob
{
    public TimeSpan Interval => TimeSpan.FromSeconds(2);

    [MetricsTimer(MetricKind.BackgroundTask, Name = "forward_health_checks")]
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var report = await checks.CheckHealthAsync(cancellationToken);
        metrics.UpdateHealthChecks(report.Entries.Select(entry => new Interception.Metrics.HealthCheckResult(
            entry.Key,
            entry.Value.Status == HealthStatus.Healthy,
            entry.Value.Description ?? string.Empty,
            entry.Value.Duration)));
    }
}
