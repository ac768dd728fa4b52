using Telegram.Bot.Types;

namespace Interception.Demo.Webhook;

/// <summary>Answers the buttons under the bot's messages.</summary>
internal interface ICallbackQueryHandler
{
    Task HandleAsync(CallbackQuery query, CancellationToken cancellationToken);
}
