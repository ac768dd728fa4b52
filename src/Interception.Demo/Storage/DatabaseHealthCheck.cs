using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Interception.Demo.Storage;

/// <summary>Healthy while a query on the database succeeds.</summary>
internal sealed class DatabaseHealthCheck(IChannelRepository channels) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var count = await channels.CountAsync(cancellationToken);
            return HealthCheckResult.Healthy($"{count} channels");
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy("the database does not answer", exception);
        }
    }
}
