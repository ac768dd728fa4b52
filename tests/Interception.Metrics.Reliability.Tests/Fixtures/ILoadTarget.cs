namespace Interception.Metrics.Reliability.Tests.Fixtures;

/// <summary>
/// A timed component with every outcome the interceptor distinguishes: sync and async (task, value task),
/// success, failure (thrown or faulted) and cancellation. Every method is timed as a function.
/// </summary>
[MetricsTimer]
public interface ILoadTarget
{
    /// <summary>The one exception instance <see cref="Fail"/> and <see cref="FailAsync"/> throw, to check the caller gets that very instance.</summary>
    Exception Failure { get; }

    int Add(int a, int b);

    /// <summary>Throws <see cref="DivideByZeroException"/> when <paramref name="b"/> is 0.</summary>
    int Divide(int a, int b);

    /// <summary>Always throws <see cref="Failure"/>.</summary>
    int Fail(int value);

    /// <summary>Completes asynchronously when <paramref name="a"/> is a multiple of 4, synchronously otherwise.</summary>
    Task<int> AddAsync(int a, int b);

    /// <summary>Faults with <see cref="Failure"/>, after yielding when <paramref name="value"/> is odd.</summary>
    Task FailAsync(int value);

    /// <summary>Ends canceled, after yielding when <paramref name="value"/> is odd.</summary>
    Task<int> CancelAsync(int value);

    ValueTask<int> DoubleAsync(int value);
}
