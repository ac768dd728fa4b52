using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.Data.Sqlite;

namespace Interception.Demo.Tests.TestSupport;

/// <summary>
/// The demo running in this process as <c>dotnet run</c> runs it (<see cref="Program.RunAsync"/>), on a free loopback
/// port and with its database in a folder of the test's, reached only as a user reaches it: over HTTP, through its
/// console output, and by opening the SQLite file.
/// </summary>
internal sealed class RunningDemo : IAsyncDisposable
{
    public const string Secret = "demo-secret";

    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(30);

    private readonly CancellationTokenSource _stop = new();
    private readonly StringWriter _output = new();
    private readonly StringWriter _error = new();
    private readonly string _dataFolder;
    private Task<int> _run = Task.FromResult(-1);

    private RunningDemo(int port, string dataFolder)
    {
        Port = port;
        _dataFolder = dataFolder;
        Address = new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}/");
        Client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 256 }) { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(60) };
    }

    public int Port { get; }

    public Uri Address { get; }

    public HttpClient Client { get; }

    public string DatabasePath => Path.Combine(_dataFolder, "interception-demo.db");

    /// <summary>What the demo printed so far.</summary>
    public string Output => _output.ToString();

    /// <summary>What the demo wrote to standard error so far.</summary>
    public string Error => _error.ToString();

    /// <summary>Starts the demo with <paramref name="arguments"/> after its address and data folder, and waits until <c>/health</c> answers.</summary>
    public static async Task<RunningDemo> StartAsync(params string[] arguments)
    {
        var demo = new RunningDemo(FreePort.Next(), Directory.CreateTempSubdirectory("interception-demo-test-").FullName);
        string[] args = ["--urls", demo.Address.GetLeftPart(UriPartial.Authority), "--data", demo._dataFolder, .. arguments];
        demo._run = Task.Run(() => Program.RunAsync(args, TextWriter.Synchronized(demo._output), TextWriter.Synchronized(demo._error), demo._stop.Token));
        try
        {
            await demo.WaitUntilReadyAsync();
            return demo;
        }
        catch
        {
            await demo.DisposeAsync();
            throw;
        }
    }

    /// <summary>Posts <paramref name="json"/> to the webhook with <paramref name="secret"/> in the secret header (none when <see langword="null"/>).</summary>
    public async Task<HttpResponseMessage> PostUpdateAsync(string json, string? secret = Secret)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "telegram/webhook")
        {
            Content = new StringContent(json, Encoding.UTF8, new MediaTypeHeaderValue("application/json")),
        };
        if (secret is not null)
        {
            request.Headers.TryAddWithoutValidation("X-Telegram-Bot-Api-Secret-Token", secret);
        }

        return await Client.SendAsync(request);
    }

    public async Task<MetricsText> ScrapeAsync() => new(await Client.GetStringAsync(new Uri("metrics", UriKind.Relative)));

    /// <summary>Counts the rows of <paramref name="table"/> (optionally only those matching <paramref name="where"/>) through a connection of the test's own.</summary>
    public async Task<long> CountRowsAsync(string table, string where = "1 = 1")
    {
        var connectionString = new SqliteConnectionStringBuilder { DataSource = DatabasePath, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString();
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT COUNT(*) FROM {table} WHERE {where}";
        return (long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>Stops the demo as Ctrl+C would and returns its exit code.</summary>
    public async Task<int> StopAsync()
    {
        await _stop.CancelAsync();
        return await _run.WaitAsync(TimeSpan.FromSeconds(60));
    }

    /// <summary>Waits for the demo to stop by itself (after <c>--duration</c>) and returns its exit code.</summary>
    public Task<int> ExitCodeAsync(TimeSpan timeout) => _run.WaitAsync(timeout);

    public async ValueTask DisposeAsync()
    {
        if (!_run.IsCompleted)
        {
            await StopAsync();
        }

        Client.Dispose();
        _stop.Dispose();
        try
        {
            Directory.Delete(_dataFolder, recursive: true);
        }
        catch (IOException)
        {
            // Left for the operating system's temporary folder cleanup.
        }
    }

    private async Task WaitUntilReadyAsync()
    {
        var deadline = DateTime.UtcNow + ReadyTimeout;
        while (DateTime.UtcNow < deadline)
        {
            if (_run.IsCompleted)
            {
                throw new InvalidOperationException($"The demo exited with code {await _run} before it served.{Environment.NewLine}{Output}{Error}");
            }

            try
            {
                using var response = await Client.GetAsync(new Uri("health", UriKind.Relative));
                return;
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"The demo did not serve within {ReadyTimeout}.{Environment.NewLine}{Output}{Error}");
    }
}
