using System.Net;
using System.Net.Sockets;

namespace Interception.Demo.Tests;

/// <summary>Runs the demo in-process, as `dotnet run --project src/Interception.Demo` would, and checks what a user sees.</summary>
public class ProgramTests
{
    private static readonly string[] Catalogue =
    [
        "function_calls_total", "function_duration_seconds", "http_requests_total", "http_request_duration_seconds",
        "telegram_api_requests_total", "telegram_api_request_duration_seconds", "telegram_updates_total",
        "database_queries_total", "database_query_duration_seconds", "database_connections_active",
        "background_tasks_total", "background_task_duration_seconds", "background_workers_active", "app_info",
        "bot_channels", "bot_users", "bot_scheduled_posts", "bot_posts_sent_total", "bot_post_views_updates_total",
        "health_check_status", "system_memory_usage_percent", "system_cpu_usage_percent", "system_disk_usage_percent",
    ];

    [Fact]
    public async Task RunAsync_DefaultConfiguration_ServesWholeCatalogueAndExitsZero()
    {
        var port = FreePort();
        var output = new StringWriter();
        var error = new StringWriter();

        var run = Program.RunAsync(["--duration", "6", $"--Metrics:Backends:Prometheus:Server:Port={port}"], TextWriter.Synchronized(output), error);
        // The Telegram-bot metrics are declared when the bot first uses them, so wait for those too.
        var exposition = await ScrapeWhenReadyAsync(
            port,
            text => text.Contains("telegram_api_requests_total{", StringComparison.Ordinal)
                && Catalogue.All(metric => text.Contains($"# TYPE {metric} ", StringComparison.Ordinal)));
        var exitCode = await run.WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(0, exitCode);
        Assert.Equal(string.Empty, error.ToString());
        foreach (var metric in Catalogue)
        {
            Assert.Contains($"# TYPE {metric} ", exposition, StringComparison.Ordinal);
        }

        Assert.Contains("app_info{version=\"1.0.0\",environment=\"demo\"} 1", exposition, StringComparison.Ordinal);
        Assert.Matches(@"http_requests_total\{method=""POST"",endpoint=""/telegram/webhook"",status=""200""\} [1-9]", exposition);
        Assert.Matches(@"function_calls_total\{function=""UpdateHandler.HandleAsync"",status=""success""\} [1-9]", exposition);
        var text = output.ToString();
        Assert.Contains($"http://127.0.0.1:{port}/metrics", text, StringComparison.Ordinal);
        Assert.Contains("calls/s", text, StringComparison.Ordinal);
        Assert.Contains("Summary", text, StringComparison.Ordinal);
        Assert.Contains("sendMessage", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_AllBackendsEnvironment_RunsWithStatsDAndMeterToo()
    {
        var port = FreePort();
        var output = new StringWriter();
        var error = new StringWriter();

        var exitCode = await Program.RunAsync(
            ["--environment", "AllBackends", "--duration", "2", $"--Metrics:Backends:Prometheus:Server:Port={port}", $"--Metrics:Backends:StatsD:Port={FreeUdpPort()}"],
            TextWriter.Synchronized(output),
            error).WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(0, exitCode);
        Assert.Equal(string.Empty, error.ToString());
        Assert.Contains("Summary", output.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--Metrics:Backends:Bogus:Enabled=true", "Metrics:Backends:Bogus")]
    [InlineData("--Metrics:Backends:StatsD:Port=70000", "Metrics:Backends:StatsD:Port")]
    [InlineData("--Metrics:Enabled=maybe", "Metrics:Enabled")]
    public async Task RunAsync_InvalidConfiguration_ExitsTwoWithTheKeyAndNoStackTrace(string argument, string key)
    {
        var output = new StringWriter();
        var error = new StringWriter();

        var exitCode = await Program.RunAsync([argument, "--Metrics:Backends:Prometheus:Server:Enabled=false"], output, error);

        Assert.Equal(2, exitCode);
        Assert.Contains(key, error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_MetricsPortTaken_ExitsThreeNamingThePortWithoutStackTrace()
    {
        using var occupant = new TcpListener(IPAddress.Loopback, 0);
        occupant.Start();
        var port = ((IPEndPoint)occupant.LocalEndpoint).Port;
        var output = new StringWriter();
        var error = new StringWriter();

        var exitCode = await Program.RunAsync(["--duration", "1", $"--Metrics:Backends:Prometheus:Server:Port={port}"], output, error);

        Assert.Equal(3, exitCode);
        Assert.Contains($"127.0.0.1:{port}", error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error.ToString(), StringComparison.Ordinal);
    }

    private static async Task<string> ScrapeWhenReadyAsync(int port, Func<string, bool> ready)
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow.AddSeconds(30);
        var last = string.Empty;
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                last = await client.GetStringAsync(new Uri($"http://127.0.0.1:{port}/metrics"));
                if (ready(last))
                {
                    return last;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"The demo did not serve the expected metrics within 30 s. Last response:\n{last}");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static int FreeUdpPort()
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)socket.LocalEndPoint!).Port;
    }
}
