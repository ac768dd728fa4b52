namespace Interception.Metrics.Reliability.Tests.Fixtures;

public sealed class UnitOfWork : IUnitOfWork
{
    private bool _disposed;

    public int Commit(int changes) => _disposed ? throw new ObjectDisposedException(nameof(UnitOfWork)) : changes;

    public void Dispose() => _disposed = true;
}
