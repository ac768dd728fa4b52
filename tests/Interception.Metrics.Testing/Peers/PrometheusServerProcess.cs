using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Interception.Metrics.Testing;

/// <summary>
/// A real Prometheus server on a free loopback port, run from a temporary directory holding its configuration (and
/// any files the configuration names, such as rule files) and an empty TSDB. Disposing it kills the process and
/// deletes the directory.
/// </summary>
public sealed class PrometheusServerProcess : IDisposable
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

    /// <summary>Starts Prometheus scraping <paramref name="target"/> (host:port) at <paramref name="metricsPath"/> every second and waits until it is ready.</summary>
    /// <param name="binary">The prometheus binary.</param>
    /// <param name="target">host:port to scrape.</param>
    /// <param name="metricsPath">The path to scrape.</param>
    /// <param name="extraArguments">More command-line arguments, such as <c>--enable-feature=exemplar-storage</c>.</param>
    public static Task<PrometheusServerProcess> StartScrapingAsync(string binary, string target, string metricsPath, params string[] extraArguments) =>
        StartAsync(binary, $"""
            global:
              scrape_interval: 1s
              scrape_timeout: 1s
              evaluation_interval: 1s
            scrape_configs:
              - job_name: interception
                metrics_path: {metricsPath}
                static_configs:
                  - targets: ['{target}']
            """,
            extraArguments: extraArguments);

    /// <summary>
    /// Writes <paramref name="configuration"/> as prometheus.yml and each of <paramref name="files"/> (name, content)
    /// beside it, starts <paramref name="binary"/> with it (and <paramref name="extraArguments"/>, such as
    /// <c>--enable-feature=exemplar-storage</c>) and waits until the server is ready.
    /// </summary>
    public static async Task<PrometheusServerProcess> StartAsync(string binary, string configuration, IReadOnlyDictionary<string, string>? files = null, IReadOnlyList<string>? extraArguments = null)
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
            "--log.level=warn",
            .. (extraArguments ?? [])])
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

    /// <summary>Runs an instant query that must succeed and returns its result vector as (labels without job and instance, value).</summary>
    /// <exception cref="InvalidOperationException">Prometheus did not answer success.</exception>
    public async Task<IReadOnlyList<(IReadOnlyDictionary<string, string> Labels, double Value)>> QueryVectorAsync(string query)
    {
        var response = await QueryAsync(query);
        if (!response.Success)
        {
            throw new InvalidOperationException($"Query '{query}' failed: {response.Body}");
        }

        using var document = JsonDocument.Parse(response.Body);
        return document.RootElement.GetProperty("data").GetProperty("result").EnumerateArray()
            .Select(sample =>
            {
                var labels = sample.GetProperty("metric").EnumerateObject()
                    .Where(l => l.Name is not ("job" or "instance"))
                    .ToDictionary(l => l.Name, l => l.Value.GetString() ?? string.Empty, StringComparer.Ordinal);
                var value = double.Parse(sample.GetProperty("value")[1].GetString()!, CultureInfo.InvariantCulture);
                return ((IReadOnlyDictionary<string, string>)labels, value);
            })
            .ToArray();
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

    /// <summary>
    /// The exemplars Prometheus stored for the series <paramref name="query"/> selects over the last hour (it needs
    /// <c>--enable-feature=exemplar-storage</c>), as (series labels, exemplar labels) pairs.
    /// </summary>
    public async Task<IReadOnlyList<(IReadOnlyDictionary<string, string> Series, IReadOnlyDictionary<string, string> Exemplar)>> QueryExemplarsAsync(string query)
    {
        var end = DateTimeOffset.UtcNow.AddMinutes(1).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var start = DateTimeOffset.UtcNow.AddHours(-1).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        using var response = await _http.GetAsync(new Uri($"api/v1/query_exemplars?query={Uri.EscapeDataString(query)}&start={start}&end={end}", UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();
        using var document = JsonDocument.Parse(body);
        var root = document.RootElement;
        if (root.GetProperty("status").GetString() != "success")
        {
            throw new InvalidOperationException($"Exemplar query '{query}' failed: {body}");
        }

        static IReadOnlyDictionary<string, string> Labels(JsonElement labels) =>
            labels.EnumerateObject().ToDictionary(l => l.Name, l => l.Value.GetString() ?? string.Empty, StringComparer.Ordinal);

        return root.GetProperty("data").EnumerateArray()
            .SelectMany(series => series.GetProperty("exemplars").EnumerateArray()
                .Select(exemplar => (Labels(series.GetProperty("seriesLabels")), Labels(exemplar.GetProperty("labels")))))
            .ToArray();
    }

    /// <summary>The scrape targets as Prometheus reports them (health, last error), for failure messages.</summary>
    public async Task<string> TargetsAsync()
    {
        try
        {
            return await _http.GetStringAsync(new Uri("api/v1/targets", UriKind.Relative));
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
        {
            return $"(targets unavailable: {exception.Message})";
        }
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
