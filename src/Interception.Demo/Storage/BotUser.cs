namespace Interception.Demo.Storage;

/// <summary>A person who wrote to the bot.</summary>
internal sealed record BotUser(long Id, string FirstName, string? Username);
