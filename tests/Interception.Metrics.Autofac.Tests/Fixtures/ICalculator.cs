namespace Interception.Metrics.Autofac.Tests.Fixtures;

public interface ICalculator
{
    [MetricsTimer]
    int Add(int a, int b);

    int Untimed();
}
