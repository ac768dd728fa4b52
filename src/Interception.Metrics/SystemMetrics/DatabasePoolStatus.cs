namespace Interception.Metrics;

/// <summary>A database connection pool at one moment.</summary>
/// <param name="ActiveConnections">Connections in use.</param>
/// <param name="IdleConnections">Open connections not in use.</param>
/// <param name="PoolSize">Largest number of connections the pool holds.</param>
public sealed record DatabasePoolStatus(int ActiveConnections, int IdleConnections, int PoolSize);
