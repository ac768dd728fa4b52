namespace Interception.Demo.Storage;

/// <summary>A channel the bot posts in and reads.</summary>
internal sealed record Channel(long Id, string Title, string? Username, long Subscribers);
