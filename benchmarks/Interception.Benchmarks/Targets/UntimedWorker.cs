namespace Interception.Benchmarks.Targets;

/// <summary>A transient without timing attributes: MetricsModule must hand it out as it is.</summary>
public sealed class UntimedWorker : IWorker
{
    /// <inheritdoc />
    public int Work(int value) => value + 1;
}
