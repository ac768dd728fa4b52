namespace Interception.Metrics.Autofac.Tests.Fixtures;

public class Labelled : ILabelled
{
    public int Tagged() => 5;
}
