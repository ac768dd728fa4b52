namespace Interception.Metrics.Timing.Returns;

/// <summary>
/// The relay of one timed call returning an incomplete value task: records the call when the target's value task
/// completes, then goes back to its method's <see cref="RelayPool{T}"/> once the caller has read the result.
/// </summary>
internal sealed class TimedValueTaskRelay<T>(RelayPool<T> pool) : ValueTaskRelay<T>
{
    private MethodTimer? _timer;
    private TimedCall _call;

    public ValueTask<T> Start(ValueTask<T> inner, MethodTimer timer, in TimedCall call)
    {
        _timer = timer;
        _call = call;
        return Relay(inner);
    }

    public ValueTask Start(ValueTask inner, MethodTimer timer, in TimedCall call)
    {
        _timer = timer;
        _call = call;
        return Relay(inner);
    }

    protected override void Succeeded(T result) => _timer!.CompleteWithResult(result, _call);

    protected override void Failed(Exception exception) => _timer!.Fail(exception, _call);

    protected override void Released()
    {
        _timer = null;
        _call = default;
        pool.Return(this);
    }
}
