using Dapper;

namespace Interception.Demo.Storage;

/// <summary>The <c>posts</c> table.</summary>
internal sealed class PostRepository(Database database) : IPostRepository
{
    private const string Columns = "id AS Id, channel_id AS ChannelId, message_id AS MessageId, text AS Text, views AS Views";

    private const string InsertChannelPost = """
        INSERT INTO posts (channel_id, message_id, text, published_at) VALUES (@ChannelId, @MessageId, @Text, @PublishedAt)
        ON CONFLICT (channel_id, message_id) WHERE message_id IS NOT NULL DO NOTHING
        """;

    private const string UpdateText = """
        UPDATE posts SET text = @Text, edited_at = @EditedAt WHERE channel_id = @ChannelId AND message_id = @MessageId
        """;

    private const string Schedule = """
        INSERT INTO posts (channel_id, text, publish_at) VALUES (@ChannelId, @Text, @PublishAt) RETURNING id
        """;

    private const string Due = $"""
        SELECT {Columns} FROM posts WHERE message_id IS NULL AND publish_at <= @Now ORDER BY publish_at LIMIT @Limit
        """;

    private const string MarkPublished = """
        UPDATE posts SET message_id = @MessageId, published_at = @PublishedAt WHERE id = @PostId AND message_id IS NULL
        """;

    private const string StalestViews = $"""
        SELECT {Columns} FROM posts WHERE message_id IS NOT NULL ORDER BY COALESCE(views_updated_at, 0), id LIMIT @Limit
        """;

    private const string UpdateViews = """
        UPDATE posts SET views = @Views, views_updated_at = @At WHERE id = @PostId
        """;

    private const string CountScheduled = "SELECT COUNT(*) FROM posts WHERE message_id IS NULL";

    public async Task<bool> SaveChannelPostAsync(long channelId, long messageId, string text, DateTimeOffset publishedAt, CancellationToken cancellationToken)
    {
        await using var session = await database.OpenForWriteAsync(cancellationToken);
        var inserted = await session.Connection.ExecuteAsync(new CommandDefinition(
            InsertChannelPost,
            new { ChannelId = channelId, MessageId = messageId, Text = text, PublishedAt = publishedAt.ToUnixTimeMilliseconds() },
            cancellationToken: cancellationToken));
        return inserted == 1;
    }

    public async Task<bool> UpdateTextAsync(long channelId, long messageId, string text, DateTimeOffset editedAt, CancellationToken cancellationToken)
    {
        await using var session = await database.OpenForWriteAsync(cancellationToken);
        var updated = await session.Connection.ExecuteAsync(new CommandDefinition(
            UpdateText,
            new { ChannelId = channelId, MessageId = messageId, Text = text, EditedAt = editedAt.ToUnixTimeMilliseconds() },
            cancellationToken: cancellationToken));
        return updated == 1;
    }

    public async Task<long> ScheduleAsync(long channelId, string text, DateTimeOffset publishAt, CancellationToken cancellationToken)
    {
        await using var session = await database.OpenForWriteAsync(cancellationToken);
        return await session.Connection.ExecuteScalarAsync<long>(new CommandDefinition(
            Schedule, new { ChannelId = channelId, Text = text, PublishAt = publishAt.ToUnixTimeMilliseconds() }, cancellationToken: cancellationToken));
    }

    public async Task<IReadOnlyList<Post>> DueAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<Post>(new CommandDefinition(
            Due, new { Now = now.ToUnixTimeMilliseconds(), Limit = limit }, cancellationToken: cancellationToken));
        return [.. rows];
    }

    public async Task MarkPublishedAsync(long postId, long messageId, DateTimeOffset publishedAt, CancellationToken cancellationToken)
    {
        await using var session = await database.OpenForWriteAsync(cancellationToken);
        await session.Connection.ExecuteAsync(new CommandDefinition(
            MarkPublished, new { PostId = postId, MessageId = messageId, PublishedAt = publishedAt.ToUnixTimeMilliseconds() }, cancellationToken: cancellationToken));
    }

    public async Task<IReadOnlyList<Post>> StalestViewsAsync(int limit, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<Post>(new CommandDefinition(StalestViews, new { Limit = limit }, cancellationToken: cancellationToken));
        return [.. rows];
    }

    public async Task UpdateViewsAsync(IReadOnlyList<(long PostId, long Views)> views, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var session = await database.OpenForWriteAsync(cancellationToken);
        await using var transaction = await session.Connection.BeginTransactionAsync(cancellationToken);
        var rows = views.Select(view => new { view.PostId, view.Views, At = at.ToUnixTimeMilliseconds() });
        await session.Connection.ExecuteAsync(new CommandDefinition(UpdateViews, rows, transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<int> CountScheduledAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<int>(new CommandDefinition(CountScheduled, cancellationToken: cancellationToken));
    }
}
