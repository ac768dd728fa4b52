namespace Interception.Metrics.Autofac.Tests.Fixtures;

public interface ILabelled
{
    [MetricsTimer(Labels = ["team=core"])]
    int Tagged();
}
