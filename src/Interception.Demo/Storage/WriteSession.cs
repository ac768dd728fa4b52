using Microsoft.Data.Sqlite;

namespace Interception.Demo.Storage;

/// <summary>The one write connection of the moment; disposing it closes the connection and lets the next writer in.</summary>
internal sealed class WriteSession(SqliteConnection connection, SemaphoreSlim writer) : IAsyncDisposable
{
    public SqliteConnection Connection { get; } = connection;

    public async ValueTask DisposeAsync()
    {
        try
        {
            await Connection.DisposeAsync();
        }
        finally
        {
            writer.Release();
        }
    }
}
