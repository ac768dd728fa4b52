namespace Interception.Metrics.Autofac.Tests.Fixtures.Scanning;

public interface IScannedTimed
{
    int Run();
}
