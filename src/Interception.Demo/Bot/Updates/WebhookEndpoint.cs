using System.Net;
using Interception.Demo.Bot.Telegram;

namespace Interception.Demo.Bot.Updates;

/// <summary>Accepts an update and answers as a web framework would: 200, 400 for a malformed update, 500 when handling failed.</summary>
internal sealed class WebhookEndpoint(IUpdateHandler handler) : IWebhookEndpoint
{
    public async Task<HttpResponseMessage> ReceiveAsync(TelegramUpdate update, CancellationToken cancellationToken)
    {
        if (update.ChatId == 0)
        {
            return new HttpResponseMessage(HttpStatusCode.BadRequest);
        }

        try
        {
            await handler.HandleAsync(update, cancellationToken);
            return new HttpResponseMessage(HttpStatusCode.OK);
        }
        catch (Exception exception) when (exception is TelegramApiException or InvalidOperationException)
        {
            return new HttpResponseMessage(HttpStatusCode.InternalServerError);
        }
    }
}
