using System.Diagnostics;
using Interception.Metrics.StatsD.Tests.Support;
using Xunit.Abstractions;

namespace Interception.Metrics.StatsD.Tests.Integration;

/// <summary>
/// Against the real Etsy statsd daemon (npm <c>statsd</c> 0.9.0, installed by <c>.ci/install.d/statsd.sh</c>):
/// what it counts is what was recorded, hostile labels never make a bad line, and a dead agent costs nothing.
/// </summary>
public sealed class StatsDDaemonIntegrationTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);

    [PeerFact]
    public async Task Collector_OverStatsD_DaemonCountsEqualCallsMade()
    {
        var installation = StatsDInstallation.Locate();

        await using var daemon = await StatsDDaemon.StartAsync(installation, output);
        var backend = new StatsDMetricsBackend(new StatsDMetricsBackendOptions { Port = daemon.Port, Prefix = "app" });
        await using (backend)
        {
            var collector = new MetricsCollectorService(backend);
            for (var i = 0; i < 250; i++)
            {
                collector.RecordHttpRequest(new HttpRequestMetric("GET", "/orders", 200, TimeSpan.FromMilliseconds(12.5)));
            }

            for (var i = 0; i < 40; i++)
            {
                collector.RecordHttpRequest(new HttpRequestMetric("GET", "/orders", 500, TimeSpan.FromMilliseconds(3)));
            }

            var calls = collector.BindOperation(MetricKind.Function, "Orders.Place");
            for (var i = 0; i < 300; i++)
            {
                calls.Record(OperationStatus.Success, TimeSpan.FromMilliseconds(1));
            }

            collector.UpdateDatabaseConnections(7);
        }

        const string Ok = "app.http_requests_total;method=GET;endpoint=-orders;status=200";
        const string Failed = "app.http_requests_total;method=GET;endpoint=-orders;status=500";
        const string Function = "app.function_calls_total;function=Orders.Place;status=success";
        Assert.True(
            await StatsDDaemon.EventuallyAsync(async () => (await daemon.CountersAsync()).GetValueOrDefault(Function) >= 300, Timeout),
            "statsd did not receive the function calls");

        var counters = await daemon.CountersAsync();
        Assert.Equal(250, counters[Ok]);
        Assert.Equal(40, counters[Failed]);
        Assert.Equal(300, counters[Function]);
        var timers = await daemon.TimersAsync();
        // Timers are in milliseconds, as StatsD timers are, so their names carry no _seconds suffix.
        Assert.Equal(290, StatsDAdminSnapshot.TimerCounts(timers)["app.http_request_duration;method=GET;endpoint=-orders"]);
        Assert.Equal(300, StatsDAdminSnapshot.TimerCounts(timers)["app.function_duration;function=Orders.Place"]);
        Assert.Contains(12.5, StatsDAdminSnapshot.Timings(timers, "app.http_request_duration;method=GET;endpoint=-orders"));
        Assert.DoesNotContain(StatsDAdminSnapshot.TimerCounts(timers).Keys, key => key.Contains("_seconds", StringComparison.Ordinal));
        Assert.Equal(7, (await daemon.GaugesAsync())["app.database_connections_active"]);
        Assert.Equal(0, await daemon.BadLinesSeenAsync());
        Assert.Equal(0, backend.DroppedCount);
    }

    [PeerFact]
    public async Task HostileLabelValues_DaemonSeesNoBadLine()
    {
        var installation = StatsDInstallation.Locate();

        string[] hostile =
        [
            "a:b", "a|b", "x@0.1", "#t", "p,q", "k:v|#x:y", "new\nline", "cr\r\n", "tab\t\0", "1|c", ":", "|", "@", "#", ",",
            "\u2028", "ünï 🙂", "'quote\"", " spaced out ", "=;", new string('z', 1000), string.Empty,
        ];
        await using var daemon = await StatsDDaemon.StartAsync(installation, output);
        var backend = new StatsDMetricsBackend(new StatsDMetricsBackendOptions { Port = daemon.Port });
        await using (backend)
        {
            backend.InitializeMetric(new MetricDefinition("hostile_total", MetricType.Counter, "Hostile.", ["value"]));
            backend.InitializeMetric(new MetricDefinition("hostile_seconds", MetricType.Histogram, "Hostile.", ["value"]));
            backend.InitializeMetric(new MetricDefinition("hostile_gauge", MetricType.Gauge, "Hostile.", ["value"]));
            foreach (var value in hostile)
            {
                backend.RecordCounter("hostile_total", 2, new Dictionary<string, string> { ["value"] = value });
                backend.Bind("hostile_seconds", [value]).Record(0.25);
                backend.Bind("hostile_gauge", [value]).Record(-1.5);
            }
        }

        Assert.True(
            await StatsDDaemon.EventuallyAsync(async () => Sum(await daemon.CountersAsync(), "hostile_total") >= 2 * hostile.Length, Timeout),
            "statsd did not receive every counter line");

        Assert.Equal(0, await daemon.BadLinesSeenAsync());
        Assert.Equal(2 * hostile.Length, Sum(await daemon.CountersAsync(), "hostile_total"));
        Assert.Equal(hostile.Length, StatsDAdminSnapshot.TimerCounts(await daemon.TimersAsync()).Where(t => t.Key.StartsWith("hostile;", StringComparison.Ordinal)).Sum(t => t.Value));
        Assert.All((await daemon.GaugesAsync()).Where(g => g.Key.StartsWith("hostile_gauge", StringComparison.Ordinal)), g => Assert.Equal(-1.5, g.Value));
        Assert.Equal(0, backend.DroppedCount);
    }

    [PeerFact]
    public async Task DaemonDown_200000Calls_NeitherFailNorStallAndDeliveryResumesAfterRestart()
    {
        var installation = StatsDInstallation.Locate();

        await using var daemon = await StatsDDaemon.StartAsync(installation, output);
        var backend = TestMetrics.Backend(TestMetrics.Options(daemon.Port));
        await using var _ = backend;
        const string Before = "function_calls_total;function=f;status=before";
        Record(backend, "before", 100);
        Assert.True(await StatsDDaemon.EventuallyAsync(async () => (await daemon.CountersAsync()).GetValueOrDefault(Before) == 100, Timeout));

        await daemon.StopAsync();
        var started = Stopwatch.GetTimestamp();
        Record(backend, "down", 200_000);
        var elapsed = Stopwatch.GetElapsedTime(started);
        Assert.True(
            await StatsDDaemon.EventuallyAsync(() => Task.FromResult(backend.DroppedCount + backend.SentCount == 200_100), Timeout),
            $"not accounted for: dropped {backend.DroppedCount} + sent {backend.SentCount} != 200100");
        output.WriteLine($"Daemon down: 200,000 calls took {elapsed.TotalMilliseconds:F0} ms; dropped {backend.DroppedCount}, handed to the socket {backend.SentCount - 100}.");
        Assert.True(elapsed < TimeSpan.FromSeconds(5), $"200,000 calls took {elapsed}");
        Assert.True(backend.DroppedCount > 0, "sends refused while the daemon is down are counted as drops");

        await daemon.StartAsync();
        var (droppedBefore, sentBefore) = (backend.DroppedCount, backend.SentCount);
        Record(backend, "after", 1000);
        Assert.True(await StatsDDaemon.EventuallyAsync(() => Task.FromResult(backend.DroppedCount + backend.SentCount == 201_100), Timeout));
        var sent = backend.SentCount - sentBefore;
        const string After = "function_calls_total;function=f;status=after";

        Assert.True(
            await StatsDDaemon.EventuallyAsync(async () => (await daemon.CountersAsync()).GetValueOrDefault(After) == sent, Timeout),
            $"the restarted daemon should count the {sent} recordings sent after it came back");
        Assert.True(sent >= 900, $"only {sent} of 1000 recordings were sent after the restart");
        Assert.Equal(1000, sent + backend.DroppedCount - droppedBefore);
        Assert.Equal(0, await daemon.BadLinesSeenAsync());
    }

    private static void Record(StatsDMetricsBackend backend, string status, int count)
    {
        var series = backend.Bind("function_calls_total", ["f", status]);
        for (var i = 0; i < count; i++)
        {
            series.Record(1);
        }
    }

    private static double Sum(Dictionary<string, double> counters, string metric) =>
        counters.Where(c => c.Key.StartsWith(metric + ";", StringComparison.Ordinal)).Sum(c => c.Value);
}
