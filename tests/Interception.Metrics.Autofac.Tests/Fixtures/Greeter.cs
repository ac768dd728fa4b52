namespace Interception.Metrics.Autofac.Tests.Fixtures;

public class Greeter : IGreeter
{
    public string Greet(string name) => $"Hello, {name}";
}
