using System.Globalization;
using Microsoft.Extensions.Hosting;

namespace Interception.Demo.Reporting;

/// <summary>
/// Prints progress once a second. On an interactive terminal it redraws the screen in place: the banner (what runs and
/// where it sends), the progress line, and the busiest operations. Otherwise (output redirected) it prints the progress
/// line only; the banner was printed once at the start.
/// </summary>
internal sealed class ProgressReporter(LiveStatsBackend stats, ConsoleHeader header, TextWriter output, bool interactive, TimeProvider time)
    : BackgroundService
{
    /// <summary>Moves the cursor home and clears the screen.</summary>
    public const string ClearScreen = "\u001b[H\u001b[2J";

    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var started = time.GetTimestamp();
        var last = (Requests: 0L, Calls: 0L, Failed: 0L, Canceled: 0L);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(Interval, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            var operations = stats.Operations;
            var now = (
                Requests: operations.Where(o => o.Kind == "http").Sum(o => o.Calls),
                Calls: operations.Sum(o => o.Calls),
                Failed: operations.Sum(o => o.Failed),
                Canceled: operations.Sum(o => o.Canceled));
            var line = string.Create(
                CultureInfo.InvariantCulture,
                $"[{time.GetElapsedTime(started).TotalSeconds,5:0}s] {now.Requests - last.Requests,5} requests/s | timed calls: {now.Calls - last.Calls,6}/s, {now.Failed - last.Failed,4} failed/s, {now.Canceled - last.Canceled,3} canceled/s | total {now.Calls} calls, {now.Failed} failed, {now.Canceled} canceled");
            last = now;
            await output.WriteAsync(interactive ? Frame(header.Text, line, operations, stats.HttpStatuses) : line + Environment.NewLine);
        }
    }

    /// <summary>One screen of the interactive view: cleared, then the banner, the progress line, the busiest operations and the HTTP answers.</summary>
    public static string Frame(string banner, string progress, IReadOnlyCollection<OperationStats> operations, IReadOnlyDictionary<string, long> httpStatuses) =>
        ClearScreen + banner + Environment.NewLine + progress + Environment.NewLine + Environment.NewLine
        + StatsTable.Operations(operations, top: 14) + StatsTable.HttpStatuses(httpStatuses) + Environment.NewLine;
}
