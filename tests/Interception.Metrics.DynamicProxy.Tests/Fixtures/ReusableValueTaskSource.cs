using System.Threading.Tasks.Sources;

namespace Interception.Metrics.DynamicProxy.Tests.Fixtures;

/// <summary>A value task source reset after each read, as a pooled one is: each round hands out a fresh value task.</summary>
public sealed class ReusableValueTaskSource : IValueTaskSource<int>
{
    private ManualResetValueTaskSourceCore<int> _core;

    public ValueTask<int> Next()
    {
        _core.Reset();
        return new ValueTask<int>(this, _core.Version);
    }

    public void SetResult(int result) => _core.SetResult(result);

    public int GetResult(short token) => _core.GetResult(token);

    public ValueTaskSourceStatus GetStatus(short token) => _core.GetStatus(token);

    public void OnCompleted(Action<object?> continuation, object? state, short token, ValueTaskSourceOnCompletedFlags flags) =>
        _core.OnCompleted(continuation, state, token, flags);
}
