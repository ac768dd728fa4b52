using Dapper;

namespace Interception.Demo.Storage;

/// <summary>The <c>channels</c> table.</summary>
internal sealed class ChannelRepository(Database database, TimeProvider time) : IChannelRepository
{
    private const string Find = """
        SELECT id AS Id, title AS Title, username AS Username, subscribers AS Subscribers FROM channels WHERE id = @ChannelId
        """;

    private const string Upsert = """
        INSERT INTO channels (id, title, username, subscribers, connected_at) VALUES (@Id, @Title, @Username, @Subscribers, @Now)
        ON CONFLICT (id) DO UPDATE SET title = excluded.title, username = excluded.username, subscribers = excluded.subscribers
        """;

    private const string Stats = """
        SELECT c.id AS ChannelId, c.title AS Title, c.subscribers AS Subscribers,
               COUNT(p.id) AS Posts, COALESCE(SUM(p.views), 0) AS Views
        FROM channels c LEFT JOIN posts p ON p.channel_id = c.id AND p.message_id IS NOT NULL
        GROUP BY c.id ORDER BY Views DESC, c.id LIMIT @Limit
        """;

    private const string Count = "SELECT COUNT(*) FROM channels";

    public async Task<Channel?> FindAsync(long channelId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<Channel>(new CommandDefinition(Find, new { ChannelId = channelId }, cancellationToken: cancellationToken));
    }

    public async Task SaveAsync(Channel channel, CancellationToken cancellationToken)
    {
        await using var session = await database.OpenForWriteAsync(cancellationToken);
        await session.Connection.ExecuteAsync(new CommandDefinition(
            Upsert,
            new { channel.Id, channel.Title, channel.Username, channel.Subscribers, Now = time.GetUtcNow().ToUnixTimeMilliseconds() },
            cancellationToken: cancellationToken));
    }

    public async Task<IReadOnlyList<ChannelStats>> StatsAsync(int limit, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<ChannelStats>(new CommandDefinition(Stats, new { Limit = limit }, cancellationToken: cancellationToken));
        return [.. rows];
    }

    public async Task<int> CountAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<int>(new CommandDefinition(Count, cancellationToken: cancellationToken));
    }
}
