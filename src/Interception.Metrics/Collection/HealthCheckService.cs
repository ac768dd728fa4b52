using Interception.Metrics.Collection;

namespace Interception.Metrics;

/// <summary>Records health check results as <c>health_check_status{check_name}</c>. Never throws because of a backend.</summary>
public sealed class HealthCheckService
{
    private readonly MultiMetricsBackend _backend;

    /// <summary>Creates the service and declares its catalogue metric on <paramref name="backend"/>.</summary>
    public HealthCheckService(IMetricsBackend backend)
    {
        _backend = BackendGuard.Wrap(backend);
        BackendGuard.InitializeAll(_backend, MetricCatalogue.Health);
    }

    /// <summary>Sets the check's gauge to 1 when healthy, 0 when not.</summary>
    public void UpdateHealthCheck(HealthCheckResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        _backend.Bind(MetricNames.HealthCheckStatus, [result.CheckName]).Record(result.IsHealthy ? 1 : 0);
    }

    /// <summary>Sets the gauge of every result.</summary>
    public void UpdateHealthChecks(IEnumerable<HealthCheckResult> results)
    {
        ArgumentNullException.ThrowIfNull(results);
        foreach (var result in results)
        {
            UpdateHealthCheck(result);
        }
    }
}
