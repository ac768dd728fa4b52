using System.Threading.Tasks.Sources;

namespace Interception.Metrics.Timing.Returns;

/// <summary>
/// Stands in for an incomplete value task until it completes, reading it exactly once. The value task the caller
/// receives reports the target's own status (a fault stays a fault, even with an
/// <see cref="OperationCanceledException"/>) and throws the target's own exception instance; the subclass records
/// the outcome before the caller resumes. Reusable, like a pooled <see cref="IValueTaskSource"/>: the caller's
/// read ends a round and the next round hands out a value task with a new version.
/// </summary>
internal abstract class ValueTaskRelay<T> : IValueTaskSource<T>, IValueTaskSource
{
    private readonly Action _onInnerCompleted;
    private ManualResetValueTaskSourceCore<T> _core;
    private ValueTask<T> _inner;
    private ValueTask _plainInner;
    private bool _plain;

    // The target's own status, written before the core completes and read after it has: a fault with an
    // OperationCanceledException stays Faulted, where the core alone would report Canceled.
    private int _targetStatus;

    protected ValueTaskRelay() => _onInnerCompleted = OnInnerCompleted;

    public ValueTaskSourceStatus GetStatus(short token) =>
        _core.GetStatus(token) == ValueTaskSourceStatus.Pending ? ValueTaskSourceStatus.Pending : (ValueTaskSourceStatus)Volatile.Read(ref _targetStatus);

    public T GetResult(short token)
    {
        if (_core.GetStatus(token) == ValueTaskSourceStatus.Pending)
        {
            // Read too early (or with a stale token): the core throws, and the round in flight is left alone.
            return _core.GetResult(token);
        }

        try
        {
            return _core.GetResult(token);
        }
        finally
        {
            _core.Reset();
            Released();
        }
    }

    void IValueTaskSource.GetResult(short token) => GetResult(token);

    public void OnCompleted(Action<object?> continuation, object? state, short token, ValueTaskSourceOnCompletedFlags flags) =>
        _core.OnCompleted(continuation, state, token, flags);

    /// <summary>Starts a round that relays <paramref name="inner"/>, which must be incomplete.</summary>
    protected ValueTask<T> Relay(ValueTask<T> inner)
    {
        _inner = inner;
        _plain = false;
        var version = _core.Version;
        inner.ConfigureAwait(false).GetAwaiter().UnsafeOnCompleted(_onInnerCompleted);
        return new ValueTask<T>(this, version);
    }

    /// <summary>Starts a round that relays <paramref name="inner"/>, which must be incomplete.</summary>
    protected ValueTask Relay(ValueTask inner)
    {
        _plainInner = inner;
        _plain = true;
        var version = _core.Version;
        inner.ConfigureAwait(false).GetAwaiter().UnsafeOnCompleted(_onInnerCompleted);
        return new ValueTask(this, version);
    }

    /// <summary>The target completed with <paramref name="result"/> (<see langword="default"/> for a plain value task). Must not throw.</summary>
    protected abstract void Succeeded(T result);

    /// <summary>The target faulted or was canceled with <paramref name="exception"/>. Must not throw.</summary>
    protected abstract void Failed(Exception exception);

    /// <summary>The caller has read the result: the relay is free for another round.</summary>
    protected virtual void Released()
    {
    }

    private void OnInnerCompleted()
    {
        T result = default!;
        Exception? error = null;
        if (_plain)
        {
            var inner = _plainInner;
            _plainInner = default;
            Volatile.Write(ref _targetStatus, StatusOf(inner.IsCompletedSuccessfully, inner.IsCanceled));
            try
            {
                inner.GetAwaiter().GetResult();
            }
            catch (Exception exception)
            {
                error = exception;
            }
        }
        else
        {
            var inner = _inner;
            _inner = default;
            Volatile.Write(ref _targetStatus, StatusOf(inner.IsCompletedSuccessfully, inner.IsCanceled));
            try
            {
                result = inner.GetAwaiter().GetResult();
            }
            catch (Exception exception)
            {
                error = exception;
            }
        }

        // Recording must not keep the caller waiting: whatever it throws, the stand-in still completes with the
        // target's outcome (an exception here would end on the thread pool, and the caller would never resume).
        try
        {
            if (error is null)
            {
                Succeeded(result);
            }
            else
            {
                Failed(error);
            }
        }
        catch (Exception)
        {
            // The timer reports its own failures; what escapes it is dropped here rather than the caller's outcome.
        }

        if (error is null)
        {
            _core.SetResult(result);
        }
        else
        {
            _core.SetException(error);
        }
    }

    private static int StatusOf(bool succeeded, bool canceled) =>
        (int)(succeeded ? ValueTaskSourceStatus.Succeeded : canceled ? ValueTaskSourceStatus.Canceled : ValueTaskSourceStatus.Faulted);
}
