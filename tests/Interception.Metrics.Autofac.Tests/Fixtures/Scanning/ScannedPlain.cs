namespace Interception.Metrics.Autofac.Tests.Fixtures.Scanning;

public class ScannedPlain : IScannedPlain
{
    public int Run() => 2;
}
