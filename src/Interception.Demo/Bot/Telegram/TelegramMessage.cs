namespace Interception.Demo.Bot.Telegram;

/// <summary>A message the Bot API accepted.</summary>
internal sealed record TelegramMessage(int MessageId, long ChatId);
