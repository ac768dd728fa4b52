using Interception.Metrics;

namespace Interception.Demo.Jobs;

/// <summary>How many job runs are in progress; read by <see cref="SystemMetricsService"/> into <c>background_workers_active</c>.</summary>
internal sealed class JobActivity : IBackgroundWorkerMetricsProvider
{
    private int _running;

    public void Enter() => Interlocked.Increment(ref _running);

    public void Exit() => Interlocked.Decrement(ref _running);

    public Task<BackgroundWorkerStatus> ReadAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult(new BackgroundWorkerStatus(Volatile.Read(ref _running), 0));
}
