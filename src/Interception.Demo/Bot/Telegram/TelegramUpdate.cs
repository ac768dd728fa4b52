namespace Interception.Demo.Bot.Telegram;

/// <summary>An update pushed by Telegram to the bot's webhook.</summary>
internal sealed record TelegramUpdate(long UpdateId, string Type, long ChatId, string? Text);
