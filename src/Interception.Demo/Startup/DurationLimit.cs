using Microsoft.Extensions.Hosting;

namespace Interception.Demo.Startup;

/// <summary>Stops the application after <c>--duration</c> seconds, when one is given.</summary>
internal sealed class DurationLimit(DemoSettings settings, IHostApplicationLifetime lifetime, TimeProvider time) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (settings.DurationSeconds <= 0)
        {
            return;
        }

        try
        {
            await Task.Delay(TimeSpan.FromSeconds(settings.DurationSeconds), time, stoppingToken);
            lifetime.StopApplication();
        }
        catch (OperationCanceledException)
        {
            // Stopped earlier (Ctrl+C).
        }
    }
}
