using System.Runtime.CompilerServices;
using Interception.Metrics;

namespace Interception.Benchmarks.Targets;

/// <summary>
/// The timed implementation. Every contender wraps (or is) an instance of it. Its methods are never inlined, so
/// that the direct call costs a real call (the JIT would otherwise devirtualize and inline it to nothing).
/// </summary>
public sealed class Calculator : ICalculator
{
    private static readonly Task<int> Completed = Task.FromResult(42);

    /// <inheritdoc />
    [MetricsTimer]
    [MethodImpl(MethodImplOptions.NoInlining)]
    public int Add(int value) => value + 1;

    /// <inheritdoc />
    [MetricsTimer]
    [MethodImpl(MethodImplOptions.NoInlining)]
    public Task<int> AddCompletedAsync(int value) => Completed;

    /// <inheritdoc />
    [MetricsTimer]
    [MethodImpl(MethodImplOptions.NoInlining)]
    public async Task<int> AddYieldingAsync(int value)
    {
        await Task.Yield();
        return value + 1;
    }

    /// <inheritdoc />
    [MetricsTimer]
    [MethodImpl(MethodImplOptions.NoInlining)]
    public ValueTask<int> AddCompletedValueAsync(int value) => new(value + 1);

    /// <inheritdoc />
    [MetricsTimer]
    [MethodImpl(MethodImplOptions.NoInlining)]
    public async ValueTask<int> AddYieldingValueAsync(int value)
    {
        await Task.Yield();
        return value + 1;
    }
}
