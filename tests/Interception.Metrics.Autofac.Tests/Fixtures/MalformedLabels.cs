namespace Interception.Metrics.Autofac.Tests.Fixtures;

public class MalformedLabels : IMalformedLabels
{
    public int Double(int value) => value * 2;

    public int Healthy() => 1;
}
