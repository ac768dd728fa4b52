namespace Interception.Metrics.Autofac.Tests.Fixtures;

public class Prices : IPrices
{
    public decimal Price(string symbol) => 9.5m;

    public string Currency() => "EUR";
}
