namespace Interception.Metrics;

/// <summary>Reads the background job workers, for <c>background_workers_active</c>.</summary>
public interface IBackgroundWorkerMetricsProvider
{
    /// <summary>Reads the workers.</summary>
    Task<BackgroundWorkerStatus> ReadAsync(CancellationToken cancellationToken = default);
}
