using Dapper;

namespace Interception.Demo.Storage;

/// <summary>The <c>updates</c> table.</summary>
internal sealed class UpdateLog(Database database, TimeProvider time) : IUpdateLog
{
    private const string Claim = """
        INSERT INTO updates (update_id, update_type, received_at) VALUES (@UpdateId, @UpdateType, @Now)
        ON CONFLICT (update_id) DO NOTHING
        """;

    private const string Release = "DELETE FROM updates WHERE update_id = @UpdateId";

    private const string MaxId = "SELECT COALESCE(MAX(update_id), 0) FROM updates";

    public async Task<bool> TryClaimAsync(int updateId, string updateType, CancellationToken cancellationToken)
    {
        await using var session = await database.OpenForWriteAsync(cancellationToken);
        var inserted = await session.Connection.ExecuteAsync(new CommandDefinition(
            Claim, new { UpdateId = updateId, UpdateType = updateType, Now = time.GetUtcNow().ToUnixTimeMilliseconds() }, cancellationToken: cancellationToken));
        return inserted == 1;
    }

    public async Task ReleaseAsync(int updateId, CancellationToken cancellationToken)
    {
        await using var session = await database.OpenForWriteAsync(cancellationToken);
        await session.Connection.ExecuteAsync(new CommandDefinition(Release, new { UpdateId = updateId }, cancellationToken: cancellationToken));
    }

    public async Task<int> MaxUpdateIdAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<int>(new CommandDefinition(MaxId, cancellationToken: cancellationToken));
    }
}
