namespace Interception.Metrics.Autofac.Tests.Fixtures;

public interface IWorker
{
    [MetricsTimer]
    int Work();
}
