using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Xunit.Abstractions;

namespace Interception.Metrics.Testing;

/// <summary>
/// The real Etsy statsd daemon, run with node on loopback with a temporary config (no backends, a flush interval
/// of an hour so nothing is reset during a test) and read through its TCP admin interface.
/// </summary>
public sealed class StatsDDaemon : IAsyncDisposable
{
    private const string ProbeKey = "interception_probe";
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(20);

    private readonly (string Node, string Script) _installation;
    private readonly ITestOutputHelper _output;
    private readonly string _directory = Directory.CreateTempSubdirectory("statsd-test-").FullName;
    private readonly StringBuilder _log = new();
    private Process? _process;

    private StatsDDaemon((string Node, string Script) installation, ITestOutputHelper output, int port)
    {
        _installation = installation;
        _output = output;
        Port = port;
        AdminPort = FreePort.Next();
    }

    /// <summary>The UDP port metrics are sent to.</summary>
    public int Port { get; }

    /// <summary>The TCP port of the admin interface.</summary>
    public int AdminPort { get; }

    public static async Task<StatsDDaemon> StartAsync((string Node, string Script) installation, ITestOutputHelper output)
    {
        var daemon = new StatsDDaemon(installation, output, FreeUdpPort());
        await daemon.StartAsync();
        return daemon;
    }

    /// <summary>Starts the daemon (again) on the same ports and waits until it counts a probe sent over UDP.</summary>
    public async Task StartAsync()
    {
        var config = Path.Combine(_directory, "config.js");
        await File.WriteAllTextAsync(config, string.Create(CultureInfo.InvariantCulture, $$"""
            {
              "port": {{Port}},
              "address": "127.0.0.1",
              "mgmt_port": {{AdminPort}},
              "mgmt_address": "127.0.0.1",
              "backends": [],
              "flushInterval": 3600000,
              "dumpMessages": false,
              "debug": false
            }
            """));
        var start = new ProcessStartInfo(_installation.Node)
        {
            WorkingDirectory = Path.GetDirectoryName(_installation.Script)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(_installation.Script);
        start.ArgumentList.Add(config);
        var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => AppendLog(e.Data);
        process.ErrorDataReceived += (_, e) => AppendLog(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _process = process;

        using var probe = new UdpClient();
        var ready = await EventuallyAsync(
            async () =>
            {
                if (process.HasExited)
                {
                    throw new InvalidOperationException($"statsd exited with code {process.ExitCode}:\n{Log}");
                }

                await probe.SendAsync(Encoding.ASCII.GetBytes(ProbeKey + ":1|c"), new IPEndPoint(IPAddress.Loopback, Port));
                return (await TryCountersAsync())?.ContainsKey(ProbeKey) == true;
            },
            StartTimeout);
        if (!ready)
        {
            throw new InvalidOperationException($"statsd did not start within {StartTimeout}:\n{Log}");
        }
    }

    /// <summary>Kills the daemon; what it had counted is gone.</summary>
    public async Task StopAsync()
    {
        if (_process is { } process)
        {
            _process = null;
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }

            await process.WaitForExitAsync();
            process.Dispose();
        }
    }

    public async Task<Dictionary<string, double>> CountersAsync() => StatsDAdminSnapshot.Values(await QueryAsync("counters"));

    public async Task<Dictionary<string, double>> GaugesAsync() => StatsDAdminSnapshot.Values(await QueryAsync("gauges"));

    public Task<string> TimersAsync() => QueryAsync("timers");

    /// <summary><c>messages.bad_lines_seen</c> of the <c>stats</c> command.</summary>
    public async Task<long> BadLinesSeenAsync()
    {
        var stats = await QueryAsync("stats");
        var line = stats.Split('\n').Single(l => l.StartsWith("messages.bad_lines_seen:", StringComparison.Ordinal));
        return long.Parse(line["messages.bad_lines_seen:".Length..].Trim(), CultureInfo.InvariantCulture);
    }

    /// <summary>Sends one admin command and reads its answer up to the closing <c>END</c>.</summary>
    public async Task<string> QueryAsync(string command)
    {
        using var client = new TcpClient();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await client.ConnectAsync(IPAddress.Loopback, AdminPort, timeout.Token);
        var stream = client.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(command + "\n"), timeout.Token);
        var answer = new StringBuilder();
        var buffer = new byte[64 * 1024];
        while (!answer.ToString().Contains("END\n\n", StringComparison.Ordinal))
        {
            var read = await stream.ReadAsync(buffer, timeout.Token);
            if (read == 0)
            {
                break;
            }

            answer.Append(Encoding.ASCII.GetString(buffer, 0, read));
        }

        return answer.ToString();
    }

    /// <summary>Polls <paramref name="condition"/> until it holds or <paramref name="timeout"/> passes.</summary>
    public static async Task<bool> EventuallyAsync(Func<Task<bool>> condition, TimeSpan timeout)
    {
        var deadline = TimeProvider.System.GetTimestamp() + (long)(timeout.TotalSeconds * Stopwatch.Frequency);
        while (true)
        {
            if (await condition())
            {
                return true;
            }

            if (TimeProvider.System.GetTimestamp() > deadline)
            {
                return false;
            }

            await Task.Delay(50);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        var log = Log;
        if (log.Length > 0)
        {
            _output.WriteLine("statsd output:\n" + log);
        }

        Directory.Delete(_directory, recursive: true);
    }

    private string Log
    {
        get
        {
            lock (_log)
            {
                return _log.ToString();
            }
        }
    }

    private void AppendLog(string? line)
    {
        if (line is not null)
        {
            lock (_log)
            {
                _log.AppendLine(line);
            }
        }
    }

    private async Task<Dictionary<string, double>?> TryCountersAsync()
    {
        try
        {
            return await CountersAsync();
        }
        catch (SocketException)
        {
            return null; // the admin interface is not listening yet
        }
    }

    private static int FreeUdpPort()
    {
        using var socket = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)socket.Client.LocalEndPoint!).Port;
    }
}
