using Interception.Metrics;

namespace Interception.Benchmarks.Targets;

/// <summary>A transient with a <see cref="MetricsTimerAttribute"/> method.</summary>
public sealed class TimedWorker : ITimedWorker
{
    /// <inheritdoc />
    [MetricsTimer]
    public int Work(int value) => value + 1;
}
