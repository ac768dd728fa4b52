namespace Interception.Metrics.Autofac.Tests.Fixtures;

public sealed class FactoryJob : IFactoryJob
{
    public static IFactoryJob Create() => new FactoryJob();

    public int Run() => 5;
}
