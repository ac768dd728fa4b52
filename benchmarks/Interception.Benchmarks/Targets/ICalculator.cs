namespace Interception.Benchmarks.Targets;

/// <summary>The measured service: one trivial method per return-type family, so the cost measured is the wrapper's.</summary>
public interface ICalculator
{
    /// <summary>Synchronous.</summary>
    int Add(int value);

    /// <summary>Returns a <see cref="Task{TResult}"/> that is already complete (a cached one: no allocation of its own).</summary>
    Task<int> AddCompletedAsync(int value);

    /// <summary>Returns a <see cref="Task{TResult}"/> that completes after <see cref="Task.Yield"/>.</summary>
    Task<int> AddYieldingAsync(int value);

    /// <summary>Returns a <see cref="ValueTask{TResult}"/> that is already complete.</summary>
    ValueTask<int> AddCompletedValueAsync(int value);

    /// <summary>Returns a <see cref="ValueTask{TResult}"/> that completes after <see cref="Task.Yield"/>.</summary>
    ValueTask<int> AddYieldingValueAsync(int value);
}
