namespace Interception.Benchmarks.Targets;

/// <summary>A component with a timed method: resolving it builds a timing proxy.</summary>
public interface ITimedWorker
{
    /// <summary>Does nothing worth measuring.</summary>
    int Work(int value);
}
