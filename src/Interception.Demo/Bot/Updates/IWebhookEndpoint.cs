using Interception.Demo.Bot.Telegram;
using Interception.Metrics;

namespace Interception.Demo.Bot.Updates;

/// <summary>The HTTP endpoint Telegram posts updates to; timed as <see cref="MetricKind.Http"/> with the response's status code.</summary>
internal interface IWebhookEndpoint
{
    [MetricsTimer(MetricKind.Http, Name = "/telegram/webhook", HttpMethod = "POST")]
    Task<HttpResponseMessage> ReceiveAsync(TelegramUpdate update, CancellationToken cancellationToken);
}
