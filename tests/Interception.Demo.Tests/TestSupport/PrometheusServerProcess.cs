using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Interception.Demo.Tests.TestSupport;

/// <summary>
/// A real Prometheus server on a free loopback port, run from a temporary directory holding its configuration (and
/// any files the configuration names, such as rule files) and an empty TSDB. Disposing it kills the process and
/// deletes the directory.
/// </summary>
internal sealed class PrometheusServerProcess : IDisposable
{
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(30);

    private readonly Process _process;
    private readonly string _directory;
    private readonly StringBuilder _log = new();
    private readonly HttpClient _http;

    private PrometheusServerProcess(Process process, string directory, int port)
    {
        _process = process;
        _directory = directory;
        _http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}/"), Timeout = TimeSpan.FromSeconds(5) };
    }

    /// <summary>What the server wrote so far, for failure messages.</summary>
    public string Log
    {
        get
        {
            lock (_log)
            {
                return _log.ToString();
            }
        }
    }

    /// <summary>
    /// Writes <paramref name="configuration"/> as prometheus.yml and each of <paramref name="files"/> (name, content)
    /// beside it, starts <paramref name="binary"/> with it and waits until the server is ready.
    /// </summary>
    public static async Task<PrometheusServerProcess> StartAsync(string binary, string configuration, IReadOnlyDictionary<string, string>? files = null)
    {
        var directory = Directory.CreateTempSubdirectory("interception-prometheus-").FullName;
        var configFile = Path.Combine(directory, "prometheus.yml");
        await File.WriteAllTextAsync(configFile, configuration);
        foreach (var (name, content) in files ?? new Dictionary<string, string>())
        {
            await File.WriteAllTextAsync(Path.Combine(directory, name), content);
        }

        var port = FreePort.Next();
        var startInfo = new ProcessStartInfo(binary)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = directory,
        };
        foreach (var argument in (string[])[
            $"--config.file={configFile}",
            $"--storage.tsdb.path={Path.Combine(directory, "data")}",
            $"--web.listen-address=127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}",
            "--log.level=warn"])
        {
            startInfo.ArgumentList.Add(argument);
        }

        var process = Process.Start(startInfo) ?? throw new InvalidOperationException($"Could not start {binary}.");
        var server = new PrometheusServerProcess(process, directory, port);
        process.OutputDataReceived += (_, e) => server.Append(e.Data);
        process.ErrorDataReceived += (_, e) => server.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await server.WaitUntilReadyAsync();
            return server;
        }
        catch
        {
            server.Dispose();
            throw;
        }
    }

    /// <summary>Runs an instant query through <c>/api/v1/query</c>; a query that does not parse comes back as HTTP 400.</summary>
    public async Task<PrometheusQueryResponse> QueryAsync(string query)
    {
        using var response = await _http.GetAsync(new Uri($"api/v1/query?query={Uri.EscapeDataString(query)}", UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();
        using var document = JsonDocument.Parse(body);
        var root = document.RootElement;
        var success = root.GetProperty("status").GetString() == "success";
        var series = success && root.GetProperty("data").GetProperty("result") is { ValueKind: JsonValueKind.Array } result
            ? result.GetArrayLength()
            : 0;
        return new PrometheusQueryResponse(response.StatusCode, success, series, body);
    }

    /// <summary>The body of <c>/api/v1/rules</c>: the loaded rule groups with each rule's health and last error.</summary>
    public async Task<string> RulesAsync() => await _http.GetStringAsync(new Uri("api/v1/rules", UriKind.Relative));

    /// <summary>Every loaded rule with its health, from <c>/api/v1/rules</c>.</summary>
    public async Task<IReadOnlyList<RuleHealth>> RuleHealthAsync()
    {
        using var document = JsonDocument.Parse(await RulesAsync());
        return document.RootElement.GetProperty("data").GetProperty("groups").EnumerateArray()
            .SelectMany(group => group.GetProperty("rules").EnumerateArray())
            .Select(rule => new RuleHealth(
                rule.GetProperty("name").GetString() ?? string.Empty,
                rule.GetProperty("health").GetString() ?? string.Empty,
                rule.TryGetProperty("lastError", out var error) ? error.GetString() ?? string.Empty : string.Empty))
            .ToArray();
    }

    public void Dispose()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(5000);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }

        _process.Dispose();
        _http.Dispose();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by the dying process; the temporary directory is cleaned by the OS later.
        }
    }

    private async Task WaitUntilReadyAsync()
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < ReadyTimeout)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"Prometheus exited with code {_process.ExitCode} before it was ready:{Environment.NewLine}{Log}");
            }

            try
            {
                using var response = await _http.GetAsync(new Uri("-/ready", UriKind.Relative));
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet.
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"Prometheus was not ready within {ReadyTimeout}:{Environment.NewLine}{Log}");
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_log)
        {
            _log.AppendLine(line);
        }
    }
}
