using System.Globalization;
using Autofac;
using Interception.Metrics.Autofac.Tests.TestSupport;
using Interception.Metrics.Reliability.Tests.Fixtures;
using Interception.Metrics.Reliability.Tests.TestSupport;
using Xunit.Abstractions;

namespace Interception.Metrics.Reliability.Tests.BadInput;

/// <summary>
/// Label values with quotes, backslashes, newlines, <c>|#:,@</c>, unicode, control characters, 10,000 characters
/// or nothing at all come out well-formed: Prometheus' own <c>promtool</c> accepts the exposition (and it reads
/// back exactly), and the real statsd daemon sees no bad line.
/// </summary>
public sealed class HostileLabelTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    [PeerFact]
    public async Task HostileLabelValues_PrometheusExposition_PassesPromtoolAndReadsBackExactly()
    {
        var promtool = ExternalTool.Find("promtool");

        using var container = MetricsContainer.Build(b => b.RegisterType<HostileNames>().As<IHostileNames>());
        HostileWorkload.Run(container);
        var text = container.Resolve<MetricsCollectorService>().GetMetricsOutput();

        var result = await ProcessRunner.RunAsync(promtool, ["check", "metrics"], text, Timeout);

        Assert.True(
            result.ExitCode == 0 && result.StandardOutput.Trim().Length == 0 && result.StandardError.Trim().Length == 0,
            $"promtool check metrics reported problems: {result}");
        var exposition = PrometheusExposition.Parse(text);
        foreach (var value in HostileValues.All)
        {
            var shown = value.Length > 40 ? value[..40] + "..." : value;
            Assert.True(1 == exposition.Value(MetricNames.HttpRequests, ("method", "GET"), ("endpoint", value), ("status", "200")), $"endpoint '{shown}'");
            Assert.True(1 == exposition.Value(MetricNames.TelegramUpdates, ("update_type", value), ("status", "success")), $"update_type '{shown}'");
            Assert.True(1 == exposition.Value(MetricNames.DatabaseQueries, ("operation", value), ("status", "failed")), $"operation '{shown}'");
            Assert.True(1 == exposition.Value(MetricNames.BackgroundTasks, ("task_name", value), ("status", "success"), ("queue", value)), $"task_name '{shown}'");
            Assert.True(1 == exposition.Value(MetricNames.BotPostsSent, ("status", value)), $"status '{shown}'");
            Assert.True(1 == exposition.Value(MetricNames.HealthCheckStatus, ("check_name", value)), $"check_name '{shown}'");
        }

        Assert.Equal(
            HostileWorkload.InterceptedCalls,
            exposition.Value(MetricNames.FunctionCalls, ("function", HostileValues.AttributeName), ("status", "success"), ("tier", HostileValues.AttributeLabelValue)));
    }

    [PeerFact]
    public async Task HostileLabelValues_StatsDDaemon_SeesNoBadLineAndCountsEveryRecording()
    {
        var installation = StatsDInstallation.Locate();

        await using var daemon = await StatsDDaemon.StartAsync(installation, output);
        StatsDMetricsBackend statsd;
        await using (var container = MetricsContainer.Build(
            b => b.RegisterType<HostileNames>().As<IHostileNames>(),
            ("Metrics:Backends:Prometheus:Enabled", "false"),
            ("Metrics:Backends:StatsD:Enabled", "true"),
            ("Metrics:Backends:StatsD:Port", daemon.Port.ToString(CultureInfo.InvariantCulture))))
        {
            statsd = container.Resolve<MultiMetricsBackend>().Backends.OfType<StatsDMetricsBackend>().Single();
            HostileWorkload.Run(container);
        }

        var count = HostileValues.All.Count;
        Assert.True(
            await StatsDDaemon.EventuallyAsync(async () => Sum(await daemon.CountersAsync(), MetricNames.BotPostsSent) == count, Timeout),
            "statsd did not count every recording");
        var counters = await daemon.CountersAsync();
        Assert.Equal(0, await daemon.BadLinesSeenAsync());
        Assert.Equal(0, statsd.DroppedCount);
        Assert.Equal(count, Sum(counters, MetricNames.HttpRequests));
        Assert.Equal(count, Sum(counters, MetricNames.TelegramUpdates));
        Assert.Equal(count, Sum(counters, MetricNames.DatabaseQueries));
        Assert.Equal(count, Sum(counters, MetricNames.BackgroundTasks));
        Assert.Equal(HostileWorkload.InterceptedCalls, Sum(counters, MetricNames.FunctionCalls));
        var timers = StatsDAdminSnapshot.TimerCounts(await daemon.TimersAsync());
        // A duration histogram is a StatsD timer in milliseconds, named without its _seconds suffix.
        Assert.Equal(count, timers.Where(t => t.Key.StartsWith("http_request_duration;", StringComparison.Ordinal)).Sum(t => t.Value));
    }

    private static double Sum(Dictionary<string, double> counters, string metric) =>
        counters.Where(c => c.Key.StartsWith(metric + ";", StringComparison.Ordinal)).Sum(c => c.Value);
}
