namespace Interception.Metrics.Autofac.Tests.Fixtures;

public sealed class AsyncDisposableWorker(DisposalLog log) : IWorker, IAsyncDisposable
{
    public int Work() => 8;

    public ValueTask DisposeAsync()
    {
        log.DisposedAsync();
        return ValueTask.CompletedTask;
    }
}
