namespace Interception.Metrics.Autofac.Tests.Fixtures;

public class Calculator : ICalculator
{
    public int Add(int a, int b) => a + b;

    public int Untimed() => 42;
}
