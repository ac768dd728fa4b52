using System.Net;
using System.Net.Sockets;
using Interception.Demo.Tests.TestSupport;

namespace Interception.Demo.Tests;

/// <summary>Runs the demo as `dotnet run --project src/Interception.Demo` would, and checks what a user sees: exit codes and the console.</summary>
public sealed class ProgramTests
{
    private static readonly string[] Catalogue =
    [
        "function_calls_total", "function_duration_seconds", "http_requests_total", "http_request_duration_seconds",
        "telegram_api_requests_total", "telegram_api_request_duration_seconds", "telegram_updates_total",
        "database_queries_total", "database_query_duration_seconds", "database_connections_active",
        "background_tasks_total", "background_task_duration_seconds", "background_workers_active", "app_info",
        "bot_channels", "bot_users", "bot_scheduled_posts", "bot_posts_sent_total", "bot_post_views_updates_total",
        "health_check_status", "system_memory_usage_percent", "system_cpu_usage_percent", "system_disk_usage_percent",
        "http_requests_in_progress", "function_calls_in_progress", "database_queries_in_progress",
        "telegram_api_requests_in_progress", "background_tasks_in_progress",
    ];

    [Fact]
    public async Task RunAsync_WithLoad_EveryCatalogueMetricGetsASampleAndCtrlCPrintsTheSummary()
    {
        await using var demo = await RunningDemo.StartAsync("--seed", "7");

        // The built-in load reaches the webhook over HTTP, the jobs run, and every catalogue metric gets a sample.
        var metrics = await WaitForAsync(demo, text => Catalogue.Where(metric => !text.HasSample(metric)).ToArray());
        var exitCode = await demo.StopAsync();

        Assert.Equal(0, exitCode);
        Assert.Equal(string.Empty, demo.Error);
        Assert.Contains("app_info{version=\"1.0.0\",environment=\"demo\"} 1", metrics.Text, StringComparison.Ordinal);
        Assert.True(metrics.Value("http_requests_total{method=\"POST\",endpoint=\"/telegram/webhook\",status=\"200\"}") > 0, metrics.Text);
        Assert.True(metrics.Value("function_calls_total{function=\"UpdateDispatcher.DispatchAsync\",status=\"success\"}") > 0, metrics.Text);
        Assert.True(metrics.Sum("database_queries_total", "operation=\"claim_update\"") > 0, metrics.Text);
        Assert.True(metrics.Sum("telegram_api_requests_total", "method=\"sendMessage\"") > 0, metrics.Text);
        Assert.True(metrics.Sum("background_tasks_total", "task_name=\"refresh_business_metrics\"") > 0, metrics.Text);

        var output = demo.Output;
        var root = demo.Address.GetLeftPart(UriPartial.Authority);
        Assert.Contains($"webhook   POST {root}/telegram/webhook", output, StringComparison.Ordinal);
        Assert.Contains($"metrics   Prometheus {root}/metrics", output, StringComparison.Ordinal);
        Assert.Contains($"health    {root}/health", output, StringComparison.Ordinal);
        Assert.Contains("load      4 workers posting updates, seed 7", output, StringComparison.Ordinal);
        Assert.Contains($"database  {demo.DatabasePath} (kept)", output, StringComparison.Ordinal);
        Assert.Contains("stops     on Ctrl+C", output, StringComparison.Ordinal);
        Assert.Contains("requests/s", output, StringComparison.Ordinal);
        Assert.Contains("Summary after", output, StringComparison.Ordinal);
        Assert.Matches(@"kind +operation +calls +failed +canceled +p50 ms +p95 ms", output);
        Assert.Matches(@"http +POST /telegram/webhook +[1-9]\d* +\d+ +\d+ +\d", output);
        Assert.Matches(@"telegram +sendMessage +[1-9]\d*", output);
        Assert.Matches(@"HTTP answers by status: 200 x [1-9]", output);
        Assert.Matches(@"Telegram update +success +duplicate +ignored +failed +canceled", output);
        Assert.Matches(@"message +[1-9]\d* +\d+ +\d+ +\d+ +\d+", output);
    }

