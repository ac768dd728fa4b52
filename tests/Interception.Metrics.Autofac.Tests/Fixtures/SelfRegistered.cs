namespace Interception.Metrics.Autofac.Tests.Fixtures;

/// <summary>Timed, but registered only as itself: no interface for a proxy to stand in for.</summary>
public class SelfRegistered
{
    [MetricsTimer]
    public virtual int Run() => 3;
}
