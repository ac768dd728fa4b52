using System.Globalization;
using Microsoft.Extensions.Hosting;

namespace Interception.Demo.Reporting;

/// <summary>
/// Prints progress once a second: calls per second and errors, and on an interactive terminal the top of the
/// per-operation table, redrawn in place.
/// </summary>
internal sealed class ProgressReporter(LiveStatsBackend stats, TextWriter output, TimeProvider time) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interactive = ReferenceEquals(output, Console.Out) && !Console.IsOutputRedirected;
        var started = time.GetTimestamp();
        long lastCalls = 0;
        long lastErrors = 0;
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
            var calls = operations.Sum(o => o.Calls);
            var errors = operations.Sum(o => o.Errors);
            var line = string.Create(
                CultureInfo.InvariantCulture,
                $"[{time.GetElapsedTime(started).TotalSeconds,5:0}s] {calls - lastCalls,6} calls/s  {errors - lastErrors,4} errors/s  {calls,8} calls  {errors,6} errors");
            (lastCalls, lastErrors) = (calls, errors);
            if (interactive)
            {
                // Home the cursor and clear the screen, then draw the line and the busiest operations.
                await output.WriteAsync("\u001b[H\u001b[2J" + line + Environment.NewLine + StatsTable.Render(operations, top: 12));
            }
            else
            {
                await output.WriteLineAsync(line);
            }
        }
    }
}
