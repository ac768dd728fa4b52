namespace Interception.Metrics.Autofac.Tests.Fixtures;

/// <summary>Overrides the interface's attribute on one method, inherits it on the other.</summary>
public class Pricing : IPricing
{
    [MetricsTimer(Name = "pricing.price")]
    public decimal Price() => 9.5m;

    public decimal Tax() => 0.2m;
}
