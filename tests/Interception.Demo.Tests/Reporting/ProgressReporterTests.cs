using Interception.Demo.Reporting;
using Interception.Metrics;
using Microsoft.Extensions.Time.Testing;

namespace Interception.Demo.Tests.Reporting;

/// <summary>What the console shows each second.</summary>
public sealed class ProgressReporterTests
{
    private const string Banner = "Interception demo: a Telegram bot backend\n  metrics   Prometheus http://127.0.0.1:8080/metrics";

    [Fact]
    public async Task ExecuteAsync_Interactive_EveryRedrawKeepsTheBannerAboveTheTable()
    {
        var (reporter, output, time) = Reporter(interactive: true);
        await reporter.StartAsync(CancellationToken.None);

        var frames = await DrawAsync(output, time, frames: 2);
        await reporter.StopAsync(CancellationToken.None);

        var screens = frames.Split(ProgressReporter.ClearScreen, StringSplitOptions.RemoveEmptyEntries);
        Assert.True(screens.Length >= 2, frames);
        Assert.StartsWith(ProgressReporter.ClearScreen, frames, StringComparison.Ordinal);
        Assert.All(screens, screen =>
        {
            Assert.StartsWith(Banner, screen, StringComparison.Ordinal);
            Assert.True(screen.IndexOf("requests/s", StringComparison.Ordinal) < screen.IndexOf("claim_update", StringComparison.Ordinal), screen);
            Assert.Matches(@"kind +operation +calls +failed +canceled", screen);
        });
    }

    [Fact]
    public async Task ExecuteAsync_Redirected_PrintsOneProgressLinePerSecondWithoutEscapes()
    {
        var (reporter, output, time) = Reporter(interactive: false);
        await reporter.StartAsync(CancellationToken.None);

        var lines = await DrawAsync(output, time, frames: 2);
        await reporter.StopAsync(CancellationToken.None);

        Assert.DoesNotContain("\u001b", lines, StringComparison.Ordinal);
        Assert.DoesNotContain("Interception demo", lines, StringComparison.Ordinal);
        var progress = lines.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.True(progress.Length >= 2, lines);
        Assert.All(progress, line => Assert.Matches(@"^\[ +\d+s\] +\d+ requests/s \| timed calls: .* \| total 1 calls, 1 failed, 0 canceled\s*$", line));
    }

    private static (ProgressReporter Reporter, StringWriter Output, FakeTimeProvider Time) Reporter(bool interactive)
    {
        var stats = new LiveStatsBackend();
        new MetricsCollectorService(stats).RecordDatabaseQuery(new DatabaseQueryMetric("claim_update", "failed", TimeSpan.FromMilliseconds(3)));
        var header = new ConsoleHeader { Text = Banner };
        var output = new StringWriter();
        var time = new FakeTimeProvider();
        return (new ProgressReporter(stats, header, TextWriter.Synchronized(output), interactive, time), output, time);
    }

    /// <summary>
    /// Advances the clock a second at a time until at least <paramref name="frames"/> redraws (or lines) were written. The
    /// reporter may not be waiting yet when the clock moves, so the clock keeps moving until it has drawn.
    /// </summary>
    private static async Task<string> DrawAsync(StringWriter output, FakeTimeProvider time, int frames)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (output.ToString().Split("requests/s").Length - 1 < frames && DateTime.UtcNow < deadline)
        {
            time.Advance(TimeSpan.FromSeconds(1));
            await Task.Delay(20);
        }

        return output.ToString();
    }
}