    [Fact]
    public async Task RunAsync_Duration_ExitsZeroWithBannerAndSummaryAndRemovesItsTemporaryDatabase()
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var port = FreePort.Next();

        var exitCode = await Program.RunAsync(
            ["--duration", "1.5", "--no-load", "--urls", $"http://127.0.0.1:{port}"], output, error, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(0, exitCode);
        Assert.Equal(string.Empty, error.ToString());
        var text = output.ToString();
        Assert.StartsWith("Interception demo: a Telegram bot backend, timed by attributes (environment Production)", text, StringComparison.Ordinal);
        Assert.Contains($"webhook   POST http://127.0.0.1:{port}/telegram/webhook (header X-Telegram-Bot-Api-Secret-Token)", text, StringComparison.Ordinal);
        Assert.Contains($"metrics   Prometheus http://127.0.0.1:{port}/metrics | the console below", text, StringComparison.Ordinal);
        Assert.Contains("load      off (--no-load): serving only", text, StringComparison.Ordinal);
        Assert.Contains("stops     after 1.5 s, or on Ctrl+C", text, StringComparison.Ordinal);
        Assert.Matches(@"Summary after \d+\.\d s", text);
        Assert.Matches(@"kind +operation +calls +failed +canceled +p50 ms +p95 ms", text);
        Assert.Matches(@"task +refresh_business_metrics +[1-9]", text);
        var line = Assert.Single(text.Split('\n'), l => l.StartsWith("  database  ", StringComparison.Ordinal)).Trim();
        Assert.EndsWith("(removed on exit; --data <folder> keeps it)", line, StringComparison.Ordinal);
        var path = line["database  ".Length..line.IndexOf(" (", StringComparison.Ordinal)];
        Assert.EndsWith("interception-demo.db", path, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.GetDirectoryName(path)), $"{path} should be gone");
    }

    [Fact]
    public async Task RunAsync_AllBackendsEnvironment_BannerNamesEachBackendAndWhereItSends()
    {
        var udp = FreeUdpPort();
        await using var demo = await RunningDemo.StartAsync("--environment", "AllBackends", "--duration", "2", $"--Metrics:Backends:StatsD:Port={udp}");

        var exitCode = await demo.ExitCodeAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(0, exitCode);
        Assert.Equal(string.Empty, demo.Error);
        var root = demo.Address.GetLeftPart(UriPartial.Authority);
        Assert.Contains(
            $"metrics   Prometheus {root}/metrics | StatsD udp://127.0.0.1:{udp}, prefix 'bot.' | Meter 'Interception.Metrics' (System.Diagnostics.Metrics) | the console below",
            demo.Output,
            StringComparison.Ordinal);
        Assert.Contains("(environment AllBackends)", demo.Output, StringComparison.Ordinal);
        Assert.Contains("Summary after", demo.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_StandaloneMetricsServer_BannerNamesBothAddresses()
    {
        var port = FreePort.Next();
        await using var demo = await RunningDemo.StartAsync(
            "--no-load", "--duration", "1", "--Metrics:Backends:Prometheus:Server:Enabled=true", $"--Metrics:Backends:Prometheus:Server:Port={port}");

        Assert.Equal(0, await demo.ExitCodeAsync(TimeSpan.FromSeconds(60)));
        Assert.Contains($"Prometheus {demo.Address.GetLeftPart(UriPartial.Authority)}/metrics and http://127.0.0.1:{port}/metrics", demo.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--Metrics:Backends:Bogus:Enabled=true", "Invalid metrics configuration at 'Metrics:Backends:Bogus'")]
    [InlineData("--Metrics:Backends:StatsD:Port=70000", "Invalid metrics configuration at 'Metrics:Backends:StatsD:Port'")]
    [InlineData("--Metrics:Enabled=maybe", "Invalid metrics configuration at 'Metrics:Enabled'")]
    [InlineData("--Demo:Workers=abc", "Invalid demo configuration at 'Demo:Workers': 'abc' is not valid; expected a whole number from 1 to 1000.")]
    [InlineData("--Demo:Bogus=1", "Invalid demo configuration at 'Demo:Bogus': unknown key 'Bogus'. Valid keys: Duration, Workers, Seed, Load, Data.")]
    [InlineData("--Telegram:Simulator:RateLimitRate=2", "Invalid demo configuration at 'Telegram:Simulator:RateLimitRate': '2' is not valid; expected a share from 0 to 1")]
    [InlineData("--Telegram:RequestTimeout=0", "Invalid demo configuration at 'Telegram:RequestTimeout'")]
    [InlineData("--Bot:WebhookSecret=not allowed!", "Invalid demo configuration at 'Bot:WebhookSecret'")]
    [InlineData("--Bot:Token=nocolon", "Invalid demo configuration at 'Bot:Token'")]
    public async Task RunAsync_InvalidSetting_ExitsTwoWithOneLineNamingTheKey(string argument, string message)
    {
        var (exitCode, output, error) = await RunAsync(argument);

        Assert.Equal(2, exitCode);
        Assert.Equal(string.Empty, output);
        AssertOneLine(error, message);
    }

    [Theory]
    [InlineData(new[] { "--duration", "abc" }, "Invalid value 'abc' for --duration: expected a number of seconds, 0 or more")]
    [InlineData(new[] { "--duration", "-5" }, "Invalid value '-5' for --duration")]
    [InlineData(new[] { "--duration=1e400" }, "Invalid value '1e400' for --duration")]
    [InlineData(new[] { "--workers", "-1" }, "Invalid value '-1' for --workers: expected a whole number from 1 to 1000.")]
    [InlineData(new[] { "--workers", "0" }, "Invalid value '0' for --workers")]
    [InlineData(new[] { "--workers", "2.5" }, "Invalid value '2.5' for --workers")]
    [InlineData(new[] { "--seed", "x" }, "Invalid value 'x' for --seed: expected a whole number, such as 42.")]
    [InlineData(new[] { "--seed", "99999999999" }, "Invalid value '99999999999' for --seed")]
    [InlineData(new[] { "--urls", "nonsense" }, "Invalid value 'nonsense' for --urls")]
    [InlineData(new[] { "--urls", "ftp://127.0.0.1:21" }, "Invalid value 'ftp://127.0.0.1:21' for --urls")]
    [InlineData(new[] { "--duration" }, "Option --duration needs a value: --duration <seconds>.")]
    [InlineData(new[] { "--workers", "--no-load" }, "Option --workers needs a value: --workers <n>.")]
    [InlineData(new[] { "--no-load=true" }, "Option --no-load takes no value")]
    [InlineData(new[] { "--frobnicate", "1" }, "Unknown option '--frobnicate'.")]
    [InlineData(new[] { "--worker", "8" }, "Unknown option '--worker'.")]
    [InlineData(new[] { "--Bogus:Key=1" }, "Unknown option '--Bogus:Key'.")]
    [InlineData(new[] { "30" }, "Unexpected argument '30'.")]
    [InlineData(new[] { "--environment", "../etc" }, "Invalid value '../etc' for --environment")]
    public async Task RunAsync_BadCommandLineValue_ExitsTwoWithOneLineNamingTheOption(string[] args, string message)
    {
        var (exitCode, output, error) = await RunAsync(args);

        Assert.Equal(2, exitCode);
        Assert.Equal(string.Empty, output);
        AssertOneLine(error, message);
    }

    [Fact]
    public async Task RunAsync_EnvironmentWithoutSettingsFile_ExitsTwoListingTheFilesThatExist()
    {
        var (exitCode, _, error) = await RunAsync("--environment", "AllBackend");

        Assert.Equal(2, exitCode);
        AssertOneLine(error, "Unknown environment 'AllBackend' (--environment): there is no appsettings.AllBackend.json.");
        Assert.Contains("appsettings.AllBackends.json, appsettings.json", error, StringComparison.Ordinal);
        Assert.Contains("environments: AllBackends.", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_AppPortTaken_ExitsThreeNamingTheAddress()
    {
        using var occupant = new TcpListener(IPAddress.Loopback, 0);
        occupant.Start();
        var port = ((IPEndPoint)occupant.LocalEndpoint).Port;

        var (exitCode, _, error) = await RunAsync("--no-load", "--urls", $"http://127.0.0.1:{port}");

        Assert.Equal(3, exitCode);
        AssertOneLine(error, $"127.0.0.1:{port}");
        Assert.Contains("address already in use", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_MetricsServerPortTaken_ExitsThreeNamingTheAddress()
    {
        using var occupant = new TcpListener(IPAddress.Loopback, 0);
        occupant.Start();
        var port = ((IPEndPoint)occupant.LocalEndpoint).Port;

        var (exitCode, _, error) = await RunAsync(
            "--no-load", "--urls", $"http://127.0.0.1:{FreePort.Next()}", "--Metrics:Backends:Prometheus:Server:Enabled=true", $"--Metrics:Backends:Prometheus:Server:Port={port}");

        Assert.Equal(3, exitCode);
        AssertOneLine(error, $"127.0.0.1:{port}");
    }

    [Fact]
    public async Task RunAsync_Help_PrintsUsageAndExitsZero()
    {
        var (exitCode, output, error) = await RunAsync("--help");

        Assert.Equal(0, exitCode);
        Assert.Equal(string.Empty, error);
        Assert.Contains("--duration <seconds>", output, StringComparison.Ordinal);
        Assert.Contains("Exit codes: 0 after a clean stop, 2 for an invalid option or setting, 3 when an address cannot be listened on.", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Process_BadDuration_ExitsTwoWithOneLineAndNoStackTrace()
    {
        // The real executable, as `dotnet run -- --duration abc` starts it: the exit code a shell sees.
        var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet";
        var demo = Path.Combine(AppContext.BaseDirectory, "Interception.Demo.dll");

        var result = await ProcessRunner.RunAsync(dotnet, [demo, "--duration", "abc"], null, TimeSpan.FromSeconds(60));

        Assert.Equal(2, result.ExitCode);
        Assert.Equal(string.Empty, result.StandardOutput);
        AssertOneLine(result.StandardError, "Invalid value 'abc' for --duration: expected a number of seconds, 0 or more (0 runs until Ctrl+C), such as 30 or 2.5.");
    }

    private static async Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exitCode = await Program.RunAsync(args, output, error, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(60));
        return (exitCode, output.ToString(), error.ToString());
    }

    private static void AssertOneLine(string text, string expected)
    {
        Assert.Contains(expected, text, StringComparison.Ordinal);
        Assert.Single(text.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.DoesNotContain("   at ", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", text, StringComparison.Ordinal);
    }

    /// <summary>Scrapes until <paramref name="missing"/> finds nothing missing; times out naming what still is.</summary>
    private static async Task<MetricsText> WaitForAsync(RunningDemo demo, Func<MetricsText, string[]> missing)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        var last = new MetricsText(string.Empty);
        string[] still = [];
        while (DateTime.UtcNow < deadline)
        {
            last = await demo.ScrapeAsync();
            still = missing(last);
            if (still.Length == 0)
            {
                return last;
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"No sample within 30 s for: {string.Join(", ", still)}. Last scrape:{Environment.NewLine}{last}");
    }

    private static int FreeUdpPort()
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)socket.LocalEndPoint!).Port;
    }
}
