using Interception.Demo.Bot.Telegram;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Interception.Demo.Health;

/// <summary>Healthy while the Bot API answers.</summary>
internal sealed class TelegramApiHealthCheck(ITelegramApiClient telegram) : IHealthCheck
{
    public Task<Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(telegram.IsReachable
            ? Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckResult.Healthy("Bot API reachable")
            : Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckResult.Unhealthy("Bot API unreachable"));
}
