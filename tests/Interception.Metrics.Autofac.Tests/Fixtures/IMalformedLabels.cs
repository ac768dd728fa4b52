namespace Interception.Metrics.Autofac.Tests.Fixtures;

public interface IMalformedLabels
{
    [MetricsTimer(Labels = ["nokey"])]
    int Double(int value);

    [MetricsTimer]
    int Healthy();
}
