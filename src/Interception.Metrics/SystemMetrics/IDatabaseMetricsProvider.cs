namespace Interception.Metrics;

/// <summary>Reads the database connection pool, for <c>database_connections_active</c>.</summary>
public interface IDatabaseMetricsProvider
{
    /// <summary>Reads the pool.</summary>
    Task<DatabasePoolStatus> ReadAsync(CancellationToken cancellationToken = default);
}
