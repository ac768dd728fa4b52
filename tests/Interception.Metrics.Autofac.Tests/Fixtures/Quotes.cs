namespace Interception.Metrics.Autofac.Tests.Fixtures;

public class Quotes : IQuotes
{
    [MetricsTimer]
    public string Quote(string symbol) => $"{symbol}=42";
}
