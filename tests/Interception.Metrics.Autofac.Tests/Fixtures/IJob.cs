namespace Interception.Metrics.Autofac.Tests.Fixtures;

public interface IJob
{
    [MetricsTimer]
    int Run();
}
