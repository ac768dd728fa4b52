namespace Interception.Demo.Bot.Channels;

/// <summary>A Telegram channel connected to the bot.</summary>
internal sealed record Channel(long Id, string Title, int Subscribers);
