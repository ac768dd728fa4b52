namespace Interception.Metrics.Timing.Returns;

/// <summary>
/// The relay of one timed call returning an incomplete value task: records the call when the target's value task
/// completes, then goes back to its method's <see cref="RelayPool{T}"/> once the caller has read the result.
/// </summary>
internal sealed class TimedValueTaskRelay<T>(RelayPool<T> pool) : ValueTaskRelay<T>
{
    private MethodTimer? _timer;
    private long _start;

    public ValueTask<T> Start(ValueTask<T> inner, MethodTimer timer, long start)
    {
        _timer = timer;
        _start = start;
        return Relay(inner);
    }

    public ValueTask Start(ValueTask inner, MethodTimer timer, long start)
    {
        _timer = timer;
        _start = start;
        return Relay(inner);
    }

    protected override void Succeeded(T result) => _timer!.CompleteWithResult(result, _start);

    protected override void Failed(Exception exception) => _timer!.Fail(exception, _start);

    protected override void Released()
    {
        _timer = null;
        pool.Return(this);
    }
}
