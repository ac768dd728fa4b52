namespace Interception.Metrics.Autofac.Tests.Fixtures;

/// <summary>Counts how often the disposable workers sharing it were disposed.</summary>
public sealed class DisposalLog
{
    private int _disposeCalls;
    private int _disposeAsyncCalls;

    public int DisposeCalls => Volatile.Read(ref _disposeCalls);

    public int DisposeAsyncCalls => Volatile.Read(ref _disposeAsyncCalls);

    public void Disposed() => Interlocked.Increment(ref _disposeCalls);

    public void DisposedAsync() => Interlocked.Increment(ref _disposeAsyncCalls);
}
