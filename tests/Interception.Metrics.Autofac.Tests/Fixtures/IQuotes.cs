namespace Interception.Metrics.Autofac.Tests.Fixtures;

/// <summary>A service without attributes: its implementation and its decorator each carry their own.</summary>
public interface IQuotes
{
    string Quote(string symbol);
}
