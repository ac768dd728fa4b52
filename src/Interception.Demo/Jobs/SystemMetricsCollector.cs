using Interception.Metrics;

namespace Interception.Demo.Jobs;

/// <summary>Reads memory, CPU and disk use and the running jobs into the system gauges, through <see cref="SystemMetricsService"/>.</summary>
internal sealed class SystemMetricsCollector(SystemMetricsService systemMetrics) : IRecurringJob
{
    public TimeSpan Interval => TimeSpan.FromSeconds(2);

    [MetricsTimer(MetricKind.BackgroundTask, Name = "collect_system_metrics")]
    public Task RunAsync(CancellationToken cancellationToken) => systemMetrics.CollectAndUpdateSystemMetricsAsync(cancellationToken);
}
