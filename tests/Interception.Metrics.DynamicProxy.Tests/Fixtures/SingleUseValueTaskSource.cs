using System.Threading.Tasks.Sources;

namespace Interception.Metrics.DynamicProxy.Tests.Fixtures;

/// <summary>
/// A pooled-style value task source that fails loudly when its result is read twice, as a pooled source
/// reused after its first read would.
/// </summary>
public sealed class SingleUseValueTaskSource<T> : IValueTaskSource<T>, IValueTaskSource
{
    private ManualResetValueTaskSourceCore<T> _core;
    private int _reads;

    public int Reads => _reads;

    public ValueTask<T> Task => new(this, _core.Version);

    public ValueTask PlainTask => new(this, _core.Version);

    public void SetResult(T result) => _core.SetResult(result);

    public void SetException(Exception exception) => _core.SetException(exception);

    public T GetResult(short token)
    {
        if (Interlocked.Increment(ref _reads) > 1)
        {
            throw new InvalidOperationException("The value task was consumed twice.");
        }

        return _core.GetResult(token);
    }

    void IValueTaskSource.GetResult(short token) => GetResult(token);

    public ValueTaskSourceStatus GetStatus(short token) => _core.GetStatus(token);

    public void OnCompleted(Action<object?> continuation, object? state, short token, ValueTaskSourceOnCompletedFlags flags) =>
        _core.OnCompleted(continuation, state, token, flags);
}
