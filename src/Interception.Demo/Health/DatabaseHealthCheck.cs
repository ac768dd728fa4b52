using Interception.Metrics;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Interception.Demo.Health;

/// <summary>Degraded when the connection pool is nearly exhausted.</summary>
internal sealed class DatabaseHealthCheck(IDatabaseMetricsProvider pool) : IHealthCheck
{
    public async Task<Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var status = await pool.ReadAsync(cancellationToken);
        return status.ActiveConnections < status.PoolSize
            ? Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckResult.Healthy($"{status.ActiveConnections}/{status.PoolSize} connections in use")
            : Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckResult.Degraded("connection pool exhausted");
    }
}
