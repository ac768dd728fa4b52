using System.Threading.Tasks.Sources;

namespace Interception.Metrics.DynamicProxy.Tests.Fixtures;

/// <summary>A value task source that stays pending and refuses continuations, as a faulty custom source might.</summary>
public sealed class BrokenValueTaskSource : IValueTaskSource<int>
{
    public int GetResult(short token) => 7;

    public ValueTaskSourceStatus GetStatus(short token) => ValueTaskSourceStatus.Pending;

    public void OnCompleted(Action<object?> continuation, object? state, short token, ValueTaskSourceOnCompletedFlags flags) =>
        throw new InvalidOperationException("continuations refused");
}
