namespace Interception.Metrics.Reliability.Tests.Fixtures;

/// <summary>A timed, disposable component with one instance per lifetime scope, for the soak test.</summary>
public interface IUnitOfWork : IDisposable
{
    [MetricsTimer(MetricKind.Database, Name = "commit")]
    int Commit(int changes);
}
