namespace Interception.Metrics.Autofac.Tests.Fixtures;

/// <summary>A service interface that declares a static abstract member: no proxy can stand in for it.</summary>
public interface IFactoryJob
{
    static abstract IFactoryJob Create();

    [MetricsTimer]
    int Run();
}
