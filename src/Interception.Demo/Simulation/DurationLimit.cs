using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Interception.Demo.Simulation;

/// <summary>Stops the host after <see cref="DemoOptions.Duration"/> seconds, when one is set.</summary>
internal sealed class DurationLimit(IOptions<DemoOptions> options, IHostApplicationLifetime lifetime, TimeProvider time) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var duration = options.Value.Duration;
        if (duration <= 0)
        {
            return;
        }

        try
        {
            await Task.Delay(TimeSpan.FromSeconds(duration), time, stoppingToken);
            lifetime.StopApplication();
        }
        catch (OperationCanceledException)
        {
            // Stopped earlier (Ctrl+C).
        }
    }
}
