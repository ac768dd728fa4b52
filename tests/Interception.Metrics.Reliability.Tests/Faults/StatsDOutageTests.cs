using System.Diagnostics;
using System.Globalization;
using Autofac;
using Interception.Metrics.Autofac.Tests.TestSupport;
using Interception.Metrics.Reliability.Tests.Fixtures;
using Interception.Metrics.Reliability.Tests.TestSupport;
using Microsoft.Extensions.Logging;
using Xunit.Abstractions;

namespace Interception.Metrics.Reliability.Tests.Faults;

/// <summary>
/// The real statsd daemon goes down in the middle of a run and comes back: the application's calls are not
/// affected, every recording is either sent or counted as dropped, the outage is logged at a bounded rate, and
/// once the daemon is back what is recorded arrives in full.
/// </summary>
public sealed class StatsDOutageTests(ITestOutputHelper output)
{
    private const int Threads = 8;
    private const int Rounds = 5;
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    [PeerFact]
    public async Task DaemonDownThenBack_CallsUnaffectedDropsAccountedAndMetricsArriveAfterRestart()
    {
        var installation = StatsDInstallation.Locate();

        await using var daemon = await StatsDDaemon.StartAsync(installation, output);
        var logs = new RecordingLoggerFactory();
        var started = Stopwatch.GetTimestamp();
        await using var container = MetricsContainer.Build(
            b =>
            {
                b.RegisterInstance(logs).As<ILoggerFactory>();
                b.RegisterType<LoadTarget>().As<ILoadTarget>();
            },
            ("Metrics:Backends:Prometheus:Enabled", "false"),
            ("Metrics:Backends:StatsD:Enabled", "true"),
            ("Metrics:Backends:StatsD:Port", daemon.Port.ToString(CultureInfo.InvariantCulture)));
        var statsd = container.Resolve<MultiMetricsBackend>().Backends.OfType<StatsDMetricsBackend>().Single();
        var calls = 0L;

        // Up: what the container recorded at startup (app_info), then a first run, all arrive.
        Assert.True(await StatsDDaemon.EventuallyAsync(() => Task.FromResult(statsd.SentCount + statsd.DroppedCount > 0), Timeout));
        await Task.Delay(300);
        var atStartup = statsd.SentCount + statsd.DroppedCount;
        var up = await RunDeliveredAsync(container, daemon, alreadyCounted: 0);
        calls += up.Calls;

        // Down: calls return what they return without metrics, quickly; refused sends are counted as drops.
        await daemon.StopAsync();
        var downStarted = Stopwatch.GetTimestamp();
        var down = Run(container, 5000);
        var downElapsed = Stopwatch.GetElapsedTime(downStarted);
        calls += down.Calls;
        Assert.Equal(Baseline(5000).Counts.OrderBy(c => c.Key), down.Counts.OrderBy(c => c.Key));
        Assert.True(downElapsed < TimeSpan.FromSeconds(20), $"{down.Calls} calls took {downElapsed} with the daemon down");
        Assert.True(
            await StatsDDaemon.EventuallyAsync(() => Task.FromResult(statsd.SentCount + statsd.DroppedCount == atStartup + (2 * calls)), Timeout),
            $"not accounted for: sent {statsd.SentCount} + dropped {statsd.DroppedCount} != {atStartup + (2 * calls)}");
        Assert.True(statsd.DroppedCount > 0, "sends refused while the daemon is down are counted as drops");

        // Back: once a recording arrives again, nothing more is lost.
        await daemon.StartAsync();
        var warmUp = 0;
        Assert.True(
            await StatsDDaemon.EventuallyAsync(
                async () =>
                {
                    container.Resolve<ILoadTarget>().Add(warmUp++, 1);
                    return await StatsDDaemon.EventuallyAsync(async () => await CallsCounted(daemon) > 0, TimeSpan.FromSeconds(1));
                },
                Timeout),
            "no metrics arrived after the daemon came back");
        calls += warmUp;
        await Task.Delay(500);
        var (arrivedBefore, droppedBefore) = (await CallsCounted(daemon), statsd.DroppedCount);
        var after = await RunDeliveredAsync(container, daemon, arrivedBefore);
        calls += after.Calls;
        await container.DisposeAsync(); // sends what is still queued (disposing again at the end is a no-op)

        output.WriteLine(
            $"down: {down.Calls:N0} calls in {downElapsed.TotalMilliseconds:F0} ms; sent {statsd.SentCount:N0}, dropped {statsd.DroppedCount:N0} "
            + $"of {atStartup + (2 * calls):N0} recordings; {warmUp} call(s) until the restarted daemon counted one.");
        Assert.Equal(atStartup + (2 * calls), statsd.SentCount + statsd.DroppedCount);
        Assert.Equal(droppedBefore, statsd.DroppedCount);
        var counters = await daemon.CountersAsync();
        foreach (var ((method, status), count) in after.Counts.Where(c => c.Key.Method != "Add"))
        {
            Assert.Equal(count, counters.GetValueOrDefault($"{MetricNames.FunctionCalls};function={nameof(LoadTarget)}.{method};status={status}"));
        }

        // The daemon hears about the drops, and never more than were counted.
        Assert.InRange(counters.GetValueOrDefault(StatsDMetricsBackend.DroppedMetricName), 0, statsd.DroppedCount);
        Assert.Equal(0, await daemon.BadLinesSeenAsync());

        // The outage is logged, at most once a minute.
        var unreachable = logs.Messages.Count(m => m.Contains("is unreachable", StringComparison.Ordinal));
        Assert.InRange(unreachable, 1, 1 + (int)Stopwatch.GetElapsedTime(started).TotalMinutes);
    }

    private static CallOutcomes Run(IContainer container, int callsPerThread) =>
        LoadDriver.RunOnThreads(container.Resolve<ILoadTarget>, Threads, callsPerThread, Timeout);

    /// <summary>
    /// Makes calls in rounds of 8 x 50, each delivered before the next: the daemon reads one UDP socket, and a
    /// burst larger than the kernel's receive buffer would be lost on the daemon's side, which no sender can see.
    /// </summary>
    private static async Task<CallOutcomes> RunDeliveredAsync(IContainer container, StatsDDaemon daemon, double alreadyCounted)
    {
        var total = new CallOutcomes();
        for (var round = 0; round < Rounds; round++)
        {
            total.Merge(Run(container, 50));
            Assert.True(
                await StatsDDaemon.EventuallyAsync(async () => await CallsCounted(daemon) == alreadyCounted + total.Calls, Timeout),
                $"round {round}: the daemon counted {await CallsCounted(daemon)} calls, expected {alreadyCounted} + {total.Calls}");
        }

        return total;
    }

    private static CallOutcomes Baseline(int callsPerThread) =>
        LoadDriver.RunOnThreads(() => new LoadTarget(), Threads, callsPerThread, Timeout);

    private static async Task<double> CallsCounted(StatsDDaemon daemon) =>
        (await daemon.CountersAsync()).Where(c => c.Key.StartsWith(MetricNames.FunctionCalls + ";", StringComparison.Ordinal)).Sum(c => c.Value);
}
