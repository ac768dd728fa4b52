using Microsoft.Data.Sqlite;

namespace Interception.Demo.Storage;

/// <summary>
/// The SQLite file: in the folder given by <c>--data</c> (kept after the run), or in a new temporary folder that is
/// removed when the application is disposed.
/// </summary>
internal sealed class DatabaseFile : IDisposable
{
    private const string FileName = "interception-demo.db";

    private DatabaseFile(string folder, bool isTemporary)
    {
        Folder = folder;
        IsTemporary = isTemporary;
        Path = System.IO.Path.Combine(folder, FileName);
        ConnectionString = new SqliteConnectionStringBuilder
        {
            DataSource = Path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,

            // Seconds a command retries while another connection (another process, or a reader during a checkpoint)
            // holds the lock: SQLite's busy timeout, as Microsoft.Data.Sqlite implements it.
            DefaultTimeout = 30,
        }.ToString();
    }

    public string Folder { get; }

    public string Path { get; }

    public bool IsTemporary { get; }

    public string ConnectionString { get; }

    /// <summary>The file in <paramref name="settings"/>' data folder (created if needed), or in a new temporary folder.</summary>
    /// <exception cref="IOException">The data folder cannot be created (a file of that name exists, or no permission).</exception>
    public static DatabaseFile Create(StorageSettings settings) =>
        settings.DataFolder is { } folder
            ? new DatabaseFile(Directory.CreateDirectory(folder).FullName, isTemporary: false)
            : new DatabaseFile(Directory.CreateTempSubdirectory("interception-demo-").FullName, isTemporary: true);

    /// <summary>Closes the pooled connections (SQLite then checkpoints the WAL into the file) and removes a temporary folder.</summary>
    public void Dispose()
    {
        using (var connection = new SqliteConnection(ConnectionString))
        {
            SqliteConnection.ClearPool(connection);
        }

        if (IsTemporary)
        {
            try
            {
                Directory.Delete(Folder, recursive: true);
            }
            catch (IOException)
            {
                // Something still holds a file; the operating system cleans its temporary folder.
            }
        }
    }
}
