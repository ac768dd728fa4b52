using Interception.Demo.Reporting;
using Interception.Metrics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Interception.Demo;

/// <summary>
/// The bot-analytics demo: a simulated Telegram channel-analytics bot whose services are timed only by
/// attributes. Exit codes: 0 after a clean stop, 2 for invalid configuration, 3 when the metrics server cannot start.
/// </summary>
internal static class Program
{
    private static Task<int> Main(string[] args) => RunAsync(args, Console.Out, Console.Error);

    /// <summary>Runs the demo until <c>--duration</c> elapses or Ctrl+C; returns the process exit code.</summary>
    internal static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
    {
        IHost host;
        try
        {
            host = DemoHost.Build(args, output);
        }
        catch (Exception exception) when (StartupFailure.Describe(exception) is { } failure)
        {
            await error.WriteLineAsync(failure.Message);
            return failure.ExitCode;
        }

        using (host)
        {
            var stats = host.Services.GetRequiredService<LiveStatsBackend>();
            await output.WriteLineAsync(Banner(host.Services.GetRequiredService<IConfiguration>()));
            await host.RunAsync();

            await output.WriteLineAsync();
            await output.WriteLineAsync("Summary");
            await output.WriteLineAsync(StatsTable.Render(stats.Operations));
        }

        return 0;
    }

    private static string Banner(IConfiguration configuration)
    {
        var server = configuration.GetSection("Metrics:Backends:Prometheus:Server");
        var prometheus = configuration.GetValue("Metrics:Enabled", true)
            && configuration.GetValue("Metrics:Backends:Prometheus:Enabled", true)
            && server.GetValue("Enabled", false);
        var where = prometheus
            ? $"metrics at http://{server["Host"] ?? "127.0.0.1"}:{server["Port"] ?? "9464"}{server["Path"] ?? "/metrics"}"
            : "the Prometheus server is off";
        var duration = configuration.GetValue("Demo:Duration", 0.0);
        return $"Interception demo: simulated bot analytics, {where}; " +
            (duration > 0 ? $"stops after {duration} s." : "Ctrl+C stops it.");
    }

    /// <summary>Startup failures the user can fix, told in one line without a stack trace.</summary>
    private sealed record StartupFailure(string Message, int ExitCode)
    {
        public static StartupFailure? Describe(Exception exception)
        {
            for (var current = exception; current is not null; current = current.InnerException)
            {
                if (current is MetricsConfigurationException configuration)
                {
                    return new StartupFailure(configuration.Message, 2);
                }

                if (current is InvalidOperationException { InnerException: IOException })
                {
                    return new StartupFailure(current.Message, 3);
                }
            }

            return null;
        }
    }
}
