namespace Interception.Benchmarks.Targets;

/// <summary>A component resolved in the resolve benchmarks.</summary>
public interface IWorker
{
    /// <summary>Does nothing worth measuring.</summary>
    int Work(int value);
}
