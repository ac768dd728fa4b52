using Dapper;
using Microsoft.Extensions.Hosting;

namespace Interception.Demo.Storage;

/// <summary>Creates the tables when the application starts, before the server takes requests (a no-op on an existing file).</summary>
internal sealed class SchemaInitializer(Database database) : IHostedService
{
    // Times are Unix milliseconds. A channel post is a post with its message_id; a scheduled post has none until
    // it is published. update_id is the key that makes a redelivered update land once.
    private const string CreateTables = """
        PRAGMA journal_mode = WAL;
        CREATE TABLE IF NOT EXISTS updates (
            update_id   INTEGER PRIMARY KEY,
            update_type TEXT    NOT NULL,
            received_at INTEGER NOT NULL);
        CREATE TABLE IF NOT EXISTS users (
            id         INTEGER PRIMARY KEY,
            first_name TEXT    NOT NULL,
            username   TEXT,
            first_seen INTEGER NOT NULL,
            last_seen  INTEGER NOT NULL);
        CREATE TABLE IF NOT EXISTS channels (
            id           INTEGER PRIMARY KEY,
            title        TEXT    NOT NULL,
            username     TEXT,
            subscribers  INTEGER NOT NULL,
            connected_at INTEGER NOT NULL);
        CREATE TABLE IF NOT EXISTS posts (
            id               INTEGER PRIMARY KEY AUTOINCREMENT,
            channel_id       INTEGER NOT NULL REFERENCES channels (id),
            message_id       INTEGER,
            text             TEXT    NOT NULL,
            publish_at       INTEGER,
            published_at     INTEGER,
            edited_at        INTEGER,
            views            INTEGER NOT NULL DEFAULT 0,
            views_updated_at INTEGER);
        CREATE UNIQUE INDEX IF NOT EXISTS posts_by_message ON posts (channel_id, message_id) WHERE message_id IS NOT NULL;
        CREATE INDEX IF NOT EXISTS posts_due ON posts (publish_at) WHERE message_id IS NULL;
        """;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var session = await database.OpenForWriteAsync(cancellationToken);
        await session.Connection.ExecuteAsync(new CommandDefinition(CreateTables, cancellationToken: cancellationToken));
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
