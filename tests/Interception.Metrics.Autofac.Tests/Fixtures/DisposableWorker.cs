namespace Interception.Metrics.Autofac.Tests.Fixtures;

public sealed class DisposableWorker(DisposalLog log) : IWorker, IDisposable
{
    public int Work() => 7;

    public void Dispose() => log.Disposed();
}
