using Interception.Metrics;

namespace Interception.Demo.Bot.Jobs;

/// <summary>The bot's periodic background tasks, each timed as <see cref="MetricKind.BackgroundTask"/>.</summary>
[MetricsTimer(MetricKind.BackgroundTask)]
internal interface IBotJobs
{
    /// <summary>Refreshes the view counts of recently published posts.</summary>
    Task<int> UpdatePostViewsAsync(CancellationToken cancellationToken);

    /// <summary>Reads the business numbers and updates the business gauges.</summary>
    Task RefreshBusinessMetricsAsync(CancellationToken cancellationToken);

    /// <summary>Triggers the throttled system metrics refresh (memory, CPU, disk, database pool, workers).</summary>
    [CollectSystemMetrics]
    Task CollectSystemMetricsAsync(CancellationToken cancellationToken);
}
