using System.Data;
using Dapper;
using Interception.Metrics;
using Microsoft.Data.Sqlite;

namespace Interception.Demo.Storage;

/// <summary>
/// Opens connections to the demo's SQLite file and reports how many are open (<c>database_connections_active</c>)
/// from their <see cref="SqliteConnection.StateChange"/> events. Writes go through <see cref="OpenForWriteAsync"/>:
/// SQLite allows one writer at a time, so writers queue here, asynchronously, instead of blocking threads in SQLite's
/// busy handler; readers never wait for writers (WAL mode).
/// </summary>
internal sealed class Database(DatabaseFile file, MetricsCollectorService metrics) : IDisposable
{
    private readonly SemaphoreSlim _writer = new(1, 1);
    private readonly Lock _gate = new();
    private int _open;

    /// <summary>Connections open right now.</summary>
    public int OpenConnections
    {
        get
        {
            lock (_gate)
            {
                return _open;
            }
        }
    }

    /// <summary>An open connection for reading; dispose it to close it.</summary>
    public async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(file.ConnectionString);
        connection.StateChange += OnStateChange;
        try
        {
            await connection.OpenAsync(cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>An open connection once no other writer holds one; dispose the session to close it and let the next writer in.</summary>
    public async Task<WriteSession> OpenForWriteAsync(CancellationToken cancellationToken)
    {
        await _writer.WaitAsync(cancellationToken);
        try
        {
            var connection = await OpenAsync(cancellationToken);
            try
            {
                // In WAL mode NORMAL syncs at checkpoints, not at every commit: safe from corruption, and a commit is
                // no longer an fsync. A per-connection setting, so set on each session (it costs no I/O).
                await connection.ExecuteAsync(new CommandDefinition("PRAGMA synchronous = NORMAL", cancellationToken: cancellationToken));
                return new WriteSession(connection, _writer);
            }
            catch
            {
                await connection.DisposeAsync();
                throw;
            }
        }
        catch
        {
            _writer.Release();
            throw;
        }
    }

    public void Dispose() => _writer.Dispose();

    private void OnStateChange(object? sender, StateChangeEventArgs change)
    {
        // Under the lock, so that the gauge is set in the order the counts change.
        lock (_gate)
        {
            if (change.CurrentState == ConnectionState.Open && change.OriginalState != ConnectionState.Open)
            {
                _open++;
            }
            else if (change.OriginalState == ConnectionState.Open && change.CurrentState != ConnectionState.Open)
            {
                _open--;
            }
            else
            {
                return;
            }

            metrics.UpdateDatabaseConnections(_open);
        }
    }
}
