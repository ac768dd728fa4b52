using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Interception.Demo.Telegram;

/// <summary>Healthy while the Bot API answers <c>getMe</c>.</summary>
internal sealed class BotApiHealthCheck(IBotApi api) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var me = await api.GetMeAsync(cancellationToken);
            return HealthCheckResult.Healthy($"@{me.Username} answers");
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy($"the Bot API does not answer: {exception.Message}", exception);
        }
    }
}
