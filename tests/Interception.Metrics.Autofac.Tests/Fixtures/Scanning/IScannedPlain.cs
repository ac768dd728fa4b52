namespace Interception.Metrics.Autofac.Tests.Fixtures.Scanning;

public interface IScannedPlain
{
    int Run();
}
