using Interception.Demo.Bot.Telegram;

namespace Interception.Demo.Bot.Updates;

/// <summary>Handles one update from Telegram.</summary>
internal interface IUpdateHandler
{
    Task HandleAsync(TelegramUpdate update, CancellationToken cancellationToken);
}
