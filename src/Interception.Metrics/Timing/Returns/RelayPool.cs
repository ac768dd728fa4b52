namespace Interception.Metrics.Timing.Returns;

/// <summary>
/// Keeps one spare <see cref="TimedValueTaskRelay{T}"/> per timed method, so that calls that follow one another
/// reuse it; concurrent calls create their own, and whatever is not returned is left to the garbage collector.
/// </summary>
internal sealed class RelayPool<T>
{
    private TimedValueTaskRelay<T>? _spare;

    public TimedValueTaskRelay<T> Rent() => Interlocked.Exchange(ref _spare, null) ?? new TimedValueTaskRelay<T>(this);

    public void Return(TimedValueTaskRelay<T> relay) => Volatile.Write(ref _spare, relay);
}
