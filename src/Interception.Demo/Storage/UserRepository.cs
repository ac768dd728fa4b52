using Dapper;

namespace Interception.Demo.Storage;

/// <summary>The <c>users</c> table.</summary>
internal sealed class UserRepository(Database database, TimeProvider time) : IUserRepository
{
    private const string Upsert = """
        INSERT INTO users (id, first_name, username, first_seen, last_seen) VALUES (@Id, @FirstName, @Username, @Now, @Now)
        ON CONFLICT (id) DO UPDATE SET first_name = excluded.first_name, username = excluded.username, last_seen = excluded.last_seen
        """;

    private const string Count = "SELECT COUNT(*) FROM users";

    public async Task SaveAsync(BotUser user, CancellationToken cancellationToken)
    {
        await using var session = await database.OpenForWriteAsync(cancellationToken);
        await session.Connection.ExecuteAsync(new CommandDefinition(
            Upsert, new { user.Id, user.FirstName, user.Username, Now = time.GetUtcNow().ToUnixTimeMilliseconds() }, cancellationToken: cancellationToken));
    }

    public async Task<int> CountAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<int>(new CommandDefinition(Count, cancellationToken: cancellationToken));
    }
}
