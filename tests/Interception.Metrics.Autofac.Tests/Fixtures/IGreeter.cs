namespace Interception.Metrics.Autofac.Tests.Fixtures;

/// <summary>A service without timing attributes anywhere.</summary>
public interface IGreeter
{
    string Greet(string name);
}
