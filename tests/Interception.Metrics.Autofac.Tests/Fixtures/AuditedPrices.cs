namespace Interception.Metrics.Autofac.Tests.Fixtures;

/// <summary>A decorator with its own attribute on one method; the other only inherits the interface's.</summary>
public class AuditedPrices(IPrices inner) : IPrices
{
    [MetricsTimer(Name = "prices.audited")]
    public decimal Price(string symbol) => inner.Price(symbol);

    public string Currency() => inner.Currency();
}
