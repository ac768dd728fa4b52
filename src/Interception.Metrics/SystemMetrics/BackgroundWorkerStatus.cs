namespace Interception.Metrics;

/// <summary>Background job workers at one moment.</summary>
/// <param name="ActiveWorkers">Workers running a job.</param>
/// <param name="QueueLength">Jobs waiting.</param>
public sealed record BackgroundWorkerStatus(int ActiveWorkers, int QueueLength);
