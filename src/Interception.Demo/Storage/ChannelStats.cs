namespace Interception.Demo.Storage;

/// <summary>What the bot reports about a channel: subscribers, posts seen and their views.</summary>
/// <remarks>
/// Properties rather than a positional record: Posts and Views are computed columns, which SQLite reports without a
/// type until a row is read, and Dapper matches a constructor by the column types it sees first.
/// </remarks>
internal sealed record ChannelStats
{
    public long ChannelId { get; init; }

    public required string Title { get; init; }

    public long Subscribers { get; init; }

    public long Posts { get; init; }

    public long Views { get; init; }
}
