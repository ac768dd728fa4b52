using System.Diagnostics;
using System.Runtime.CompilerServices;
using Interception.Benchmarks.Targets;
using Prometheus;

namespace Interception.Benchmarks.Peers;

/// <summary>
/// What a careful engineer writes by hand: pre-bound prometheus-net children, <see cref="Stopwatch.GetTimestamp"/>,
/// a counter and a histogram, completed tasks recorded and returned as they are, incomplete ones awaited once.
/// </summary>
public sealed class HandWrittenCalculatorDecorator(ICalculator inner, PeerSeries series) : ICalculator
{
    private readonly Counter.Child _success = series.Success;
    private readonly Counter.Child _failed = series.Failed;
    private readonly Histogram.Child _duration = series.BoundDuration;

    /// <inheritdoc />
    public int Add(int value)
    {
        var start = Stopwatch.GetTimestamp();
        try
        {
            var result = inner.Add(value);
            Record(_success, start);
            return result;
        }
        catch
        {
            Record(_failed, start);
            throw;
        }
    }

    /// <inheritdoc />
    public Task<int> AddCompletedAsync(int value)
    {
        var start = Stopwatch.GetTimestamp();
        Task<int> task;
        try
        {
            task = inner.AddCompletedAsync(value);
        }
        catch
        {
            Record(_failed, start);
            throw;
        }

        return Finish(task, start);
    }

    /// <inheritdoc />
    public Task<int> AddYieldingAsync(int value)
    {
        var start = Stopwatch.GetTimestamp();
        Task<int> task;
        try
        {
            task = inner.AddYieldingAsync(value);
        }
        catch
        {
            Record(_failed, start);
            throw;
        }

        return Finish(task, start);
    }

    /// <inheritdoc />
    public ValueTask<int> AddCompletedValueAsync(int value)
    {
        var start = Stopwatch.GetTimestamp();
        ValueTask<int> valueTask;
        try
        {
            valueTask = inner.AddCompletedValueAsync(value);
        }
        catch
        {
            Record(_failed, start);
            throw;
        }

        return Finish(valueTask, start);
    }

    /// <inheritdoc />
    public ValueTask<int> AddYieldingValueAsync(int value)
    {
        var start = Stopwatch.GetTimestamp();
        ValueTask<int> valueTask;
        try
        {
            valueTask = inner.AddYieldingValueAsync(value);
        }
        catch
        {
            Record(_failed, start);
            throw;
        }

        return Finish(valueTask, start);
    }

    private Task<int> Finish(Task<int> task, long start)
    {
        if (task.IsCompletedSuccessfully)
        {
            Record(_success, start);
            return task;
        }

        return AwaitAsync(task, start);
    }

    private ValueTask<int> Finish(ValueTask<int> valueTask, long start)
    {
        if (valueTask.IsCompletedSuccessfully)
        {
            Record(_success, start);
            return valueTask;
        }

        return AwaitValueAsync(valueTask, start);
    }

    private async Task<int> AwaitAsync(Task<int> task, long start)
    {
        try
        {
            var result = await task.ConfigureAwait(false);
            Record(_success, start);
            return result;
        }
        catch
        {
            Record(_failed, start);
            throw;
        }
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private async ValueTask<int> AwaitValueAsync(ValueTask<int> valueTask, long start)
    {
        try
        {
            var result = await valueTask.ConfigureAwait(false);
            Record(_success, start);
            return result;
        }
        catch
        {
            Record(_failed, start);
            throw;
        }
    }

    private void Record(Counter.Child counter, long start)
    {
        _duration.Observe(Stopwatch.GetElapsedTime(start).TotalSeconds);
        counter.Inc();
    }
}
