using System.Diagnostics.CodeAnalysis;

namespace Interception.Metrics.Autofac.Tests.Fixtures;

/// <summary>Timed, but registered only as itself: no interface for a proxy to stand in for.</summary>
[SuppressMessage("Usage", "INTM004:Timed class implements no interface", Justification = "No interface on purpose: the container must return it unproxied with a warning.")]
public class SelfRegistered
{
    [MetricsTimer]
    public virtual int Run() => 3;
}
