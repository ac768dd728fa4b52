namespace Interception.Metrics.Autofac.Tests.Fixtures.Scanning;

public class ScannedTimed : IScannedTimed
{
    [MetricsTimer]
    public int Run() => 1;
}
