using Telegram.Bot.Types;

namespace Interception.Demo.Webhook;

/// <summary>Answers messages people send the bot: /start, /stats, /schedule and anything else.</summary>
internal interface IMessageHandler
{
    Task HandleAsync(Message message, CancellationToken cancellationToken);
}
