using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;

namespace Interception.Demo.Health;

/// <summary>Runs the registered health checks every few seconds and forwards their results to <c>health_check_status</c>.</summary>
internal sealed class HealthCheckForwarder(
    Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckService checks,
    Interception.Metrics.HealthCheckService metrics,
    TimeProvider time) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var report = await checks.CheckHealthAsync(stoppingToken);
                metrics.UpdateHealthChecks(report.Entries.Select(entry => new Interception.Metrics.HealthCheckResult(
                    entry.Key,
                    entry.Value.Status == HealthStatus.Healthy,
                    entry.Value.Description ?? string.Empty,
                    entry.Value.Duration)));
                await Task.Delay(Interval, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
